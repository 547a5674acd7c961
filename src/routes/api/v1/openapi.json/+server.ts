import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { methodNotAllowed, openApiDocument } from '#lib/server/api/index.ts';

export const GET: RequestHandler = () => json(openApiDocument, { headers: { 'cache-control': 'public, max-age=300' } });

export const fallback: RequestHandler = (event) => methodNotAllowed(event, 'GET, HEAD');
