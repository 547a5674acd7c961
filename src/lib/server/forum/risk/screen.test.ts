import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_TERMS, DEFAULT_WATCHED_WORDS } from './defaults.ts';
import { applyWatchedWords, containsLink, isSafeRegex, screenText } from './screen.ts';
import { normalise } from './normalise.ts';

type Case = [text: string, level: 'none' | 'concern' | 'high', categories: string[]];

// Each row: what a parent might write, and what the screener must decide with the default lists.
const POSITIVE: Case[] = [
  ['もう死にたい', 'high', ['self_harm']],
  ['最近ずっと、しにたいって思ってしまう', 'high', ['self_harm']],
  ['シニタイ', 'high', ['self_harm']],
  ['ｼﾆﾀｲ…', 'high', ['self_harm']],
  ['タヒにたい', 'high', ['self_harm']],
  ['し に た い', 'high', ['self_harm']],
  ['消えたいです', 'high', ['self_harm']],
  ['子どもを置いて消えてしまいたい、いなくなりたい', 'high', ['self_harm']],
  ['自殺したらこの子はどうなるのか考えてしまう', 'high', ['self_harm']],
  ['生きている意味がないと感じる', 'high', ['self_harm']],
  ['I want to die', 'high', ['self_harm']],
  ['Sometimes I think about ＫＩＬＬ ＭＹＳＥＬＦ', 'high', ['self_harm']],
  ['わたし しにたい', 'high', ['self_harm']],
  ['夜泣きがひどくて、子どもを叩いてしまう', 'high', ['child_harm']],
  ['息子を叩いてしまった。自分が怖い', 'high', ['child_harm']],
  ['赤ちゃんを揺さぶってしまいそう', 'high', ['child_harm']],
  ['上の子に手をあげてしまう', 'high', ['child_harm']],
  ['こどもを たたいて しまう', 'high', ['child_harm']],
  ['I shook the baby when she would not stop crying', 'high', ['child_harm']],
  ['夫に殴られた', 'high', ['dv']],
  ['旦那から毎日のように叩かれる', 'high', ['dv']],
  ['DVを受けています', 'high', ['dv']],
  ['ＤＶされています', 'high', ['dv']],
  ['My husband hits me', 'high', ['dv']],
  ['子どもが息をしていない', 'high', ['acute_crisis']],
  ['薬を全部飲んだ', 'high', ['acute_crisis']],
  ['いまから死にます', 'high', ['self_harm', 'acute_crisis']],
  ['もう限界です', 'concern', ['self_harm']],
  ['疲れて死にそう', 'concern', ['self_harm']],
  ['子どもが可愛いと思えない', 'concern', ['child_harm']],
  ['誰か助けて', 'concern', ['acute_crisis']],
  ['モラハラがつらい', 'concern', ['dv']]
];

const NEGATIVE: Case[] = [
  ['死ぬほど眠い', 'none', []],
  ['死ぬかと思ったけど、なんとか寝かしつけた', 'none', []],
  ['死ぬ気で頑張って復職しました', 'none', []],
  ['必死にたいおうしています', 'none', []],
  ['笑い死にしそうなくらい面白い', 'none', []],
  ['子どもの肩をトントンたたいて寝かしつけ', 'none', []],
  ['太鼓をたたくのが好きな3歳です', 'none', []],
  ['子どもに蹴られて目が覚めた', 'none', []],
  ['DVDばかり見せてしまいます', 'none', []],
  ['殺虫剤は子どもがいても使えますか', 'none', []],
  ['この離乳食は死ぬほどおいしいらしい', 'none', []],
  ['I am dying to know how you do bedtime', 'none', []],
  ['This teething is killing me', 'none', []],
  ['夜泣きが続いて眠れません。皆さんどうしていますか', 'none', []],
  ['保育園の申し込みの締め切りはいつですか', 'none', []],
  ['夫が育休を取ってくれました', 'none', []],
  ['夫に助けられてばかりです', 'none', []]
];

describe('risk screening with the default lists', () => {
  it.each(POSITIVE)('「%s」 is %s (%j)', (text, level, categories) => {
    const result = screenText(text, DEFAULT_RISK_TERMS);
    expect(result.level).toBe(level);
    expect(result.categories).toEqual(categories);
  });

  it.each(NEGATIVE)('「%s」 is not a risk', (text) => {
    const result = screenText(text, DEFAULT_RISK_TERMS);
    expect(result.matched).toEqual([]);
    expect(result.level).toBe('none');
  });

  it('an innocent idiom does not hide a real sign in the same post', () => {
    expect(screenText('死ぬほど眠い。でも本当は死にたい', DEFAULT_RISK_TERMS).level).toBe('high');
  });

  it('a term staff add is used at once, in any spelling', () => {
    const terms = [...DEFAULT_RISK_TERMS, { category: 'self_harm' as const, level: 'high' as const, pattern: 'ぜつぼう', isRegex: false }];
    expect(screenText('絶望', terms).level).toBe('none');
    expect(screenText('ゼツボウしかない', terms).level).toBe('high');
  });
});

describe('normalisation', () => {
  it.each([
    ['ＡＢＣ　ｄｅｆ', 'abcdef'],
    ['ｶﾀｶﾅ', 'かたかな'],
    ['カタカナ', 'かたかな'],
    ['死', 'し'],
    ['子ども', 'こども'],
    ['子供', 'こども']
  ])('%s → %s', (input, output) => {
    expect(normalise(input)).toBe(output);
  });
});

describe('watched words', () => {
  it('a blocked word refuses the post with the staff message', () => {
    const result = applyWatchedWords('お前なんかシネ', DEFAULT_WATCHED_WORDS);
    expect(result.blocked?.message).toContain('言い方を変えて');
  });

  it('hold and flag words are reported; a replace word is rewritten in any width', () => {
    expect(applyWatchedWords('LINE IDを教えてください', DEFAULT_WATCHED_WORDS).hold).toBe(true);
    expect(applyWatchedWords('副業で月10万', DEFAULT_WATCHED_WORDS).flag).toBe(true);
    expect(applyWatchedWords('そんなのバカみたい、ﾊﾞｶ', DEFAULT_WATCHED_WORDS).text).toBe('そんなの＊＊みたい、＊＊');
    const plain = applyWatchedWords('ふつうの質問です', DEFAULT_WATCHED_WORDS);
    expect(plain).toEqual({ text: 'ふつうの質問です', blocked: undefined, hold: false, flag: false });
  });
});

describe('links and staff patterns', () => {
  it.each(['https://example.com', 'ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ', 'www.example.jp を見て', 'example.com で買えます', 'h t t p : / / x'])('finds a link in %s', (text) => {
    expect(containsLink(text)).toBe(true);
  });
  it.each(['3.5キロになりました', '体温は37.5度', 'メールで連絡します'])('finds no link in %s', (text) => {
    expect(containsLink(text)).toBe(false);
  });
  it('refuses regular expressions that do not compile or can backtrack without end', () => {
    expect(isSafeRegex('(しに|きえ)たい')).toBe(true);
    expect(isSafeRegex('(a+)+$')).toBe(false);
    expect(isSafeRegex('([')).toBe(false);
  });
});
