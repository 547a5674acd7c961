import { appError, notFound } from '../platform/errors.ts';

/** The places domain's errors; message keys live in messages/places. */
export const placeErrors = {
  notFound: appError('places.not_found', 404, 'places_error_not_found'),
  invalidQuery: (fields: Record<string, string>) => appError('places.invalid_query', 400, 'places_error_invalid_query', fields),
  invalidInput: (fields: Record<string, string>) => appError('places.invalid_input', 400, 'places_error_summary_title', fields),
  staffOnly: appError('places.staff_only', 403, 'places_error_staff_only'),
  importNotFound: notFound,
  importNotReady: appError('places.import_not_ready', 409, 'places_error_import_not_ready'),
  importFailed: (line: number) => appError('places.import_failed', 422, 'places_error_import_failed', { line: String(line) }),
  unknownDataset: appError('places.unknown_dataset', 404, 'places_error_unknown_dataset')
};
