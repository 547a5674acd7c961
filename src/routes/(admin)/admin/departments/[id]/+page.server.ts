import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerOf, findDepartmentForAdmin, updateDepartmentDetails } from '#lib/server/municipalities/index.ts';
import { failWith, refuse, requireCaller } from '../../form-failure.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const department = await findDepartmentForAdmin(locals.app, requireCaller(callerOf(locals)), params.id);
  if (!department.ok) refuse(department.error);
  return { department: department.value };
};

export const actions: Actions = {
  default: async ({ locals, request, params }) => {
    const form = await request.formData();
    const result = await updateDepartmentDetails(locals.app, requireCaller(callerOf(locals)), params.id, form);
    if (!result.ok) return failWith(result.error, form);
    redirect(303, '/admin/departments?saved=updated');
  }
};
