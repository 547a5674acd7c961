import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { acceptMemberInvitation, previewMemberInvitation } from '#lib/server/organizations/index.ts';
import { personActor } from '#lib/server/people/index.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const token = url.searchParams.get('token') ?? '';
  const preview = await previewMemberInvitation(locals.app, personActor(locals), token);
  return preview.ok ? { token, invitation: preview.value, problem: null } : { token: '', invitation: null, problem: preview.error.messageKey };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const token = (await request.formData()).get('token');
    const result = await acceptMemberInvitation(locals.app, personActor(locals), typeof token === 'string' ? token : '');
    if (!result.ok) return fail(result.error.status, { problem: result.error.messageKey });
    redirect(303, `/org/${result.value.organizationId}?done=joined`);
  }
};
