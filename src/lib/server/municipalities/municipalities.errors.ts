import { appError, type AppError } from '../platform/errors.ts';

/** A form error: the AppError, plus values for messages that name something (the expected check digit). */
export interface FormError extends AppError {
  fieldParams?: Record<string, Record<string, string>>;
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; error: FormError };

export function invalidInput(fields: Record<string, string>, fieldParams?: Record<string, Record<string, string>>): FormError {
  const error: FormError = appError('municipalities.invalid_input', 400, 'admin_error_summary', fields);
  if (fieldParams && Object.keys(fieldParams).length) error.fieldParams = fieldParams;
  return error;
}

export function fieldConflict(code: string, field: string, messageKey: string, params?: Record<string, string>): FormError {
  const error: FormError = appError(code, 409, 'admin_error_summary', { [field]: messageKey });
  if (params) error.fieldParams = { [field]: params };
  return error;
}

export const adminOnly = appError('municipalities.admin_only', 403, 'error_forbidden');
export const staffOnly = appError('municipalities.staff_only', 403, 'error_forbidden');
export const districtNotFound = appError('municipalities.district_not_found', 404, 'error_not_found');
export const departmentNotFound = appError('municipalities.department_not_found', 404, 'error_not_found');
export const personNotFound = appError('municipalities.person_not_found', 404, 'error_not_found');
export const assignmentNotFound = appError('municipalities.assignment_not_found', 404, 'error_not_found');
export const districtInUse = appError('municipalities.district_in_use', 409, 'admin_error_district_in_use');
export const lastAdmin = appError('municipalities.last_admin', 409, 'admin_error_last_admin');
export const assignmentAlreadyEnded = appError('municipalities.assignment_already_ended', 409, 'admin_error_assignment_already_ended');
export const hostInUseHere = appError('municipalities.host_in_use_here', 409, 'admin_error_host_current');
export const hostNotFound = appError('municipalities.host_not_found', 404, 'error_not_found');

/** PostgreSQL unique_violation / foreign_key_violation, as pg and PGlite report them. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

export function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23503';
}
