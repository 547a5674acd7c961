import type { PageServerLoad } from './$types';
import { listMyProcedures } from '#lib/server/procedures/index.ts';
import { personActor } from '#lib/server/people/index.ts';

export const load: PageServerLoad = async ({ locals }) => ({ procedures: await listMyProcedures(locals.app, personActor(locals)) });
