import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { findPregnancy, removePregnancy } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failFor, notFound } from '../../../../hh-result.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const pregnancy = await findPregnancy(locals.app, personActor(locals), params.pregnancyId);
  if (!pregnancy.ok) notFound();
  return { pregnancy: { id: pregnancy.value.id, dueDate: pregnancy.value.dueDate } };
};

export const actions: Actions = {
  default: async ({ locals, params }) => {
    const result = await removePregnancy(locals.app, personActor(locals), params.pregnancyId);
    if (!result.ok) return failFor(result.error);
    redirect(303, '/family?done=pregnancy_removed');
  }
};
