import type { RequestHandler } from './$types';
import { deletePregnancy, methodNotAllowed, patchPregnancy, runApi, withHouseholdCaller } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'guardian';

export const PATCH: RequestHandler = (event) => runApi(event, () => withHouseholdCaller(event, true, (caller) => patchPregnancy(caller, event.params.id)));

export const DELETE: RequestHandler = (event) => runApi(event, () => withHouseholdCaller(event, false, (caller) => deletePregnancy(caller, event.params.id)));

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'PATCH, DELETE');
