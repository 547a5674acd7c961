import type { RequestHandler } from './$types';
import { deleteChild, methodNotAllowed, patchChild, runApi, withHouseholdCaller } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'guardian';

export const PATCH: RequestHandler = (event) => runApi(event, () => withHouseholdCaller(event, true, (caller) => patchChild(caller, event.params.id)));

export const DELETE: RequestHandler = (event) => runApi(event, () => withHouseholdCaller(event, false, (caller) => deleteChild(caller, event.params.id)));

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'PATCH, DELETE');
