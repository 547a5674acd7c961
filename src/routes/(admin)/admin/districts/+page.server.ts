import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerOf, createDistrict, listDistrictsForAdmin, removeDistrict, setDistrictActivity } from '#lib/server/municipalities/index.ts';
import { failWith, refuse, requireCaller } from '../form-failure.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const districts = await listDistrictsForAdmin(locals.app, requireCaller(callerOf(locals)));
  if (!districts.ok) refuse(districts.error);
  return { districts: districts.value, saved: url.searchParams.get('saved') };
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const form = await request.formData();
    const result = await createDistrict(locals.app, requireCaller(callerOf(locals)), form);
    if (!result.ok) return failWith(result.error, form, 'create');
    redirect(303, '/admin/districts?saved=created');
  },
  deactivate: async ({ locals, request }) => {
    const form = await request.formData();
    const result = await setDistrictActivity(locals.app, requireCaller(callerOf(locals)), String(form.get('id') ?? ''), false);
    if (!result.ok) return failWith(result.error, form, 'row');
    redirect(303, '/admin/districts?saved=deactivated');
  },
  reactivate: async ({ locals, request }) => {
    const form = await request.formData();
    const result = await setDistrictActivity(locals.app, requireCaller(callerOf(locals)), String(form.get('id') ?? ''), true);
    if (!result.ok) return failWith(result.error, form, 'row');
    redirect(303, '/admin/districts?saved=reactivated');
  },
  delete: async ({ locals, request }) => {
    const form = await request.formData();
    const result = await removeDistrict(locals.app, requireCaller(callerOf(locals)), String(form.get('id') ?? ''));
    if (!result.ok) return failWith(result.error, form, 'row');
    redirect(303, '/admin/districts?saved=deleted');
  }
};
