export { negotiateApiLocale, type ApiLocale } from './api-locale.ts';
export { API_ERRORS, apiErrorResponse, apiJson, type ApiErrorCode } from './api-errors.ts';
export { requireApiViewer, runApi, methodNotAllowed, apiNotFound } from './api-access.ts';
export { buildMe, type Me, type MeHousehold } from './me.ts';
export { openApiDocument } from './openapi.ts';
export { apiThread, apiThreadSummary } from './forum.ts';
export { withHouseholdCaller, getMyHousehold, postChild, patchChild, deleteChild, postPregnancy, patchPregnancy, deletePregnancy } from './household.ts';
