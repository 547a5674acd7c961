import type { PageServerLoad } from './$types';
import { listOrganizationEvents } from '#lib/server/events/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { orgNotFound } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const result = await listOrganizationEvents(locals.app, personActor(locals), params.orgId);
  if (!result.ok) orgNotFound();
  return { ...result.value, done: url.searchParams.get('done') };
};
