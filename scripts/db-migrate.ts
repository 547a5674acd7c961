// `npm run db:migrate`: brings the database (embedded folder or DATABASE_URL) up to date and exits.
import { startApp } from '../src/lib/server/app.ts';
import { DataDirLockedError } from '../src/lib/server/db/data-dir-lock.ts';

try {
  const app = await startApp({ runWorkers: false });
  console.log(`Database is up to date (${app.database.kind === 'pglite' ? app.config.dataDir : 'PostgreSQL server'}).`);
  await app.stop();
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
