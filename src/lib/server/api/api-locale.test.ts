import { describe, expect, it } from 'vitest';
import { negotiateApiLocale } from './api-locale.ts';

describe('the language of API messages', () => {
  it.each([
    [null, 'ja'],
    ['', 'ja'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['ja-x-easy', 'ja-x-easy'],
    ['JA-X-EASY, en;q=0.5', 'ja-x-easy'],
    ['fr-FR, en;q=0.8, ja;q=0.9', 'ja'],
    ['fr, de;q=0.5', 'ja'],
    ['en;q=0, ja', 'ja'],
    ['*', 'ja'],
    ['en;q=garbage, ja;q=0.1', 'ja']
  ])('Accept-Language %j gives %s', (header, expected) => {
    expect(negotiateApiLocale(header)).toBe(expected);
  });
});
