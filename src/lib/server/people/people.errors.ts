import { appError } from '../platform/errors.ts';

export const peopleErrors = {
  invalidInput: (fields: Record<string, string>) => appError('people.invalid_input', 400, 'people_error_summary_title', fields),
  wrongPassword: appError('people.wrong_password', 400, 'people_error_summary_title', { password: 'people_error_password_wrong' }),
  passwordLocked: appError('people.password_locked', 429, 'people_error_summary_title', { password: 'people_error_password_locked' }),
  noPassword: appError('people.no_password', 400, 'people_error_summary_title', { password: 'people_error_no_password' })
};
