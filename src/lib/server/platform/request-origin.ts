/**
 * The form-origin check, made at run time: a state-changing request from a browser must come from the
 * origin it was sent to (its Host, on http or https) or from a configured trusted origin.
 */
export function isSameOriginRequest(request: Request, trustedOrigins: string[]): boolean {
  const origin = request.headers.get('origin');
  if (!origin) {
    // Browsers always send Origin on cross-site POSTs; fall back to Sec-Fetch-Site when present.
    const site = request.headers.get('sec-fetch-site');
    return site === null || site === 'same-origin' || site === 'none';
  }
  if (origin === 'null') return false;
  if (trustedOrigins.includes(origin)) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  return host !== null && originHost === host;
}

const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export function isFormSubmission(request: Request): boolean {
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) return false;
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  return FORM_CONTENT_TYPES.includes(type);
}
