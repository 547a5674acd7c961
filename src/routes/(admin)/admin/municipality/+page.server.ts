import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { PREFECTURES, addMunicipalityHost, callerOf, loadMunicipalityProfile, removeMunicipalityHost, updateMunicipalityProfile } from '#lib/server/municipalities/index.ts';
import { failWith, refuse, requireCaller } from '../form-failure.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const profile = await loadMunicipalityProfile(locals.app, requireCaller(callerOf(locals)));
  if (!profile.ok) refuse(profile.error);
  return {
    profile: profile.value,
    prefectures: PREFECTURES,
    currentHost: (url.host || '').toLowerCase().replace(/:\d+$/, ''),
    saved: url.searchParams.get('saved')
  };
};

export const actions: Actions = {
  profile: async ({ locals, request }) => {
    const form = await request.formData();
    const result = await updateMunicipalityProfile(locals.app, requireCaller(callerOf(locals)), form);
    if (!result.ok) return failWith(result.error, form, 'profile');
    redirect(303, '/admin/municipality?saved=profile');
  },
  addHost: async ({ locals, request }) => {
    const form = await request.formData();
    const result = await addMunicipalityHost(locals.app, requireCaller(callerOf(locals)), form);
    if (!result.ok) return failWith(result.error, form, 'addHost');
    redirect(303, '/admin/municipality?saved=host-added');
  },
  removeHost: async ({ locals, request }) => {
    const form = await request.formData();
    const result = await removeMunicipalityHost(locals.app, requireCaller(callerOf(locals)), String(form.get('host') ?? ''), request.headers.get('host') ?? '');
    if (!result.ok) return failWith(result.error, form, 'removeHost');
    redirect(303, '/admin/municipality?saved=host-removed');
  }
};
