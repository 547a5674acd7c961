import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
  auditRetentionYears: Math.round(locals.app.config.auditRetentionDays / 365),
  sessionMaxAgeDays: Math.round(locals.app.config.sessionMaxAgeSeconds / 86_400)
});
