/**
 * Errors are data: a stable code, the HTTP status it maps to, a message key in the catalogues,
 * and optionally which form fields it concerns.
 */
export interface AppError {
  code: string;
  status: number;
  messageKey: string;
  /** field name → message key, for messages beside the field */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure<T = never>(error: AppError): Result<T> {
  return { ok: false, error };
}

export function appError(code: string, status: number, messageKey: string, fields?: Record<string, string>): AppError {
  return fields ? { code, status, messageKey, fields } : { code, status, messageKey };
}

export const notFound = appError('platform.not_found', 404, 'error_not_found');
export const forbidden = appError('platform.forbidden', 403, 'error_forbidden');
export const unauthenticated = appError('platform.unauthenticated', 401, 'error_sign_in_required');

/** Thrown only where a Result cannot be returned (guards); hooks map it like any AppError. */
export class AppErrorException extends Error {
  readonly appError: AppError;
  constructor(error: AppError) {
    super(error.code);
    this.appError = error;
  }
}
