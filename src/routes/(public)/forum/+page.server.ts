import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';
import { canModerate, forumActorOf, listForumTopics, listThreads, seesSupportQueue } from '#lib/server/forum/index.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const q = url.searchParams.get('q') ?? '';
  const topic = url.searchParams.get('topic') ?? '';
  const page = await listThreads(locals.app, locals.municipality.id, { q, topic, cursor: url.searchParams.get('cursor') });
  if (!page.ok) error(400, { message: m.forum_error_cursor() });
  const actor = forumActorOf(locals);
  return {
    q,
    topic,
    flagged: url.searchParams.get('done') === 'flagged',
    topics: await listForumTopics(locals.app, locals.municipality.id),
    threads: page.value.items,
    nextCursor: page.value.nextCursor,
    signedIn: Boolean(actor),
    seesSupportQueue: seesSupportQueue(actor),
    moderates: Boolean(actor && canModerate(actor))
  };
};
