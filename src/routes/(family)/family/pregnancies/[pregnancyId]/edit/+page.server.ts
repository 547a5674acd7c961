import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { clearPregnancyOutcome, findPregnancy, updatePregnancy } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failFor, formInput, notFound } from '../../../../hh-result.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const pregnancy = await findPregnancy(locals.app, personActor(locals), params.pregnancyId);
  if (!pregnancy.ok) notFound();
  return { pregnancy: pregnancy.value };
};

export const actions: Actions = {
  save: async ({ request, locals, params }) => {
    const values = formInput(await request.formData(), ['dueDate', 'fetusCount']);
    const result = await updatePregnancy(locals.app, personActor(locals), params.pregnancyId, values);
    if (!result.ok) return failFor(result.error, values);
    redirect(303, '/family?done=pregnancy_updated');
  },
  clearOutcome: async ({ locals, params }) => {
    const result = await clearPregnancyOutcome(locals.app, personActor(locals), params.pregnancyId);
    if (!result.ok) return failFor(result.error);
    redirect(303, '/family?done=outcome_cleared');
  }
};
