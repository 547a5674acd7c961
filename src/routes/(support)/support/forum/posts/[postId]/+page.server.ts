import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';
import { forumActorOf, getQueuedPost, markQueuedPostHandled, replyPrivately } from '#lib/server/forum/index.ts';
import { failFor, formInput } from '#lib/ui/forum/forum-result.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = forumActorOf(locals);
  if (!actor) error(401, { message: m.error_sign_in_required() });
  const post = await getQueuedPost(locals.app, actor, params.postId);
  if (!post.ok) error(post.error.status === 403 ? 403 : 404, { message: post.error.status === 403 ? m.error_forbidden() : m.error_not_found() });
  return { post: post.value, done: url.searchParams.get('done') };
};

export const actions: Actions = {
  reply: async ({ request, locals, params }) => {
    const actor = forumActorOf(locals);
    if (!actor) error(401, { message: m.error_sign_in_required() });
    const values = formInput(await request.formData(), ['body', 'offerConsultation']);
    const result = await replyPrivately(locals.app, actor, params.postId, values);
    if (!result.ok) return failFor(result.error, values, 'reply');
    redirect(303, `/support/forum/posts/${params.postId}?done=replied`);
  },
  handle: async ({ request, locals, params }) => {
    const actor = forumActorOf(locals);
    if (!actor) error(401, { message: m.error_sign_in_required() });
    const release = (await request.formData()).get('release') === 'on';
    const result = await markQueuedPostHandled(locals.app, actor, params.postId, release);
    if (!result.ok) return failFor(result.error, {}, 'handle');
    redirect(303, `/support/forum?done=handled`);
  }
};
