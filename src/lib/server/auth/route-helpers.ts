import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, getLocale, isLocale } from '#lib/paraglide/runtime.js';
import type { AuthRequest } from './auth-request.ts';

/** The parts of a SvelteKit request event that the auth services need. */
export interface AuthEvent {
  request: Request;
  url: URL;
  locals: { address: string; municipality: { id: string }; requestId: string };
}

export function authRequestOf(event: AuthEvent): AuthRequest {
  return {
    headers: event.request.headers,
    address: event.locals.address,
    municipalityId: event.locals.municipality.id,
    requestId: event.locals.requestId,
    origin: event.url.origin,
    language: getLocale()
  };
}

/** Form fields as strings (files are dropped: no auth form takes one). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') values[key] = value;
  return values;
}

/** After sign-in, the person's saved language becomes the page language on this device. */
export function rememberLanguage(cookies: Cookies, language: string | undefined): void {
  if (!language || !isLocale(language)) return;
  cookies.set(cookieName, language, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: false });
}
