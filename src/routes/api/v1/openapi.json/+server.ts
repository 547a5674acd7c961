import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { methodNotAllowed, openApiDocument } from '#lib/server/api/index.ts';

/** Who may call this endpoint (read by the authorization test; the check itself is in the handler). */
export const _audience = 'public';

export const GET: RequestHandler = () => json(openApiDocument, { headers: { 'cache-control': 'public, max-age=300' } });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
