import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { updateOrganization } from '#lib/server/organizations/index.ts';
import { listDistricts } from '#lib/server/municipalities/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { orgFailure, orgFormInput } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const districts = await listDistricts(locals.app.database.db, locals.municipality.id);
  return { districts: districts.map((d) => ({ id: d.id, name: d.name, nameEn: d.name_en })), done: url.searchParams.get('done') };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const { values, input } = orgFormInput(await request.formData(), ['districtIds']);
    const result = await updateOrganization(locals.app, personActor(locals), params.orgId, input);
    if (!result.ok) return orgFailure(result.error, values, { districtIds: input.districtIds as string[] });
    redirect(303, result.value.resubmitted ? `/org/${params.orgId}?done=resubmitted` : `/org/${params.orgId}/profile?done=saved`);
  }
};
