import type { PageServerLoad } from './$types';
import { listInbox } from '#lib/server/notifications/index.ts';
import { personActor } from '#lib/server/people/index.ts';

export const load: PageServerLoad = async ({ locals }) => {
  return { notices: await listInbox(locals.app, personActor(locals)) };
};
