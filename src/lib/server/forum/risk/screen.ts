import type { RiskCategory, RiskLevel } from '../forum.table.ts';
import { normalise, normaliseSpelling } from './normalise.ts';

/** One row of a staff-maintained list, as the screener needs it. */
export interface RiskTerm {
  category: RiskCategory | 'innocent';
  level: 'high' | 'concern';
  pattern: string;
  isRegex: boolean;
}

export interface WatchedWord {
  pattern: string;
  isRegex: boolean;
  action: 'block' | 'hold' | 'flag' | 'replace';
  replacement: string;
  message: string;
}

export interface RiskResult {
  level: RiskLevel;
  categories: RiskCategory[];
  /** Which terms matched (for the professionals' queue: why the post was held). */
  matched: { category: RiskCategory; level: 'high' | 'concern'; pattern: string }[];
}

export const RISK_CATEGORIES: readonly RiskCategory[] = ['self_harm', 'child_harm', 'dv', 'acute_crisis'];

const MASK = '□';

/** Longest staff-entered regular expression and the shapes refused because they can backtrack forever. */
export const REGEX_MAX = 200;
const NESTED_QUANTIFIER = /\([^)]*[+*][^)]*\)[+*{]/;

/** Whether a staff-entered pattern can be used as a regular expression (compiles, bounded, no nested quantifiers). */
export function isSafeRegex(pattern: string): boolean {
  if (pattern.length > REGEX_MAX || NESTED_QUANTIFIER.test(pattern)) return false;
  try {
    new RegExp(normaliseSpelling(pattern), 'u');
    return true;
  } catch {
    return false;
  }
}

function compile(term: { pattern: string; isRegex: boolean }, flags = 'u'): RegExp | undefined {
  if (term.isRegex) {
    if (!isSafeRegex(term.pattern)) return undefined;
    return new RegExp(normaliseSpelling(term.pattern), flags);
  }
  const word = normalise(term.pattern);
  return word ? new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags) : undefined;
}

/**
 * Screens a text for signs of self-harm, harm to a child, violence at home and acute crisis. Innocent
 * phrases (「死ぬほど眠い」) are masked first; then every high and concern term is tried. Any high
 * match makes the whole post high: like EPDS item 10, one sign of self-harm is enough to escalate.
 */
export function screenText(text: string, terms: readonly RiskTerm[]): RiskResult {
  let subject = normalise(text);
  for (const term of terms.filter((t) => t.category === 'innocent')) {
    const re = compile(term, 'gu');
    if (re) subject = subject.replace(re, (m) => MASK.repeat(m.length));
  }
  const matched: RiskResult['matched'] = [];
  for (const term of terms) {
    if (term.category === 'innocent') continue;
    const re = compile(term);
    if (re && re.test(subject)) matched.push({ category: term.category, level: term.level, pattern: term.pattern });
  }
  const level: RiskLevel = matched.some((m) => m.level === 'high') ? 'high' : matched.length ? 'concern' : 'none';
  const categories = RISK_CATEGORIES.filter((c) => matched.some((m) => m.category === c));
  return { level, categories, matched };
}

export interface WatchedResult {
  /** The text to save (after any replacements). */
  text: string;
  blocked: { message: string } | undefined;
  hold: boolean;
  flag: boolean;
}

/**
 * Applies the watched words: block (refused, with the staff's message), hold (kept for review), flag
 * (shown, and put in the moderation queue) and replace. Matching is on the normalised text; a
 * replacement rewrites the words as written (case- and width-insensitively).
 */
export function applyWatchedWords(text: string, words: readonly WatchedWord[]): WatchedResult {
  const subject = normalise(text);
  let out = text;
  let hold = false;
  let flag = false;
  for (const word of words) {
    if (word.action === 'replace') {
      const re = word.isRegex ? (isSafeRegex(word.pattern) ? new RegExp(word.pattern, 'giu') : undefined) : plainWordPattern(word.pattern);
      if (re && re.test(out.normalize('NFKC'))) out = out.normalize('NFKC').replace(re, word.replacement);
      continue;
    }
    const re = compile(word);
    if (!re || !re.test(subject)) continue;
    if (word.action === 'block') return { text, blocked: { message: word.message }, hold: false, flag: false };
    if (word.action === 'hold') hold = true;
    if (word.action === 'flag') flag = true;
  }
  return { text: out, blocked: undefined, hold, flag };
}

/**
 * A written word in any width, case or kana: compared with the NFKC form of the post, each kana also
 * matching its hiragana/katakana twin. (A post with a replacement is therefore saved in NFKC form.)
 */
function plainWordPattern(word: string): RegExp | undefined {
  const plain = word.normalize('NFKC');
  if (!plain) return undefined;
  const source = [...plain]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (code >= 0x3041 && code <= 0x3096) return `[${c}${String.fromCharCode(code + 0x60)}]`;
      if (code >= 0x30a1 && code <= 0x30f6) return `[${c}${String.fromCharCode(code - 0x60)}]`;
      return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(source, 'giu');
}

const LINK = /(?:h\s*t\s*t\s*p\s*s?\s*:\s*\/\s*\/|www\.|\b[a-z0-9-]{2,}\.(?:com|net|org|jp|co|info|biz|io|me|ly|app|xyz|site|online|shop)\b)/iu;

/** Whether a text carries a link (in any width: ｈｔｔｐｓ：／／ counts). */
export function containsLink(text: string): boolean {
  return LINK.test(text.normalize('NFKC'));
}
