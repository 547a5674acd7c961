import type { PageServerLoad } from './$types';
import { listReviewQueue, QUEUE_STATUSES } from '#lib/server/procedures/index.ts';
import { refuse, staffCaller } from '../staff-procedures.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const queue = await listReviewQueue(locals.app, staffCaller(locals), url.searchParams.get('status') ?? 'received');
  if (!queue.ok) refuse(queue.error);
  return { queue: queue.value, statuses: QUEUE_STATUSES };
};
