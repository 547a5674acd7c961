import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { forumActorOf, listForumTopics, startThread } from '#lib/server/forum/index.ts';
import { failFor, formInput, signInFirst } from '#lib/ui/forum/forum-result.ts';

const FIELDS = ['title', 'body', 'ageTopic', 'themeTopic', 'persona'] as const;

export const load: PageServerLoad = async ({ locals, url }) => ({
  topics: await listForumTopics(locals.app, locals.municipality.id),
  topic: url.searchParams.get('topic') ?? ''
});

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const actor = forumActorOf(locals) ?? signInFirst(url.pathname);
    const values = formInput(await request.formData(), FIELDS);
    const result = await startThread(locals.app, actor, values);
    if (!result.ok) return failFor(result.error, values);
    if (result.value.heldForSafety) redirect(303, `/forum/safety?post=${result.value.postId}`);
    redirect(303, `/forum/threads/${result.value.threadId}?done=${result.value.heldForReview ? 'held' : 'posted'}`);
  }
};
