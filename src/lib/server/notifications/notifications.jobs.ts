import type { JobHandler } from '../jobs/job-handler.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { createMailer } from '../mail/mailer.ts';
import { readConfig } from '../platform/config.ts';
import { deliverDueNotifications, type NotificationDeps } from './delivery.service.ts';

/** The app that started on a database registers its senders here, so its job workers use the same ones. */
const depsByDatabase = new WeakMap<DatabaseHandle, NotificationDeps>();

export function registerNotificationDeps(deps: NotificationDeps): void {
  depsByDatabase.set(deps.database, deps);
}

function depsFor(database: DatabaseHandle): NotificationDeps {
  const registered = depsByDatabase.get(database);
  if (registered) return registered;
  const config = readConfig();
  return { database, mailer: createMailer(config), config };
}

/** Sends every due delivery (scheduled each minute). At-least-once is safe: each send carries a stable id. */
export const deliverNotificationsJob: JobHandler = {
  name: 'notifications.deliver',
  async run(database) {
    await deliverDueNotifications(depsFor(database));
  }
};
