import type { PageServerLoad } from './$types';
import { getPublicOrganization } from '#lib/server/organizations/index.ts';
import { listOrganizationUpcomingEvents } from '#lib/server/events/index.ts';
import { orgNotFound } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const found = await getPublicOrganization(locals.app, locals.municipality.id, params.id);
  if (!found.ok) orgNotFound();
  return { organization: found.value, events: await listOrganizationUpcomingEvents(locals.app, locals.municipality.id, found.value.id) };
};
