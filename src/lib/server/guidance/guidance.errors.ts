import { appError, notFound } from '../platform/errors.ts';

/** The guidance domain's errors; message keys live in messages/guidance. */
export const guidanceErrors = {
  /** Anything outside the viewer's household (or municipality) looks exactly like something that does not exist. */
  notFound,
  invalidInput: (fields: Record<string, string>) => appError('guidance.invalid_input', 400, 'guidance_error_summary_title', fields),
  noHousehold: appError('guidance.no_household', 404, 'guidance_error_no_household'),
  staffOnly: appError('guidance.staff_only', 403, 'error_forbidden'),
  notRecordable: appError('guidance.not_recordable', 409, 'guidance_error_not_recordable'),
  nothingToUndo: appError('guidance.nothing_to_undo', 409, 'guidance_error_nothing_to_undo')
};
