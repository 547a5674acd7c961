import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { changeMemberRole, getMembers, handOverOwnership, inviteMember, removeMember, revokeMemberInvitation } from '#lib/server/organizations/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { orgFailure, orgFormInput, orgNotFound } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const view = await getMembers(locals.app, personActor(locals), params.orgId);
  if (!view.ok) orgNotFound();
  return { ...view.value, done: url.searchParams.get('done') };
};

const back = (orgId: string, done: string) => `/org/${orgId}/members?done=${done}`;

export const actions: Actions = {
  invite: async ({ request, locals, params }) => {
    const { values, input } = orgFormInput(await request.formData());
    const link = absoluteUrlFor(locals.app.config);
    const result = await inviteMember(locals.app, personActor(locals), params.orgId, input, (path) => link(path, request));
    if (!result.ok) return orgFailure(result.error, values, {}, 'invite');
    redirect(303, back(params.orgId, 'invited'));
  },
  revoke: async ({ request, locals, params }) => {
    const { values } = orgFormInput(await request.formData());
    const result = await revokeMemberInvitation(locals.app, personActor(locals), params.orgId, values.invitationId ?? '');
    if (!result.ok) return orgFailure(result.error, values, {}, 'revoke');
    redirect(303, back(params.orgId, 'revoked'));
  },
  role: async ({ request, locals, params }) => {
    const { values, input } = orgFormInput(await request.formData());
    const result = await changeMemberRole(locals.app, personActor(locals), params.orgId, values.userId ?? '', input);
    if (!result.ok) return orgFailure(result.error, values, {}, `role-${values.userId ?? ''}`);
    redirect(303, back(params.orgId, 'role_changed'));
  },
  handOver: async ({ request, locals, params }) => {
    const { values } = orgFormInput(await request.formData());
    const result = await handOverOwnership(locals.app, personActor(locals), params.orgId, values.userId ?? '');
    if (!result.ok) return orgFailure(result.error, values, {}, `handOver-${values.userId ?? ''}`);
    redirect(303, back(params.orgId, 'handed_over'));
  },
  remove: async ({ request, locals, params }) => {
    const { values } = orgFormInput(await request.formData());
    const actor = personActor(locals);
    const result = await removeMember(locals.app, actor, params.orgId, values.userId ?? '');
    if (!result.ok) return orgFailure(result.error, values, {}, `remove-${values.userId ?? ''}`);
    if (values.userId === actor.userId) redirect(303, '/org?done=left');
    redirect(303, back(params.orgId, 'removed'));
  }
};
