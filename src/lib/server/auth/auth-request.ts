import { isAPIError } from 'better-auth/api';
import type { Actor } from '../platform/audit.queries.ts';

/** What a service needs to know about the browser request it acts for. */
export interface AuthRequest {
  /** The browser's request headers (the session cookie travels here). */
  headers: Headers;
  /** The client address as the server sees it (locals.address), never a header the client chose. */
  address: string;
  municipalityId: string;
  requestId?: string;
  /** The origin the person used (https://…), for links in the mails we write ourselves. */
  origin: string;
  /** The page language, remembered for a new account. */
  language?: string;
}

/**
 * Headers for a better-auth call: the browser's, with the address better-auth records on a session
 * replaced by the one the server saw, so a client cannot choose what the sessions page shows.
 */
export function authHeaders(request: AuthRequest, options: { withCookies?: boolean } = {}): Headers {
  const headers = new Headers(request.headers);
  headers.set('x-forwarded-for', request.address);
  if (options.withCookies === false) headers.delete('cookie');
  return headers;
}

export function actorOf(request: AuthRequest, userId: string | null): Actor {
  return { userId, municipalityId: request.municipalityId, requestId: request.requestId ?? null, address: request.address };
}

/** The error code better-auth answered with (e.g. INVALID_EMAIL_OR_PASSWORD), or undefined for other errors. */
export function betterAuthCode(error: unknown): string | undefined {
  if (!isAPIError(error)) return undefined;
  const code = (error.body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}
