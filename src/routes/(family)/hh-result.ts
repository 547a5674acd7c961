import { error, fail } from '@sveltejs/kit';
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
 * Maps a service error to the response: field problems go back to the form with what was typed;
 * anything not found is a plain 404 that reveals nothing; other refusals show above the form.
 */
export function failFor(appError: AppError, values: Record<string, string> = {}) {
  if (appError.status === 404) error(404, { message: m.error_not_found() });
  if (appError.fields) return fail(appError.status, { values, errors: appError.fields, formError: null as string | null });
  return fail(appError.status, { values, errors: null as Record<string, string> | null, formError: appError.messageKey });
}

/** For loads: a 404 for anything outside the viewer's household. */
export function notFound(): never {
  error(404, { message: m.error_not_found() });
}
