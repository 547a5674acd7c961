import type { RequestHandler } from './$types';
import { getMyHousehold, methodNotAllowed, runApi, withHouseholdCaller } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'guardian';

export const GET: RequestHandler = (event) => runApi(event, () => withHouseholdCaller(event, false, getMyHousehold));

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
