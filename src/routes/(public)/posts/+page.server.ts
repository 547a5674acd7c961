import type { PageServerLoad } from './$types';
import { listRecentPublicPosts } from '#lib/server/publishing/index.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals, url }) => {
  const kind = url.searchParams.get('kind') ?? '';
  const posts = await listRecentPublicPosts(locals.app, locals.municipality.id, getLocale(), { kind, limit: 50 });
  return { posts, kind };
};
