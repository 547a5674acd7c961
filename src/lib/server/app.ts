import type { BetterAuthPlugin } from 'better-auth';
import { readConfig, type AppConfig } from './platform/config.ts';
import { openDatabase, type DatabaseHandle } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createAuth, type Auth } from './auth/auth.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { startJobs, type Jobs } from './jobs/queue.ts';
import { logger } from './platform/logger.ts';
import { createEmailSender, createPushSender, registerNotificationDeps, resolveVapidKeys, type ChannelSenders } from './notifications/index.ts';

export interface App {
  config: AppConfig;
  database: DatabaseHandle;
  auth: Auth;
  mailer: Mailer;
  /** The notifications outbox's external channels: email and Web Push. */
  channels: ChannelSenders;
  jobs: Jobs | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  config?: AppConfig;
  /** Framework glue such as SvelteKit's cookie plugin; must come last. */
  authPlugins?: BetterAuthPlugin[];
  /** Run the job workers in this process (always on the embedded database). */
  runWorkers?: boolean;
  /** Tests open a private copy of a template folder and need no lock. */
  skipLock?: boolean;
  migrate?: boolean;
  /** Tests capture mail instead of sending it. */
  mailer?: Mailer;
  /** Tests replace a channel sender (e.g. one that fails) — the port, not the outbox. */
  channels?: ChannelSenders;
}

export function absoluteUrlFor(config: AppConfig) {
  return (path: string, request?: Request): string => {
    if (config.publicOrigin) return config.publicOrigin + path;
    if (request) {
      // adapter-node reports https for every request; only a proxy's X-Forwarded-Proto is trustworthy.
      const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host;
      const proto = request.headers.get('x-forwarded-proto') ?? 'http';
      return `${proto}://${host}${path}`;
    }
    return `http://localhost:${process.env.PORT || 3000}${path}`;
  };
}

/** Opens the database, migrates it and wires auth, mail and jobs. */
export async function startApp(options: StartOptions = {}): Promise<App> {
  const config = options.config ?? readConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    skipLock: options.skipLock
  });
  try {
    const mailer = options.mailer ?? createMailer(config);
    const channels: ChannelSenders = {
      email: createEmailSender(database.db, mailer, config),
      push: createPushSender({ db: database.db, vapid: resolveVapidKeys(config), ttlSeconds: config.pushTtlSeconds }),
      ...options.channels
    };
    registerNotificationDeps({ database, mailer, config, channels });
    const auth = createAuth(database.pool, config, mailer, { absoluteUrl: absoluteUrlFor(config) }, options.authPlugins);
    if (options.migrate !== false) {
      const applied = await migrateToLatest(database, auth);
      if (applied.length) logger.info({ applied }, 'migrations applied');
    }
    const runWorkers = options.runWorkers ?? database.kind === 'pglite';
    const jobs = runWorkers ? await startJobs(database) : undefined;
    if (jobs) {
      await jobs.boss.schedule('platform.purge-audit', '30 3 * * *', { retentionDays: config.auditRetentionDays }, { tz: 'Asia/Tokyo' });
      await jobs.boss.schedule('guidance.plan-notices', '0 6 * * *', {}, { tz: 'Asia/Tokyo' });
      await jobs.boss.schedule('bookings.expire-offers', '* * * * *', {}, { tz: 'Asia/Tokyo' });
      await jobs.boss.schedule('bookings.generate-slots', '15 2 * * *', {}, { tz: 'Asia/Tokyo' });
      await jobs.boss.schedule('publishing.publish-due-posts', '* * * * *', {}, { tz: 'Asia/Tokyo' });
      await jobs.boss.schedule('notifications.deliver', '* * * * *', {}, { tz: 'Asia/Tokyo' });
    }
    let stopped = false;
    return {
      config,
      database,
      auth,
      mailer,
      channels,
      jobs,
      async stop() {
        if (stopped) return;
        stopped = true;
        await jobs?.stop();
        await database.close();
      }
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
