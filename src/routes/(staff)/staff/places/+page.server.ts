import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { callerOf } from '#lib/server/municipalities/index.ts';
import { listImports, loadPlacesOverview } from '#lib/server/places/index.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url }) => {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  const overview = await loadPlacesOverview(locals.app, caller);
  const imports = await listImports(locals.app, caller);
  if (!overview.ok || !imports.ok) error(403, { message: m.error_forbidden() });
  return { overview: overview.value, imports: imports.value, done: url.searchParams.get('done') };
};
