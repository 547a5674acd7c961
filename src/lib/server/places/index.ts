export {
  searchPlaces,
  getPlace,
  listPlaceDistricts,
  placeOnMap,
  loadPlacesOverview,
  mapCentreFor,
  markPlaceBookable,
  encodeCursor,
  DEFAULT_LIMIT,
  type PlaceSummary,
  type PlaceDetail,
  type PlaceSearchResult,
  type SearchOrigin
} from './places.service.ts';
export {
  uploadPlaceFile,
  parseImport,
  parseImportInBackground,
  resumeImportIfStalled,
  getImport,
  listImports,
  mapImportColumns,
  confirmImport,
  IMPORT_MAX_BYTES,
  type ImportView,
  type ImportPreview,
  type PreviewRow,
  type ImportResult
} from './places-import.service.ts';
export { exportOpenData, isOpenDataset, OPEN_DATA_LICENSE, PRESCHOOL_HEADER, type OpenDataFile } from './opendata.service.ts';
export { PLACE_CATEGORIES, OPEN_DATASETS, DATASET_CATEGORIES, isPlaceCategory, type PlaceCategory, type OpenDataset } from './categories.ts';
export { MAPPABLE_FIELDS } from './import/layouts.ts';
export { daysText } from './opening-hours.ts';
export { searchParamsInput, SEARCH_LIMIT_MAX } from './places.schemas.ts';
export type { ImportIssue } from './import/parse-file.ts';
export type { OpeningSpan } from './places.table.ts';
// The import's building blocks, for the other open-data importers (events): decoding, CSV, cells.
export { decodeFile, type FileEncoding } from './import/decode.ts';
export { readCsv } from './import/parse-file.ts';
export { normaliseHeader } from './import/layouts.ts';
export { cleanText, cleanMultiline, nfkc, parseJapaneseDate, parseTime, parseCoordinates, parseAgeRange } from './import/values.ts';
