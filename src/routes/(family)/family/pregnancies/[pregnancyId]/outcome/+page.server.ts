import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { findPregnancy, recordPregnancyOutcome } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failFor, formInput, notFound } from '../../../../hh-result.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const pregnancy = await findPregnancy(locals.app, personActor(locals), params.pregnancyId);
  if (!pregnancy.ok) notFound();
  return { pregnancy: { id: pregnancy.value.id, dueDate: pregnancy.value.dueDate } };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const values = formInput(await request.formData(), ['outcome', 'outcomeDate']);
    const result = await recordPregnancyOutcome(locals.app, personActor(locals), params.pregnancyId, values);
    if (!result.ok) return failFor(result.error, values);
    const { outcome, outcomeDate, fetusCount } = result.value;
    if (outcome === 'birth') redirect(303, `/family/children/new?born=1&count=${fetusCount}&birthDate=${outcomeDate}`);
    redirect(303, `/family?done=${outcome === 'loss' ? 'outcome_loss' : 'outcome_moved_away'}`);
  }
};
