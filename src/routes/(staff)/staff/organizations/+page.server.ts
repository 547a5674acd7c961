import type { PageServerLoad } from './$types';
import { listOrganizationsForReview } from '#lib/server/organizations/index.ts';
import { callerOf } from '#lib/server/municipalities/index.ts';
import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url }) => {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  const status = url.searchParams.get('status') ?? '';
  const suspended = url.searchParams.get('suspended') === '1';
  const [queue, all] = await Promise.all([
    listOrganizationsForReview(locals.app, caller, {}),
    listOrganizationsForReview(locals.app, caller, { status, suspended })
  ]);
  if (!queue.ok || !all.ok) error(403, { message: m.error_forbidden() });
  return {
    queue: queue.value.filter((o) => o.status === 'pending' || o.status === 'needs_info'),
    organizations: all.value,
    filter: { status, suspended }
  };
};
