import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerOf, createDepartment, listDepartmentsOf } from '#lib/server/municipalities/index.ts';
import { failWith, requireCaller } from '../form-failure.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const caller = requireCaller(callerOf(locals));
  return { departments: await listDepartmentsOf(locals.app, caller.municipalityId), saved: url.searchParams.get('saved') };
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const form = await request.formData();
    const result = await createDepartment(locals.app, requireCaller(callerOf(locals)), form);
    if (!result.ok) return failWith(result.error, form, 'create');
    redirect(303, '/admin/departments?saved=created');
  }
};
