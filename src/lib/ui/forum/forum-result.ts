import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import type { AppError } from '#lib/server/platform/errors.ts';

/** The named fields of a submitted form, as strings (what the person typed, to show again on error). */
export function formInput(form: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

/**
 * Maps a forum service error to the response: field problems go back to the form (which one, when a
 * page has several) with what was typed; anything not found is a plain 404; other refusals show above
 * the form.
 */
export function failFor(appError: AppError, values: Record<string, string> = {}, formName = 'default') {
  if (appError.status === 404) error(404, { message: m.error_not_found() });
  if (appError.status === 403 && appError.code === 'platform.forbidden') error(403, { message: m.error_forbidden() });
  return fail(appError.status, {
    formName,
    values,
    errors: (appError.fields ?? null) as Record<string, string> | null,
    formError: appError.fields ? null : (appError.messageKey as string | null)
  });
}

/** Writing needs a signed-in person: anyone else is sent to sign in and brought back here. */
export function signInFirst(path: string): never {
  redirect(303, `/sign-in?next=${encodeURIComponent(path)}`);
}
