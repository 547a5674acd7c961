import type { JobHandler } from '../jobs/job-handler.ts';
import { createMailer } from '../mail/mailer.ts';
import { readConfig } from '../platform/config.ts';
import { findRunningApp } from '../runtime.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import type { BookingDeps } from './booking-notices.ts';
import { expireOffers } from './bookings.service.ts';
import { generateSlots } from './slots.service.ts';

/** The web server's mailer when the job runs in it; a worker process builds its own from the environment. */
function depsFor(database: DatabaseHandle): BookingDeps {
  const app = findRunningApp();
  if (app && app.database === database) return app;
  const config = readConfig();
  return { database, mailer: createMailer(config), config };
}

/** Gives up waiting-list offers past their time and offers the seats to the next households. Idempotent. */
export const expireOffersJob: JobHandler = {
  name: 'bookings.expire-offers',
  async run(database) {
    await expireOffers(depsFor(database));
  }
};

/** Keeps the recurring patterns' slots created for the coming weeks. Idempotent. */
export const generateSlotsJob: JobHandler = {
  name: 'bookings.generate-slots',
  async run(database) {
    await generateSlots(database.db);
  }
};
