import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerOf, findPersonForRoles, listRoleHolders } from '#lib/server/municipalities/index.ts';
import { failWith, refuse, requireCaller } from '../form-failure.ts';

export const load: PageServerLoad = async ({ locals }) => {
  const holders = await listRoleHolders(locals.app, requireCaller(callerOf(locals)));
  if (!holders.ok) refuse(holders.error);
  return { holders: holders.value };
};

export const actions: Actions = {
  // A POST, so the address searched for stays out of URLs, history and logs.
  find: async ({ locals, request }) => {
    const form = await request.formData();
    const result = await findPersonForRoles(locals.app, requireCaller(callerOf(locals)), form);
    if (!result.ok) return failWith(result.error, form);
    redirect(303, `/admin/roles/${encodeURIComponent(result.value.id)}`);
  }
};
