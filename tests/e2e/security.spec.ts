import { test, expect } from './fixtures.ts';

test('pages carry the security headers, with a CSP that allows no inline script', async ({ request }) => {
  const response = await request.get('/');
  const headers = response.headers();
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  const csp = headers['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
  expect(headers['strict-transport-security']).toBeUndefined();
});

test('behind a TLS proxy the response adds HSTS', async ({ request }) => {
  const response = await request.get('/', { headers: { 'x-forwarded-proto': 'https' } });
  expect(response.headers()['strict-transport-security']).toContain('max-age=');
});

test('a form posted from another site is refused with a clear message, and changes nothing', async ({ request }) => {
  const response = await request.post('/language', {
    form: { locale: 'en', next: '/' },
    headers: { origin: 'https://evil.example', accept: 'text/html' },
    maxRedirects: 0
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain('別のサイトから送信された');
  expect(response.headers()['set-cookie'] ?? '').not.toContain('PARAGLIDE_LOCALE');
});

test('an unknown page answers 404 with a calm Japanese page', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('alert')).toHaveText('お探しのページは見つかりませんでした。');
});
