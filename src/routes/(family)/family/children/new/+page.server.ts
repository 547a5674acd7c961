import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { addChild, listHouseholdSummariesForPerson } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failFor, formInput } from '../../../hh-result.ts';

const FIELDS = ['name', 'birthDate', 'sex'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
  const households = await listHouseholdSummariesForPerson(locals.app, personActor(locals).userId, locals.municipality.id);
  if (households.length === 0) redirect(303, '/family');
  // After a birth is recorded, the form opens with the birth date filled in (and how many babies).
  const birthDate = url.searchParams.get('birthDate') ?? '';
  const count = Number(url.searchParams.get('count') ?? '0');
  return {
    prefill: { birthDate: /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : '' },
    births: url.searchParams.has('born') ? (Number.isInteger(count) && count >= 1 && count <= 5 ? count : 1) : 0
  };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    const values = formInput(form, FIELDS);
    const result = await addChild(locals.app, personActor(locals), values);
    if (!result.ok) return failFor(result.error, values);
    const remaining = Number(form.get('remaining') ?? '0');
    if (Number.isInteger(remaining) && remaining > 0 && remaining <= 4) {
      redirect(303, `/family/children/new?born=1&count=${remaining}&birthDate=${encodeURIComponent(values.birthDate ?? '')}&added=1`);
    }
    redirect(303, '/family?done=child_added');
  }
};
