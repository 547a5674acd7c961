import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// The guidance notices now live in the app-wide inbox.
export const GET: RequestHandler = () => redirect(308, '/inbox');
