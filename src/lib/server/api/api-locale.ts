export const API_LOCALES = ['ja', 'en', 'ja-x-easy'] as const;
export type ApiLocale = (typeof API_LOCALES)[number];

/**
 * The language of API messages, from Accept-Language (RFC 9110 weights): `ja-x-easy` is やさしい日本語,
 * `en-GB` falls back to `en`, `*` and unknown languages to Japanese.
 */
export function negotiateApiLocale(header: string | null | undefined): ApiLocale {
  if (!header) return 'ja';
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      // A malformed weight (q=garbage) makes the range count for nothing rather than for everything.
      const q = params.map((p) => /^\s*q\s*=\s*(.*?)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : /^[01](\.\d{0,3})?$/.test(q) ? Number(q) : 0;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    if ((API_LOCALES as readonly string[]).includes(tag)) return tag as ApiLocale;
    const primary = tag.split('-')[0];
    if (primary === 'ja' || primary === 'en') return primary;
  }
  return 'ja';
}
