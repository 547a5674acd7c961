import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { addPregnancy, listHouseholdSummariesForPerson } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failFor, formInput } from '../../../hh-result.ts';

const FIELDS = ['basis', 'dueDate', 'weeks', 'days', 'fetusCount'] as const;

export const load: PageServerLoad = async ({ locals }) => {
  const households = await listHouseholdSummariesForPerson(locals.app, personActor(locals).userId, locals.municipality.id);
  if (households.length === 0) redirect(303, '/family');
  return {};
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const values = formInput(await request.formData(), FIELDS);
    const result = await addPregnancy(locals.app, personActor(locals), values);
    if (!result.ok) return failFor(result.error, values);
    redirect(303, '/family?done=pregnancy_added');
  }
};
