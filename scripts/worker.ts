// `npm run worker`: runs the background jobs in their own process. Only on a PostgreSQL server: the
// embedded database has one owner, the web server, which runs the workers itself.
import { readConfig } from '../src/lib/server/platform/config.ts';
import { startApp } from '../src/lib/server/app.ts';
import { logger } from '../src/lib/server/platform/logger.ts';

const config = readConfig();
if (!config.databaseUrl) {
  console.error(
    'npm run worker needs a PostgreSQL server (set DATABASE_URL).\n' +
      'On the embedded database the web server (npm start) runs the workers itself; a second process must not open its data folder.'
  );
  process.exit(1);
}
const app = await startApp({ config, runWorkers: true });
console.log('Hagukumi worker is running; stop it with Ctrl+C.');
const stop = async () => {
  logger.info('worker stopping');
  await app.stop();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
