import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createOfficialOrganization } from '#lib/server/organizations/index.ts';
import { callerOf, listDistricts, listDepartmentsOf } from '#lib/server/municipalities/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { m } from '#lib/paraglide/messages.js';
import { orgFailure, orgFormInput } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals }) => {
  const [districts, departments] = await Promise.all([
    listDistricts(locals.app.database.db, locals.municipality.id),
    listDepartmentsOf(locals.app, locals.municipality.id)
  ]);
  return {
    districts: districts.map((d) => ({ id: d.id, name: d.name, nameEn: d.name_en })),
    departments: departments.map((d) => ({ code: d.code, name: d.name, nameEn: d.nameEn }))
  };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const caller = callerOf(locals);
    if (!caller) error(401, { message: m.error_sign_in_required() });
    const { values, input } = orgFormInput(await request.formData(), ['districtIds']);
    const link = absoluteUrlFor(locals.app.config);
    const result = await createOfficialOrganization(locals.app, caller, input, (path) => link(path, request));
    if (!result.ok) return orgFailure(result.error, values, { districtIds: input.districtIds as string[] });
    redirect(303, `/staff/organizations/${result.value.id}?done=created`);
  }
};
