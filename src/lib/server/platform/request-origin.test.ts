import { describe, expect, it } from 'vitest';
import { isFormSubmission, isSameOriginRequest } from './request-origin.ts';

function post(headers: Record<string, string>) {
  return new Request('http://internal/x', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
}

describe('the run-time form origin check', () => {
  it('accepts a form from the host it was sent to, on any port, over http or https', () => {
    expect(isSameOriginRequest(post({ origin: 'http://127.0.0.1:4321', host: '127.0.0.1:4321' }), [])).toBe(true);
    expect(isSameOriginRequest(post({ origin: 'http://localhost:3000', host: 'localhost:3000' }), [])).toBe(true);
    expect(isSameOriginRequest(post({ origin: 'https://kosodate.example.lg.jp', host: 'kosodate.example.lg.jp' }), [])).toBe(true);
  });

  it('accepts a form behind a TLS proxy that forwards the public host', () => {
    const request = post({ origin: 'https://kosodate.example.lg.jp', host: '10.0.0.5:3000', 'x-forwarded-host': 'kosodate.example.lg.jp' });
    expect(isSameOriginRequest(request, [])).toBe(true);
  });

  it('accepts a configured trusted origin and refuses any other site', () => {
    expect(isSameOriginRequest(post({ origin: 'https://portal.example.jp', host: 'localhost:3000' }), ['https://portal.example.jp'])).toBe(true);
    expect(isSameOriginRequest(post({ origin: 'https://evil.example', host: 'localhost:3000' }), [])).toBe(false);
    expect(isSameOriginRequest(post({ origin: 'null', host: 'localhost:3000' }), [])).toBe(false);
  });

  it('without an Origin header, refuses a request the browser marks as cross-site', () => {
    expect(isSameOriginRequest(post({ host: 'localhost:3000', 'sec-fetch-site': 'cross-site' }), [])).toBe(false);
    expect(isSameOriginRequest(post({ host: 'localhost:3000', 'sec-fetch-site': 'same-origin' }), [])).toBe(true);
  });

  it('only checks form-encoded state changes', () => {
    expect(isFormSubmission(post({}))).toBe(true);
    expect(isFormSubmission(new Request('http://x/', { method: 'GET' }))).toBe(false);
    expect(isFormSubmission(new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' } }))).toBe(false);
  });
});
