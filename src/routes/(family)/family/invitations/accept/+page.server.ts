import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { acceptInvitation, previewInvitation } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { formInput } from '../../../hh-result.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const token = url.searchParams.get('token') ?? '';
  const preview = await previewInvitation(locals.app, personActor(locals), token);
  return preview.ok
    ? { token, inviterName: preview.value.inviterName, problem: null }
    : { token: '', inviterName: '', problem: { key: preview.error.messageKey, code: preview.error.code } };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const { token = '' } = formInput(await request.formData(), ['token']);
    const result = await acceptInvitation(locals.app, personActor(locals), token);
    if (!result.ok) return fail(result.error.status, { problem: { key: result.error.messageKey, code: result.error.code } });
    redirect(303, '/family?done=invitation_accepted');
  }
};
