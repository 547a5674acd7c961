import { describe, expect, it } from 'vitest';
import { encodePushPayload, MAX_PAYLOAD_BYTES } from './push-payload.ts';

const base = { title: 'お知らせ', body: '本文', url: 'https://sakura.example.jp/inbox/1', id: 'n_1' };
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('the push payload', () => {
  it('is the notice as JSON, unchanged when it fits', () => {
    expect(JSON.parse(encodePushPayload(base)!)).toEqual(base);
  });

  it('is cut to the byte limit, body first, with an ellipsis', () => {
    const encoded = encodePushPayload({ ...base, body: 'あ'.repeat(3000) })!;
    expect(bytes(encoded)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const payload = JSON.parse(encoded);
    expect(payload.title).toBe('お知らせ');
    expect(payload.body).toMatch(/^あ+…$/);
    // As long as possible: one more character would not fit.
    const longer = JSON.stringify({ ...payload, body: payload.body.replace('…', 'あ…') });
    expect(bytes(longer)).toBeGreaterThan(MAX_PAYLOAD_BYTES);
  });

  it('never splits a character: surrogate pairs, emoji sequences and combining marks stay whole', () => {
    const family = '👨‍👩‍👧‍👦';
    const ga = 'か\u3099';
    for (const unit of [family, ga, '𠮷', '\r\n']) {
      for (let limit = 120; limit < 200; limit += 1) {
        const encoded = encodePushPayload({ ...base, body: unit.repeat(200) }, limit);
        if (encoded === undefined) continue;
        expect(bytes(encoded)).toBeLessThanOrEqual(limit);
        const body: string = JSON.parse(encoded).body;
        const kept = body.endsWith('…') ? body.slice(0, -1) : body;
        expect(kept.length % unit.length, `${JSON.stringify(unit)} at ${limit}`).toBe(0);
        expect(kept).toBe(unit.repeat(kept.length / unit.length));
      }
    }
  });

  it('counts JSON escapes, so quotes and newlines cannot push it over the limit', () => {
    const encoded = encodePushPayload({ ...base, body: '"\\\n'.repeat(3000) })!;
    expect(bytes(encoded)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
  });

  it('cuts the title too when the body alone cannot make room', () => {
    const encoded = encodePushPayload({ ...base, title: 'タ'.repeat(2000), body: '本文' })!;
    expect(bytes(encoded)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const payload = JSON.parse(encoded);
    expect(payload.body).toBe('');
    expect(payload.title).toMatch(/^タ+…$/);
    expect(payload.url).toBe(base.url);
  });

  it('gives up (undefined) when the URL alone is over the limit', () => {
    expect(encodePushPayload({ ...base, url: `https://sakura.example.jp/${'x'.repeat(4000)}` })).toBeUndefined();
  });
});
