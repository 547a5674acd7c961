import type { PageServerLoad } from './$types';
import { forumActorOf, readNotices } from '#lib/server/forum/index.ts';
import { signInFirst } from '#lib/ui/forum/forum-result.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = forumActorOf(locals) ?? signInFirst(url.pathname);
  return { notices: await readNotices(locals.app, actor) };
};
