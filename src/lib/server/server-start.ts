import type { BetterAuthPlugin } from 'better-auth';
import { startApp, type App } from './app.ts';
import { findRunningApp, setRunningApp } from './runtime.ts';
import { listMunicipalities } from './municipalities/municipalities.queries.ts';
import { seedDemoWard, printDemoAccounts } from './demo/demo-ward.ts';
import { logger } from './platform/logger.ts';

/**
 * Starts Hagukumi inside the web server process: database, migrations, demo data on an empty
 * embedded database, in-process workers on PGlite, and a clean stop on SIGTERM.
 */
export async function startServer(options: { authPlugins?: BetterAuthPlugin[] } = {}): Promise<App> {
  const existing = findRunningApp();
  if (existing) return existing;
  let app: App;
  try {
    app = await startApp({ authPlugins: options.authPlugins });
  } catch (error) {
    if (error instanceof Error && error.name === 'DataDirLockedError') {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  setRunningApp(app);

  if (app.database.kind === 'pglite') {
    const municipalities = await listMunicipalities(app.database.db);
    if (municipalities.length === 0) {
      await seedDemoWard(app);
      console.log('Loaded the demo ward さくら区 into the new embedded database.');
      printDemoAccounts();
    } else if (process.env.HAGUKUMI_QUIET !== '1') {
      printDemoAccounts();
    }
  } else if ((await listMunicipalities(app.database.db)).length === 0) {
    console.warn('No municipality is set up in this database. Run `npm run db:seed-demo` to load the demo ward.');
  }

  const stop = async () => {
    await app.stop();
    setRunningApp(undefined);
  };
  process.once('sveltekit:shutdown', () => {
    stop().catch((err) => logger.error({ err }, 'error while stopping'));
  });
  const where = app.database.kind === 'pglite' ? app.config.dataDir : 'PostgreSQL server';
  console.log(`Hagukumi is ready in ${process.uptime().toFixed(1)} s (database: ${where}).`);
  return app;
}
