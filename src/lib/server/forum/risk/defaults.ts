import type { RiskTerm, WatchedWord } from './screen.ts';

type DefaultTerm = RiskTerm & { language: 'ja' | 'ja-x-easy' | 'en' };

const ja = (category: DefaultTerm['category'], level: DefaultTerm['level'], ...patterns: string[]): DefaultTerm[] =>
  patterns.map((pattern) => ({ category, level, pattern, isRegex: false, language: 'ja' }));
const easy = (category: DefaultTerm['category'], level: DefaultTerm['level'], ...patterns: string[]): DefaultTerm[] =>
  patterns.map((pattern) => ({ category, level, pattern, isRegex: false, language: 'ja-x-easy' }));
const en = (category: DefaultTerm['category'], level: DefaultTerm['level'], ...patterns: string[]): DefaultTerm[] =>
  patterns.map((pattern) => ({ category, level, pattern, isRegex: false, language: 'en' }));
const regex = (category: DefaultTerm['category'], level: DefaultTerm['level'], language: DefaultTerm['language'], pattern: string): DefaultTerm => ({
  category,
  level,
  pattern,
  isRegex: true,
  language
});

/** Who a child is, in the normalised spelling (子ども → こども, 息子 → むすこ …). */
const CHILD = '(こども|むすこ|むすめ|あかちゃん|あかんぼう|わがこ|うちのこ|うえのこ|したのこ|ちょうなん|ちょうじょ|次男|次女|長男|長女|子)';
/** Who a partner is. */
const PARTNER = '(おっと|だんな|かれし|つま|ぱーとなー|しゅじん|主人|よめ|嫁|あいて)';

/**
 * The lists a new municipality starts with; staff change them on the forum's word-list page.
 * Choices (see docs/decisions/0007-forum-risk-screening.md): plain words are compared with the
 * normalised text; a word that is risky in almost every use is "high" (held, urgent); a word that is
 * often innocent is "concern" (shown, and put on the professionals' watch list); idioms that use a
 * risky word innocently are masked first ("innocent").
 */
