import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';
import {
  deletePost,
  editPost,
  flagPost,
  forumActorOf,
  getThread,
  isProfessional,
  listForumTopics,
  replyToThread,
  setFollowing,
  toggleWakaru,
  type ForumActor
} from '#lib/server/forum/index.ts';
import { failFor, formInput, signInFirst } from '#lib/ui/forum/forum-result.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = forumActorOf(locals);
  const thread = await getThread(locals.app, actor, locals.municipality.id, params.threadId);
  if (!thread.ok) error(404, { message: m.error_not_found() });
  const editing = url.searchParams.get('edit');
  return {
    thread: thread.value,
    topics: await listForumTopics(locals.app, locals.municipality.id),
    signedIn: Boolean(actor),
    isProfessional: Boolean(actor && isProfessional(actor)),
    editing: thread.value.posts.some((p) => p.id === editing && p.canEdit) ? editing : null,
    flagging: url.searchParams.get('flag')
  };
};

function actorOrSignIn(locals: App.Locals, path: string): ForumActor {
  return forumActorOf(locals) ?? signInFirst(path);
}

export const actions: Actions = {
  reply: async ({ request, locals, params, url }) => {
    const actor = actorOrSignIn(locals, url.pathname);
    const form = await request.formData();
    const values = formInput(form, ['body', 'persona', 'asProfessional']);
    const result = await replyToThread(locals.app, actor, params.threadId, values);
    if (!result.ok) return failFor(result.error, values, 'reply');
    if (result.value.heldForSafety) redirect(303, `/forum/safety?post=${result.value.postId}`);
    redirect(303, `/forum/threads/${params.threadId}?done=${result.value.heldForReview ? 'held' : 'replied'}#post-${result.value.postId}`);
  },
  wakaru: async ({ request, locals, url, params }) => {
    const actor = actorOrSignIn(locals, url.pathname);
    const postId = String((await request.formData()).get('postId') ?? '');
    const result = await toggleWakaru(locals.app, actor, postId);
    if (!result.ok) return failFor(result.error, {}, 'wakaru');
    redirect(303, `/forum/threads/${params.threadId}#post-${postId}`);
  },
  follow: async ({ locals, url, params }) => {
    const actor = actorOrSignIn(locals, url.pathname);
    const result = await setFollowing(locals.app, actor, params.threadId, true);
    if (!result.ok) return failFor(result.error, {}, 'follow');
    redirect(303, `/forum/threads/${params.threadId}?done=followed`);
  },
  unfollow: async ({ locals, url, params }) => {
    const actor = actorOrSignIn(locals, url.pathname);
    const result = await setFollowing(locals.app, actor, params.threadId, false);
    if (!result.ok) return failFor(result.error, {}, 'follow');
    redirect(303, `/forum/threads/${params.threadId}?done=unfollowed`);
  },
  flag: async ({ request, locals, url, params }) => {
    const actor = actorOrSignIn(locals, url.pathname);
    const form = await request.formData();
    const values = formInput(form, ['postId', 'reason', 'note']);
    const result = await flagPost(locals.app, actor, values.postId ?? '', values);
    if (!result.ok) return failFor(result.error, values, 'flag');
    // A post hidden by this flag may have been the thread itself: go back to the list.
    redirect(303, result.value.hidden ? '/forum?done=flagged' : `/forum/threads/${params.threadId}?done=flagged`);
  },
  edit: async ({ request, locals, url, params }) => {
    const actor = actorOrSignIn(locals, url.pathname);
    const form = await request.formData();
    const values = formInput(form, ['postId', 'body']);
    const result = await editPost(locals.app, actor, values.postId ?? '', values);
    if (!result.ok) return failFor(result.error, values, 'edit');
    if (result.value.heldForSafety) redirect(303, `/forum/safety?post=${result.value.postId}`);
    if (result.value.heldForReview) redirect(303, `/forum/threads/${params.threadId}?done=held`);
    redirect(303, `/forum/threads/${params.threadId}?done=edited#post-${result.value.postId}`);
  },
  delete: async ({ request, locals, url, params }) => {
    const actor = actorOrSignIn(locals, url.pathname);
    const postId = String((await request.formData()).get('postId') ?? '');
    const result = await deletePost(locals.app, actor, postId);
    if (!result.ok) return failFor(result.error, {}, 'delete');
    redirect(303, result.value.wasOpening ? '/forum/mine?done=deleted' : `/forum/threads/${params.threadId}?done=deleted`);
  }
};
