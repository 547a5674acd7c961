import { error, fail } from '@sveltejs/kit';
import { callerOf } from '#lib/server/municipalities/index.ts';
import type { AppError } from '#lib/server/platform/errors.ts';
import { m } from '#lib/paraglide/messages.js';

/** The staff procedure pages' shared glue: the caller, and service errors mapped to responses. */

export function staffCaller(locals: App.Locals) {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  return caller;
}

export function refuse(appError: AppError): never {
  error(appError.status, { message: appError.status === 404 ? m.error_not_found() : m.error_forbidden(), code: appError.code });
}

/** Field problems go back to the form they came from, with what was typed; other refusals become the page's error. */
export function failFor(appError: AppError, formName: string, values: Record<string, string>) {
  if (appError.status === 404 || appError.status === 403) refuse(appError);
  return fail(appError.status, { form: formName, values, errors: appError.fields ?? null, formError: appError.fields ? null : appError.messageKey });
}

export function textValues(data: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = data.get(name);
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}
