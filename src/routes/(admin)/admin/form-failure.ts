import { error, fail } from '@sveltejs/kit';
import type { FormError } from '#lib/server/municipalities/index.ts';
import { adminMessage, toAdminFormErrors, typedValues, type AdminFormFailure } from '#lib/ui/admin-form.ts';

/**
 * How an admin page answers a refused form: the values typed and the messages, with the service's
 * status (400 invalid, 409 conflict). A missing record or a missing right is an error page instead.
 */
export function failWith(problem: FormError, form: FormData | Record<string, string>, action?: string) {
  if (problem.status === 403 || problem.status === 404) error(problem.status, { message: adminMessage(problem.messageKey), code: problem.code });
  const values = form instanceof FormData ? typedValues(form) : form;
  const status = problem.status >= 400 && problem.status < 500 ? problem.status : 400;
  const failure: AdminFormFailure = { values, errors: toAdminFormErrors(problem) };
  if (action) failure.action = action;
  return fail(status, failure);
}

/** The caller of an admin action; the route guard has already made sure someone is signed in. */
export function requireCaller<T>(caller: T | undefined): T {
  if (!caller) error(401, { message: adminMessage('error_sign_in_required') });
  return caller;
}

/** A load that cannot go on (no right, nothing there): the error page with the service's status. */
export function refuse(problem: FormError): never {
  error(problem.status, { message: adminMessage(problem.messageKey), code: problem.code });
}
