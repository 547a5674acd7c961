import { PgBoss } from 'pg-boss';
import type { DatabaseHandle } from '../db/connection.ts';
import { jobHandlers } from './registry.ts';
import { logger } from '../platform/logger.ts';

export interface Jobs {
  boss: PgBoss;
  send(name: string, data: object, options?: { singletonKey?: string }): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * pg-boss on the shared pool: on PGlite its statements must go through the same single connection
 * as the app's transactions (a direct PGlite handle would be rolled back with an open app transaction).
 */
export async function startJobs(database: DatabaseHandle, options: { work?: boolean } = {}): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.pool.query(text, values as unknown[]) },
    ...(database.kind === 'pglite' ? { backend: 'pglite' as const } : {}),
    schema: 'pgboss'
  } as ConstructorParameters<typeof PgBoss>[0]);
  boss.on('error', (error: unknown) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const handler of jobHandlers) {
    await boss.createQueue(handler.name);
    if (options.work !== false) {
      await boss.work(handler.name, async (jobs) => {
        for (const job of jobs) await handler.run(database, job.data);
      });
    }
  }
  return {
    boss,
    send: (name, data, sendOptions) => boss.send(name, data, sendOptions),
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000 });
    }
  };
}
