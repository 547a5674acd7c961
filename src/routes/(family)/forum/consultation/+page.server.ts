import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';
import { forumActorOf, getConsultationForm, requestConsultation } from '#lib/server/forum/index.ts';
import { failFor, formInput, signInFirst } from '#lib/ui/forum/forum-result.ts';

const FIELDS = ['contactMethod', 'contactDetail', 'preferredTime', 'consent'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = forumActorOf(locals) ?? signInFirst(url.pathname + url.search);
  const view = await getConsultationForm(locals.app, actor, url.searchParams.get('post') ?? '');
  if (!view.ok) error(404, { message: m.error_not_found() });
  return { view: view.value, sent: url.searchParams.has('sent') };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const actor = forumActorOf(locals) ?? signInFirst(url.pathname + url.search);
    const postId = url.searchParams.get('post') ?? '';
    const values = formInput(await request.formData(), FIELDS);
    // The consent text is stored word for word, in the language the person read it in.
    const result = await requestConsultation(locals.app, actor, postId, values, m.forum_consultation_consent_label());
    if (!result.ok) return failFor(result.error, values);
    redirect(303, `/forum/consultation?post=${encodeURIComponent(postId)}&sent=1`);
  }
};
