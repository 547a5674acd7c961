import type { PageServerLoad } from './$types';
import { listMyOrganizations } from '#lib/server/organizations/index.ts';
import { personActor } from '#lib/server/people/index.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  return { organizations: await listMyOrganizations(locals.app, personActor(locals)), done: url.searchParams.get('done') };
};
