import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { callerOf, loadWardOverview } from '#lib/server/municipalities/index.ts';
import { today } from '#lib/server/platform/clock.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals }) => {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  const overview = await loadWardOverview(locals.app, caller);
  if (!overview.ok) error(overview.error.status, { message: m.error_forbidden(), code: overview.error.code });
  return {
    overview: overview.value,
    isAdmin: caller.roles.some((r) => r.role === 'admin'),
    today: today(),
    municipality: { name: locals.municipality.name, nameEn: locals.municipality.nameEn, nameEasy: locals.municipality.nameEasy }
  };
};
