import type { JobHandler } from './job-handler.ts';
import { purgeAuditJob } from '../platform/audit.jobs.ts';
import { planNoticesJob } from '../guidance/guidance.jobs.ts';
import { expireOffersJob, generateSlotsJob } from '../bookings/bookings.jobs.ts';
import { publishDuePostsJob } from '../publishing/publishing.jobs.ts';
import { deliverNotificationsJob } from '../notifications/notifications.jobs.ts';

/** Every domain's jobs, registered here. */
export const jobHandlers: JobHandler[] = [purgeAuditJob, planNoticesJob, expireOffersJob, generateSlotsJob, publishDuePostsJob, deliverNotificationsJob];
