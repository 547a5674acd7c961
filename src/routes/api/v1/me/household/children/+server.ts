import type { RequestHandler } from './$types';
import { methodNotAllowed, postChild, runApi, withHouseholdCaller } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'guardian';

export const POST: RequestHandler = (event) => runApi(event, () => withHouseholdCaller(event, true, postChild));

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'POST');
