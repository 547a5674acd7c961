import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { changeHouseholdDistrict, listDistrictChoices, listHouseholdSummariesForPerson } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failFor, formInput } from '../../hh-result.ts';

export const load: PageServerLoad = async ({ locals }) => {
  const [household] = await listHouseholdSummariesForPerson(locals.app, personActor(locals).userId, locals.municipality.id);
  if (!household) redirect(303, '/family');
  return { currentDistrictId: household.districtId, districts: await listDistrictChoices(locals.app, locals.municipality.id) };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const values = formInput(await request.formData(), ['districtId']);
    const result = await changeHouseholdDistrict(locals.app, personActor(locals), values);
    if (!result.ok) return failFor(result.error, values);
    redirect(303, '/family?done=district_changed');
  }
};
