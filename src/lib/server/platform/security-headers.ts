/**
 * Headers on every response. CSP (with a nonce for SvelteKit's own inline script) comes from kit.csp.
 * The app runs behind a TLS proxy, which says so in X-Forwarded-Proto; adapter-node's event.url always
 * claims https, so it cannot tell.
 */
export function securityHeaders(requestHeaders: Headers, publicOrigin: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(self)',
    'cross-origin-opener-policy': 'same-origin'
  };
  const isTls = requestHeaders.get('x-forwarded-proto') === 'https' || Boolean(publicOrigin?.startsWith('https://'));
  if (isTls) headers['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}
