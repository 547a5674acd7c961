import type { PageServerLoad } from './$types';
import { listInbox } from '#lib/server/guidance/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals }) => {
  return { notices: await listInbox(locals.app, personActor(locals), getLocale()) };
};
