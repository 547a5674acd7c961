import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { findOtherGuardian, removeGuardian } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failFor, notFound } from '../../../../hh-result.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const guardian = await findOtherGuardian(locals.app, personActor(locals), params.userId);
  if (!guardian.ok) notFound();
  return { guardian: guardian.value };
};

export const actions: Actions = {
  default: async ({ locals, params }) => {
    const result = await removeGuardian(locals.app, personActor(locals), params.userId);
    if (!result.ok) return failFor(result.error);
    redirect(303, '/family/guardians?done=guardian_removed');
  }
};
