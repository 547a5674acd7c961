import type { PageServerLoad } from './$types';
import { today } from '#lib/server/platform/clock.ts';

export const load: PageServerLoad = ({ locals }) => {
  // The hook lets only org members in; their memberships are their org_member assignments in force today.
  const memberships = (locals.viewer?.roles ?? [])
    .filter((r) => r.role === 'org_member' && r.scopeType === 'organization' && r.scopeId)
    .map((r) => ({ organizationId: r.scopeId as string, validFrom: r.validFrom, validTo: r.validTo }));
  return { memberships, today: today() };
};
