import { z } from 'zod';
import type { JobHandler } from '../jobs/job-handler.ts';
import { today } from '../platform/clock.ts';
import { planAllNotices } from './notices.service.ts';

export const planNoticesPayload = z.object({ onDate: z.iso.date().optional() });

/** Plans the day's notices in every municipality; at-least-once is safe because planning is idempotent. */
export const planNoticesJob: JobHandler = {
  name: 'guidance.plan-notices',
  async run(database, data) {
    const { onDate } = planNoticesPayload.parse(data ?? {});
    await planAllNotices(database.db, onDate ?? today());
  }
};
