import { error, fail } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import type { AppError } from '#lib/server/platform/errors.ts';
import type { ProviderActor } from '#lib/server/bookings/index.ts';
import { personActor } from '#lib/server/people/index.ts';

/** The named fields of a submitted form, as strings (what was typed, to show again on error). */
export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

/**
 * Maps a bookings service error to the form response: anything not found is a plain 404; field
 * problems go back beside the fields with what was typed; other refusals show above the form.
 */
export function failWith(appError: AppError, values: Record<string, string> = {}, form?: string) {
  if (appError.status === 404) error(404, { message: m.error_not_found() });
  return fail(appError.status, {
    form: form ?? null,
    values,
    errors: (appError.fields ?? null) as Record<string, string> | null,
    formError: appError.fields ? null : appError.messageKey
  });
}

export function providerActor(locals: App.Locals): ProviderActor {
  return { ...personActor(locals), roles: locals.viewer?.roles ?? [] };
}

export function notFound(): never {
  error(404, { message: m.error_not_found() });
}