export const DEFAULT_RISK_TERMS: DefaultTerm[] = [
  // 自傷・自殺
  ...ja(
    'self_harm',
    'high',
    '死にたい',
    '死のうと思',
    '死のうかな',
    '死にます',
    '死んでしまいたい',
    '死んだ方がまし',
    '死んだほうが楽',
    '自殺',
    '消えたい',
    'いなくなりたい',
    '生きていたくない',
    '生きている意味がない',
    '生きてる意味がない',
    '生まれてこなければ',
    '首を吊',
    '首吊り',
    '飛び降りたい',
    '飛び込みたい',
    'リスカ',
    'リストカット',
    '手首を切',
    '自傷',
    '全部終わりにしたい',
    'もう終わりにしたい',
    'ODしたい',
    '逝きたい'
  ),
  regex('self_harm', 'high', 'ja', '(じぶん|自分)を(きずつけ|傷つけ)'),
  ...ja('self_harm', 'concern', '死にそう', '楽になりたい', 'もう限界', 'いなくなれば', '消えてしまいたいくらい'),
  ...easy('self_harm', 'high', 'しにたい', 'きえたい', 'いきるのが いや', 'じぶんを きずつけたい'),
  ...en('self_harm', 'high', 'kill myself', 'suicide', 'suicidal', 'want to die', 'end my life', 'hurt myself', 'self harm', 'self-harm', 'cut myself', 'better off dead', 'end it all'),
  ...en('self_harm', 'concern', "can't go on", 'cannot go on', 'disappear forever'),

  // 子どもへの危害
  regex('child_harm', 'high', 'ja', `${CHILD}(を|に)(.{0,4}?)(たた|なぐ|け(っ|る|り)|つね|なげつけ|ゆさぶ|ころ|くびをし|とじこめ)`),
  regex('child_harm', 'high', 'ja', '(て|手)を(あげ|上げ)(てしま|ちゃ|そう)'),
  ...ja('child_harm', 'high', '虐待してしまい', '虐待しそう', '虐待している', '殺してしまいそう', '殺してしまう', '叩いてしまう', '叩いてしまった', '殴ってしまう', '殴ってしまった'),
  ...ja('child_harm', 'concern', '虐待', 'かわいいと思えない', '可愛いと思えない', '怒鳴ってしまう', '怒鳴ってしまった'),
  ...easy('child_harm', 'high', 'こどもを たたいて しまう', 'こどもを たたいた', 'こどもに ひどいことを して しまう'),
  ...en('child_harm', 'high', 'hurt my baby', 'hurt my child', 'hit my child', 'hit my kid', 'hit my baby', 'shake the baby', 'shook the baby', 'shook my baby'),
  ...en('child_harm', 'concern', 'yell at my child', 'abuse'),

  // 家庭内の暴力 (DV)
  regex('dv', 'high', 'ja', `${PARTNER}(に|から|が)(.{0,8}?)(なぐ|たた|(?<!す)けら|(?<!す)け(っ|る|り)|くびをし|おどさ|ぼうりょく)`),
  regex('dv', 'high', 'ja', '(?<![a-z])dv(を|に|が|され|受け|うけ|から)'),
  ...ja('dv', 'high', '暴力を振るわれ', '殴られ', '首を絞められ', '首をしめられ', '殺すと言われ', '殺すと脅'),
  regex('dv', 'concern', 'ja', '(?<![a-z])dv(?![a-z])'),
  ...ja('dv', 'concern', '家から逃げたい', '暴力', 'モラハラ'),
  ...easy('dv', 'high', 'おっとに たたかれる', 'おっとに なぐられる', 'いえで ぼうりょく'),
  ...en('dv', 'high', 'hits me', 'beats me', 'domestic violence', 'husband hit', 'partner hit', 'afraid of my husband', 'afraid of my partner', 'threatens to kill'),

  // 今まさに危ない
  ...ja(
    'acute_crisis',
    'high',
    '今から死',
    '今死',
    '薬を全部飲',
    '薬をたくさん飲',
    '息をしていない',
    '息してない',
    '意識がない',
    '包丁を持',
    '刃物を持',
    '血が止まらない'
  ),
  ...ja('acute_crisis', 'concern', '助けて', 'けいれん', '痙攣'),
  ...easy('acute_crisis', 'high', 'いきを して いない', 'いしきが ない', 'いま しぬ'),
  ...en('acute_crisis', 'high', 'not breathing', 'overdose', 'took all the pills', 'unconscious', 'going to jump'),
  ...en('acute_crisis', 'concern', 'seizure'),

  // いつもの言い回し (masked before screening)
  ...ja('innocent', 'concern', '死ぬほど', '死ぬかと思', '死ぬ気で', '死に物狂い', '必死', '殺す気か', '死ぬまでに一度', '笑い死に', '悩殺', '殺虫', '殺菌'),
  ...en('innocent', 'concern', 'to die for', 'dying to', 'killing me', 'scared to death', 'bored to death', 'laughed to death')
];

/** Watched words a municipality starts with (staff add their own). */
export const DEFAULT_WATCHED_WORDS: WatchedWord[] = [
  { pattern: '死ね', isRegex: false, action: 'block', replacement: '', message: '人を傷つける言葉が含まれています。言い方を変えてもう一度お書きください。' },
  { pattern: 'LINE ID', isRegex: false, action: 'hold', replacement: '', message: '' },
  { pattern: '連絡先交換', isRegex: false, action: 'hold', replacement: '', message: '' },
  { pattern: '副業', isRegex: false, action: 'flag', replacement: '', message: '' },
  { pattern: 'バカ', isRegex: false, action: 'replace', replacement: '＊＊', message: '' }
];

