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
