import { appError, notFound } from '../platform/errors.ts';

/** The procedures domain's errors; message keys live in messages/procedures. */
export const procedureErrors = {
  /** A form, request or submission outside the viewer's household or municipality looks like one that does not exist. */
  notFound,
  invalidInput: (fields: Record<string, string>) => appError('procedures.invalid_input', 400, 'procedures_error_summary', fields),
  staffOnly: appError('procedures.staff_only', 403, 'error_forbidden'),
  notPublished: appError('procedures.not_published', 409, 'procedures_error_not_published'),
  noFields: appError('procedures.no_fields', 409, 'procedures_error_no_fields'),
  notEditable: appError('procedures.not_editable', 409, 'procedures_error_not_editable'),
  wrongStatus: appError('procedures.wrong_status', 409, 'procedures_error_wrong_status'),
  noHousehold: appError('procedures.no_household', 404, 'procedures_error_no_household'),
  notOffered: appError('procedures.not_offered', 409, 'procedures_error_not_offered')
};
