import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';
import { forumActorOf, getModerationItem, moderatePost } from '#lib/server/forum/index.ts';
import { failFor, formInput } from '#lib/ui/forum/forum-result.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = forumActorOf(locals);
  if (!actor) error(401, { message: m.error_sign_in_required() });
  const item = await getModerationItem(locals.app, actor, params.postId);
  if (!item.ok) error(item.error.status === 403 ? 403 : 404, { message: item.error.status === 403 ? m.error_forbidden() : m.error_not_found() });
  return { item: item.value, done: url.searchParams.get('done') };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const actor = forumActorOf(locals);
    if (!actor) error(401, { message: m.error_sign_in_required() });
    const values = formInput(await request.formData(), ['action', 'reason', 'body', 'days']);
    const result = await moderatePost(locals.app, actor, params.postId, values);
    if (!result.ok) return failFor(result.error, values);
    redirect(303, `/moderation/forum/posts/${params.postId}?done=${result.value.action}`);
  }
};
