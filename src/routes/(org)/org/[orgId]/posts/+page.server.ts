import type { PageServerLoad } from './$types';
import { listConsolePosts } from '#lib/server/publishing/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { orgNotFound } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const posts = await listConsolePosts(locals.app, personActor(locals), params.orgId);
  if (!posts.ok) orgNotFound();
  return { posts: posts.value };
};
