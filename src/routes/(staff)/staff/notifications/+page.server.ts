import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerOf } from '#lib/server/municipalities/index.ts';
import { listDeadLetters, retryDeadLetter } from '#lib/server/notifications/index.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url }) => {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  const dead = await listDeadLetters(locals.app, caller);
  if (!dead.ok) error(dead.error.status, { message: m.error_forbidden(), code: dead.error.code });
  return { dead: dead.value, retried: url.searchParams.get('retried') === '1' };
};

export const actions: Actions = {
  retry: async ({ locals, request }) => {
    const caller = callerOf(locals);
    if (!caller) error(401, { message: m.error_sign_in_required() });
    const form = await request.formData();
    const result = await retryDeadLetter(locals.app, caller, String(form.get('id') ?? ''));
    if (!result.ok) return fail(result.error.status, { failed: true });
    return { retried: true };
  }
};
