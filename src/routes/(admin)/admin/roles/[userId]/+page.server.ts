import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { QUALIFICATIONS, ROLE_SCOPES, callerOf, endRoleAssignment, grantRole, listDepartmentsOf, loadPersonRoles } from '#lib/server/municipalities/index.ts';
import { ROLES } from '#lib/server/auth/roles.ts';
import { today } from '#lib/server/platform/clock.ts';
import { failWith, refuse, requireCaller } from '../../form-failure.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const caller = requireCaller(callerOf(locals));
  const person = await loadPersonRoles(locals.app, caller, params.userId);
  if (!person.ok) refuse(person.error);
  return {
    ...person.value,
    isSelf: caller.userId === params.userId,
    roles: ROLES.map((role) => ({ role, scope: ROLE_SCOPES[role] })),
    departments: await listDepartmentsOf(locals.app, caller.municipalityId),
    qualifications: [...QUALIFICATIONS],
    today: today(),
    saved: url.searchParams.get('saved')
  };
};

export const actions: Actions = {
  grant: async ({ locals, request, params }) => {
    const form = await request.formData();
    const result = await grantRole(locals.app, requireCaller(callerOf(locals)), params.userId, form);
    if (!result.ok) return failWith(result.error, form, 'grant');
    redirect(303, `/admin/roles/${encodeURIComponent(params.userId)}?saved=granted`);
  },
  end: async ({ locals, request, params }) => {
    const form = await request.formData();
    const result = await endRoleAssignment(locals.app, requireCaller(callerOf(locals)), params.userId, String(form.get('assignmentId') ?? ''));
    if (!result.ok) return failWith(result.error, form, 'end');
    redirect(303, `/admin/roles/${encodeURIComponent(params.userId)}?saved=ended`);
  }
};
