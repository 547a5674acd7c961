import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = ['ja', 'en', 'ja-x-easy'];
const MESSAGES = 'messages';

function keysOf(file: string): string[] {
  return Object.keys(JSON.parse(readFileSync(file, 'utf8'))).filter((k) => k !== '$schema');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'paraglide' || entry === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry) && !entry.endsWith('.test.ts') ? [path] : [];
  });
}

const areas = readdirSync(MESSAGES).filter((a) => statSync(join(MESSAGES, a)).isDirectory());

describe('message catalogues', () => {
  it.each(areas)('every key of the %s catalogue exists in Japanese, English and やさしい日本語', (area) => {
    const [ja, ...others] = LOCALES.map((l) => keysOf(join(MESSAGES, area, `${l}.json`)).sort());
    for (const other of others) expect(other).toEqual(ja);
  });

  it('no message is empty in any language', () => {
    for (const area of areas) {
      for (const locale of LOCALES) {
        const messages = JSON.parse(readFileSync(join(MESSAGES, area, `${locale}.json`), 'utf8')) as Record<string, unknown>;
        for (const [key, value] of Object.entries(messages)) {
          if (key === '$schema') continue;
          expect(typeof value === 'string' && value.trim().length > 0, `${area}/${locale}.json: ${key}`).toBe(true);
        }
      }
    }
  });

  it('a key is defined in one catalogue only', () => {
    const seen = new Map<string, string>();
    for (const area of areas) {
      for (const key of keysOf(join(MESSAGES, area, 'ja.json'))) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
  });

  it('every message the code uses (m.key) exists in the catalogues', () => {
    const defined = new Set(areas.flatMap((a) => keysOf(join(MESSAGES, a, 'ja.json'))));
    const missing: string[] = [];
    for (const file of sourceFiles('src')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bm\.([a-z][a-z0-9_]*)\s*\(/g)) {
        if (!defined.has(match[1])) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
