import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerOf, findDistrictForAdmin, updateDistrictDetails } from '#lib/server/municipalities/index.ts';
import { failWith, refuse, requireCaller } from '../../form-failure.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const district = await findDistrictForAdmin(locals.app, requireCaller(callerOf(locals)), params.id);
  if (!district.ok) refuse(district.error);
  return { district: district.value };
};

export const actions: Actions = {
  default: async ({ locals, request, params }) => {
    const form = await request.formData();
    const result = await updateDistrictDetails(locals.app, requireCaller(callerOf(locals)), params.id, form);
    if (!result.ok) return failWith(result.error, form);
    redirect(303, '/admin/districts?saved=updated');
  }
};
