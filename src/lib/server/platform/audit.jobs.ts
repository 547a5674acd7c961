import { z } from 'zod';
import type { JobHandler } from '../jobs/job-handler.ts';
import { purgeAuditOlderThan } from './audit.queries.ts';
import { now } from './clock.ts';

export const purgeAuditPayload = z.object({ retentionDays: z.number().int().positive() });

/** Removes audit entries past the configured retention; idempotent (a second run finds nothing older). */
export const purgeAuditJob: JobHandler = {
  name: 'platform.purge-audit',
  async run(database, data) {
    const { retentionDays } = purgeAuditPayload.parse(data);
    await purgeAuditOlderThan(database.db, new Date(now().getTime() - retentionDays * 86_400_000));
  }
};
