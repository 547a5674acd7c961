import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';
import { canManageForum, forumActorOf, listModeration } from '#lib/server/forum/index.ts';

export const load: PageServerLoad = async ({ locals }) => {
  const actor = forumActorOf(locals);
  if (!actor) error(401, { message: m.error_sign_in_required() });
  const queue = await listModeration(locals.app, actor);
  if (!queue.ok) error(403, { message: m.error_forbidden() });
  return { queue: queue.value, manages: canManageForum(actor) };
};
