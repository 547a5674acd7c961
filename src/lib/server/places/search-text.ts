/**
 * Text as the search compares it: NFKC (full-width letters and digits to ASCII, half-width kana to
 * full-width), lower case, katakana as hiragana (so "ひろば" finds "ヒロバ"), without spaces.
 */
export function normaliseSearchText(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    // Dash-like characters published in place of the long vowel mark (ハ―トリンク with U+2015).
    .replace(/[\u2010-\u2015\u2212\uff0d]/g, 'ー')
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[\s\u3000]+/g, '');
}

/** The words of a query, each normalised; every word must match. */
export function searchTerms(query: string): string[] {
  return query
    .normalize('NFKC')
    .split(/[\s\u3000]+/)
    .map(normaliseSearchText)
    .filter(Boolean)
    .slice(0, 5);
}
