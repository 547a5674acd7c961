import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';
import { forumActorOf, getConsultationRequest, updateConsultationRequest } from '#lib/server/forum/index.ts';
import { failFor, formInput } from '#lib/ui/forum/forum-result.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = forumActorOf(locals);
  if (!actor) error(401, { message: m.error_sign_in_required() });
  const request = await getConsultationRequest(locals.app, actor, params.requestId);
  if (!request.ok) error(request.error.status === 403 ? 403 : 404, { message: request.error.status === 403 ? m.error_forbidden() : m.error_not_found() });
  return { request: request.value, done: url.searchParams.has('done') };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const actor = forumActorOf(locals);
    if (!actor) error(401, { message: m.error_sign_in_required() });
    const values = formInput(await request.formData(), ['status', 'note']);
    const result = await updateConsultationRequest(locals.app, actor, params.requestId, values);
    if (!result.ok) return failFor(result.error, values);
    redirect(303, `/support/forum/consultations/${params.requestId}?done=1`);
  }
};
