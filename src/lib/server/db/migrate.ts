import { Migrator } from 'kysely/migration';
import { getMigrations } from 'better-auth/db/migration';
import type { DatabaseHandle } from './connection.ts';
import type { Auth } from '../auth/auth.ts';
import { migrations } from './migrations/index.ts';

const MIGRATION_LOCK = 7_240_001;

/**
 * Brings the schema up to date: better-auth's tables first (ours reference "user"), then ours.
 * On PostgreSQL an advisory lock keeps two starting instances from migrating at once.
 */
export async function migrateToLatest(handle: DatabaseHandle, auth: Auth): Promise<string[]> {
  const lockClient = handle.kind === 'postgres' ? await handle.pool.connect() : undefined;
  try {
    if (lockClient) await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const { runMigrations } = await getMigrations(auth.options);
    await runMigrations();
    const migrator = new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => migrations }
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  } finally {
    if (lockClient) {
      await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      lockClient.release();
    }
  }
}
