import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { callerOf } from '#lib/server/municipalities/index.ts';
import { listRulesForStaff } from '#lib/server/guidance/index.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals }) => {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  const rules = await listRulesForStaff(locals.app, caller);
  if (!rules.ok) error(rules.error.status, { message: m.error_forbidden(), code: rules.error.code });
  return { rules: rules.value };
};
