import type { RequestHandler } from './$types';
import { methodNotAllowed, postPregnancy, runApi, withHouseholdCaller } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'guardian';

export const POST: RequestHandler = (event) => runApi(event, () => withHouseholdCaller(event, true, postPregnancy));

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'POST');
