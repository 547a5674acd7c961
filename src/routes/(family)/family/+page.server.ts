import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createHousehold, getHousehold, listDistrictChoices } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failFor, formInput } from '../hh-result.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const household = await getHousehold(locals.app, personActor(locals));
  return {
    household,
    districts: household ? [] : await listDistrictChoices(locals.app, locals.municipality.id),
    done: url.searchParams.get('done')
  };
};

export const actions: Actions = {
  create: async ({ request, locals }) => {
    const values = formInput(await request.formData(), ['districtId']);
    const result = await createHousehold(locals.app, personActor(locals), values);
    if (!result.ok) return failFor(result.error, values);
    redirect(303, '/family?done=household_created');
  }
};
