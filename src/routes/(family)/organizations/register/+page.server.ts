import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { registerOrganization } from '#lib/server/organizations/index.ts';
import { listDistricts } from '#lib/server/municipalities/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { orgFailure, orgFormInput } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals }) => {
  const districts = await listDistricts(locals.app.database.db, locals.municipality.id);
  return { districts: districts.map((d) => ({ id: d.id, name: d.name, nameEn: d.name_en })) };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const { values, input } = orgFormInput(await request.formData(), ['districtIds']);
    const link = absoluteUrlFor(locals.app.config);
    const result = await registerOrganization(locals.app, personActor(locals), input, (path) => link(path, request));
    if (!result.ok) return orgFailure(result.error, values, { districtIds: input.districtIds as string[] });
    redirect(303, `/org/${result.value.id}?done=registered`);
  }
};
