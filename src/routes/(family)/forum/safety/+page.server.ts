import type { PageServerLoad } from './$types';
import { forumActorOf, getSafetyPage } from '#lib/server/forum/index.ts';
import { signInFirst } from '#lib/ui/forum/forum-result.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = forumActorOf(locals) ?? signInFirst(url.pathname + url.search);
  return { safety: await getSafetyPage(locals.app, actor, url.searchParams.get('post')) };
};
