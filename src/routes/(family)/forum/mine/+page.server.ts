import type { PageServerLoad } from './$types';
import { forumActorOf, getMyForum } from '#lib/server/forum/index.ts';
import { signInFirst } from '#lib/ui/forum/forum-result.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = forumActorOf(locals) ?? signInFirst(url.pathname);
  return { mine: await getMyForum(locals.app, actor), done: url.searchParams.get('done') };
};
