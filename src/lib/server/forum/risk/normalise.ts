/**
 * The text form risk terms and watched words are matched against. Posts are written with every
 * spelling a phone keyboard allows — full-width or half-width letters, katakana for emphasis, kana
 * instead of kanji, net slang (ﾀﾋ for 死), spaces between every kana — so both the post and each term
 * are brought to one form before matching:
 *
 * 1. NFKC (full-width ASCII and half-width katakana become their ordinary forms) and lower case;
 * 2. katakana → hiragana;
 * 3. the kanji and slang of the risk vocabulary → their kana reading (VARIANTS, longest first);
 * 4. whitespace, zero-width characters and separators put between letters are removed.
 *
 * Step 4 is left out for regular expressions (their punctuation is syntax); the rest applies to them.
 */

/** Kanji (and slang) spellings → the kana the default terms use. Only words the risk lists need. */
const VARIANT_PAIRS: [string, string][] = [
  ['必死', 'ひっし'],
  ['死亡', 'しぼう'],
  ['自殺', 'じさつ'],
  ['自傷', 'じしょう'],
  ['虐待', 'ぎゃくたい'],
  ['暴力', 'ぼうりょく'],
  ['子供', 'こども'],
  ['子ども', 'こども'],
  ['息子', 'むすこ'],
  ['赤ちゃん', 'あかちゃん'],
  ['赤ん坊', 'あかんぼう'],
  ['我が子', 'わがこ'],
  ['上の子', 'うえのこ'],
  ['下の子', 'したのこ'],
  ['旦那', 'だんな'],
  ['彼氏', 'かれし'],
  ['意識', 'いしき'],
  ['全部', 'ぜんぶ'],
  ['包丁', 'ほうちょう'],
  ['刃物', 'はもの'],
  ['手首', 'てくび'],
  ['怒鳴', 'どな'],
  ['生き', 'いき'],
  ['生まれ', 'うまれ'],
  ['終わり', 'おわり'],
  ['終え', 'おえ'],
  ['揺さぶ', 'ゆさぶ'],
  ['閉じ込め', 'とじこめ'],
  ['投げ', 'なげ'],
  ['飛び降', 'とびお'],
  ['飛び込', 'とびこ'],
  ['首', 'くび'],
  ['吊', 'つ'],
  ['絞', 'し'],
  ['締', 'し'],
  ['娘', 'むすめ'],
  ['夫', 'おっと'],
  ['妻', 'つま'],
  ['息', 'いき'],
  ['今', 'いま'],
  ['薬', 'くすり'],
  ['飲', 'の'],
  ['助', 'たす'],
  ['逃', 'に'],
  ['家', 'いえ'],
  ['思', 'おも'],
  ['気', 'き'],
  ['楽', 'らく'],
  ['消', 'き'],
  ['切', 'き'],
  ['振', 'ふ'],
  ['死', 'し'],
  ['氏ね', 'しね'],
  ['たひ', 'し'],
  ['殺', 'ころ'],
  ['叩', 'たた'],
  ['殴', 'なぐ'],
  ['蹴', 'け'],
  ['手', 'て']
];

/** Applied longest spelling first, so 自殺 is read before 殺. */
export const VARIANTS: readonly (readonly [string, string])[] = [...VARIANT_PAIRS].sort((a, b) => b[0].length - a[0].length);

const KATAKANA = /[\u30a1-\u30f6]/g;
const SEPARATORS = /[\s\u200b-\u200d\u2060\ufeff"'`.,_*・･\-‐/|]+/gu;

function toHiragana(text: string): string {
  return text.replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

function applyVariants(text: string): string {
  let out = text;
  for (const [from, to] of VARIANTS) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

/** Steps 1–3: safe for regular expressions too. */
export function normaliseSpelling(text: string): string {
  return applyVariants(toHiragana(text.normalize('NFKC').toLowerCase()));
}

/** Steps 1–4: the form posts and plain-word terms are compared in. */
export function normalise(text: string): string {
  return normaliseSpelling(text).replace(SEPARATORS, '');
}
