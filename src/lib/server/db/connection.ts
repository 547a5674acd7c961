import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './database.ts';
import { lockDataDir } from './data-dir-lock.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  kind: DatabaseKind;
  /** Shared by Kysely, better-auth and pg-boss. On PGlite it has one connection. */
  pool: pg.Pool;
  db: Kysely<Database>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Tests open private copies that need no lock. */
  skipLock?: boolean;
}

// bigint counts come back as strings from pg; parse the ones we know fit.
pg.types.setTypeParser(20, (value: string) => Number(value));
// DATE stays a plain 'YYYY-MM-DD' string: a business date, never shifted by a time zone.
pg.types.setTypeParser(1082, (value: string) => value);

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'postgres',
      pool,
      db,
      async close() {
        await db.destroy();
      }
    };
  }
  const release = options.skipLock ? () => {} : lockDataDir(options.dataDir);
  try {
    mkdirSync(dirname(options.dataDir), { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    const pglite = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm } });
    const pool = new pg.Pool(createPgConfig(pglite));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'pglite',
      pool,
      db,
      async close() {
        try {
          await db.destroy();
          await pglite.close();
        } finally {
          release();
        }
      }
    };
  } catch (error) {
    release();
    throw error;
  }
}