/** The contacts shown on the supportive page; `categories` says which risks each one fits. */
export const DEFAULT_CONTACTS = [
  {
    categories: ['acute_crisis'],
    name: '警察 110 ／ 救急・消防 119',
    phone: '110 / 119',
    hours: '24時間',
    description: 'いま命の危険があるとき、ためらわずに電話してください。'
  },
  {
    categories: ['self_harm'],
    name: 'こころの健康相談統一ダイヤル',
    phone: '0570-064-556',
    hours: '都道府県により異なります',
    description: 'お住まいの地域の公的な相談窓口につながります。'
  },
  {
    categories: ['self_harm', 'dv'],
    name: 'よりそいホットライン',
    phone: '0120-279-338',
    hours: '24時間',
    description: 'どんな悩みでも、専門の相談員が一緒に考えます。'
  },
  {
    categories: ['child_harm'],
    name: '児童相談所 虐待対応ダイヤル',
    phone: '189',
    hours: '24時間',
    description: '子育てがつらいとき、お子さんのことが心配なときにも相談できます。'
  },
  {
    categories: ['dv'],
    name: 'DV相談ナビ',
    phone: '#8008',
    hours: '最寄りの配偶者暴力相談支援センターにつながります',
    description: 'おうちでの暴力やことばの暴力について相談できます。'
  },
  {
    categories: ['sick_child', 'acute_crisis'],
    name: '子ども医療電話相談',
    phone: '#8000',
    hours: '夜間・休日（都道府県により異なります）',
    description: 'お子さんの急な病気やけがで、受診を迷うときに。'
  },
  {
    categories: ['ward', 'self_harm', 'child_harm', 'dv', 'acute_crisis'],
    name: 'お住まいの区の子育て相談窓口（こども家庭センター）',
    phone: '',
    hours: '平日の日中',
    description: '区役所の代表番号からもつながります。保健師・子育てコーディネーターがお話をうかがいます。'
  }
];

/** Topics by child age and by theme; a municipality can add its own. */
export const DEFAULT_TOPICS: { kind: 'age' | 'theme'; code: string; name: string; nameEn: string; nameEasy: string }[] = [
  { kind: 'age', code: 'pregnancy', name: '妊娠中', nameEn: 'Pregnancy', nameEasy: 'おなかに あかちゃんが いる' },
  { kind: 'age', code: 'age_0', name: '0歳', nameEn: 'Under 1', nameEasy: '0さい' },
  { kind: 'age', code: 'age_1_2', name: '1〜2歳', nameEn: '1–2 years', nameEasy: '1〜2さい' },
  { kind: 'age', code: 'age_3_5', name: '3〜5歳', nameEn: '3–5 years', nameEasy: '3〜5さい' },
  { kind: 'age', code: 'school', name: '小学生', nameEn: 'Primary school', nameEasy: 'しょうがくせい' },
  { kind: 'theme', code: 'sleep', name: 'ねんね', nameEn: 'Sleep', nameEasy: 'ねること' },
  { kind: 'theme', code: 'food', name: '食事', nameEn: 'Food', nameEasy: 'たべもの' },
  { kind: 'theme', code: 'development', name: '発達', nameEn: 'Development', nameEasy: 'せいちょう' },
  { kind: 'theme', code: 'work', name: '仕事と育児', nameEn: 'Work and parenting', nameEasy: 'しごとと こそだて' },
  { kind: 'theme', code: 'body', name: 'からだ', nameEn: 'Health', nameEasy: 'からだ' },
  { kind: 'theme', code: 'mind', name: 'こころ', nameEn: 'Feelings', nameEasy: 'こころ' },
  { kind: 'theme', code: 'procedures', name: '制度・手続き', nameEn: 'Services and procedures', nameEasy: 'てつづき' },
  { kind: 'theme', code: 'other', name: 'その他', nameEn: 'Other', nameEasy: 'そのほか' }
];
