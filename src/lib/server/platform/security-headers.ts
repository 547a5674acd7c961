/** Headers on every response. CSP nonces/hashes for SvelteKit's own inline script come from kit.csp. */
export function securityHeaders(url: URL, requestHeaders: Headers): Record<string, string> {
  const headers: Record<string, string> = {
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(self)',
    'cross-origin-opener-policy': 'same-origin'
  };
  const isTls = url.protocol === 'https:' || requestHeaders.get('x-forwarded-proto') === 'https';
  if (isTls) headers['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}
