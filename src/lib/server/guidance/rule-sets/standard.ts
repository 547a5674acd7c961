/**
 * The built-in rule set every municipality starts from (versioned data; wards edit their copy).
 * Facts: reference/jp-standards.md §2 (定期接種), §3 (乳幼児健診, 妊婦健診, 妊婦のための支援給付,
 * 伴走型相談支援). Where the reference marks a fact [U] or does not cover it, the rule says so in
 * `unverified`, and the staff page shows 未確認.
 */
import type { Age } from '../life-dates.ts';
import type { RuleContent, RuleDefinition, RuleKind, Trigger } from '../rules.ts';
import { MAX_DOSES, type VaccineCode } from './immunisation-schedule.ts';
import { VACCINE_TEXTS } from './vaccine-texts.ts';

export const STANDARD_RULE_SET_KEY = 'standard';
export const STANDARD_RULE_SET_VERSION = 1;

const months = (value: number): Age => ({ unit: 'months', value });
const days = (value: number): Age => ({ unit: 'days', value });
const week = (weeks: number, d = 0) => ({ weeks, days: d });

type Text3 = { ja: [string, string, string, string]; en: [string, string, string, string]; easy: [string, string, string, string] };

function content(t: Text3): RuleContent {
  const of = ([title, what, why, where]: [string, string, string, string]) => ({ title, what, why, where });
  return { ja: of(t.ja), en: of(t.en), 'ja-x-easy': of(t.easy) };
}

let order = 0;
function rule(r: {
  key: string;
  kind: RuleKind;
  subject: 'child' | 'pregnancy';
  trigger: Trigger;
  department: string;
  text: Text3 | RuleContent;
  afterWindow?: 'overdue' | 'closed';
  lingerDays?: number;
  continuesAfter?: ('birth' | 'loss')[];
  minFetusCount?: number;
  unverified?: string;
}): RuleDefinition {
  order += 10;
  return {
    key: r.key,
    version: 1,
    kind: r.kind,
    subject: r.subject,
    trigger: r.trigger,
    filters: { districtCodes: [], minFetusCount: r.minFetusCount ?? null },
    afterWindow: r.afterWindow ?? 'overdue',
    lingerDays: r.lingerDays ?? 60,
    continuesAfter: r.continuesAfter ?? [],
    department: r.department,
    content: 'ja' in r.text && Array.isArray(r.text.ja) ? content(r.text as Text3) : (r.text as RuleContent),
    unverified: r.unverified ?? null,
    sortOrder: order
  };
}

const HEALTH = 'hoken';
const CHILD_SUPPORT = 'kosodate';

// ── pregnancy ───────────────────────────────────────────────────────────────────────────────────

const PRENATAL_WEEKS = [8, 12, 16, 20, 24, 26, 28, 30, 32, 34, 36, 37, 38, 39];

const prenatalCheckups = PRENATAL_WEEKS.map((from, i) => {
  const n = i + 1;
  const last = i === PRENATAL_WEEKS.length - 1;
  const until = last ? week(40, 6) : week(PRENATAL_WEEKS[i + 1] - 1, 6);
  const fromLabel = n === 1 ? '妊娠初期（8週ごろ）' : `妊娠${from}週ごろ`;
  return rule({
    key: `checkup.prenatal.${n}`,
    kind: 'checkup',
    subject: 'pregnancy',
    trigger: { type: 'pregnancy_week', from: week(from), until },
    department: HEALTH,
    afterWindow: 'closed',
    lingerDays: 0,
    text: {
      ja: [
        `妊婦健康診査 ${n}回目（${fromLabel}）`,
        `妊婦健診の${n}回目です。母子健康手帳と一緒に交付された受診票（${n}回目）を医療機関に出すと、公費で受けられます。`,
        'お母さんと赤ちゃんの健康を確かめ、異常を早く見つけるための健診です。妊娠23週までは4週に1回、24〜35週は2週に1回、36週からは毎週が目安です。',
        'かかりつけの産科医療機関・助産所で受けてください。受診票の使い方は保健センターにお問い合わせください。'
      ],
      en: [
        `Prenatal check-up ${n} (${n === 1 ? 'early pregnancy, about week 8' : `about week ${from}`})`,
        `Your ${n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`} prenatal check-up. Hand in voucher ${n} (given with the maternal and child health handbook) and it is publicly funded.`,
        "It checks your health and your baby's and finds problems early: every 4 weeks until week 23, every 2 weeks in weeks 24–35 and weekly from week 36.",
        'At your obstetric clinic or midwife centre. Ask the Health Center how to use the vouchers.'
      ],
      easy: [
        `にんぷけんしん ${n}かいめ`,
        `にんぷけんしんの ${n}かいめです。じゅしんひょうを びょういんに だすと、おかねが かかりません。`,
        'おかあさんと あかちゃんが げんきか しらべます。',
        'いつもの びょういんで うけます。わからない ことは ほけんセンターに きいてください。'
      ]
    }
  });
});

const pregnancyRules: RuleDefinition[] = [
  rule({
    key: 'interview.pregnancy.notification',
    kind: 'interview',
    subject: 'pregnancy',
    trigger: { type: 'pregnancy_week', from: week(6), until: week(19, 6) },
    department: HEALTH,
    lingerDays: 60,
    text: {
      ja: [
        '妊娠届出と面談（母子健康手帳の交付）',
        '妊娠がわかったら妊娠届を出し、保健師・助産師との面談を受けて母子健康手帳と妊婦健診の受診票を受け取ります（伴走型相談支援）。',
        '妊娠中から出産後まで相談できる担当者とつながり、受けられる支援を知るための面談です。妊婦のための支援給付（1回目）の申請もこのときに行います。',
        '保健センターの窓口で。マイナンバーカードと振込先口座のわかるものをお持ちください。'
      ],
      en: [
        'Pregnancy notification and interview (maternal and child health handbook)',
        'Once your pregnancy is confirmed, file the pregnancy notification and meet a public health nurse or midwife; you receive the handbook and the check-up vouchers (accompanying support).',
        'It connects you with someone you can consult from pregnancy to after the birth and tells you what support you can get. You also apply for the first pregnancy support payment here.',
        'At the Health Center counter. Bring your My Number card and your bank account details.'
      ],
      easy: [
        'にんしんの とどけと めんだん',
        'にんしんが わかったら とどけを だして、ほけんしと はなします。ぼしけんこうてちょうを もらいます。',
        'こまった ときに そうだん できる 人と つながります。',
        'ほけんセンターに いきます。マイナンバーカードと ぎんこうの つうちょうを もって いきます。'
      ]
    }
  }),
  rule({
    key: 'benefit.pregnancy-support.first',
    kind: 'benefit',
    subject: 'pregnancy',
    trigger: { type: 'pregnancy_week', from: week(6), until: null },
    department: CHILD_SUPPORT,
    continuesAfter: ['birth', 'loss'],
    text: {
      ja: [
        '妊婦のための支援給付（1回目・5万円）',
        '妊婦給付認定（胎児の心拍が確認されていること）を受けて、妊娠届出時の面談のあとに申請すると5万円が支給されます。所得制限はありません。',
        '妊娠・出産にかかる負担を軽くするための給付です。流産・死産などの場合も対象になります。',
        '子育て支援課へ申請してください。妊娠届出の面談の際にご案内します。'
      ],
      en: [
        'Pregnancy support payment (1st, ¥50,000)',
        'After the pregnancy is certified (foetal heartbeat confirmed) and the notification interview, apply to receive ¥50,000. There is no income limit.',
        'It eases the costs of pregnancy and birth. It is also paid after a miscarriage or stillbirth.',
        'Apply to the Child-Rearing Support Division; you are told how at the notification interview.'
      ],
      easy: [
        'にんぷさんへの おかね（1かいめ 5まんえん）',
        'にんしんの とどけの めんだんの あとに しんせいすると、5まんえん もらえます。',
        'にんしんと しゅっさんの おかねの たすけです。',
        'こそだてしえんかに しんせいします。'
      ]
    }
  }),
  ...prenatalCheckups,
  rule({
    key: 'checkup.prenatal.multiple',
    kind: 'checkup',
    subject: 'pregnancy',
    trigger: { type: 'pregnancy_week', from: week(20), until: week(40, 6) },
    department: HEALTH,
    minFetusCount: 2,
    afterWindow: 'closed',
    lingerDays: 0,
    unverified: 'The number of extra publicly funded visits for multiple pregnancies differs by municipality (reference §3.2 cites narita-kosodate.jp: 15–19回目 reimbursed); set the local number here.',
    text: {
      ja: [
        '多胎妊娠の方の追加の妊婦健診',
        '双子以上を妊娠している方は、14回を超える妊婦健診にも助成があります。',
        '多胎妊娠では健診の回数が多くなるため、その費用を助成します。',
        '受診した医療機関の領収書を保健センターにお持ちください。'
      ],
      en: [
        'Extra prenatal check-ups for a multiple pregnancy',
        'If you are expecting twins or more, check-ups beyond the 14 vouchers are also subsidised.',
        'A multiple pregnancy needs more check-ups; the subsidy covers their cost.',
        'Bring the clinic receipts to the Health Center.'
      ],
      easy: [
        'ふたご いじょうの にんぷさんの けんしん',
        'ふたご いじょうの ときは、けんしんの おかねを もっと たすけます。',
        'けんしんの かいすうが おおく なるからです。',
        'りょうしゅうしょを ほけんセンターに もって いきます。'
      ]
    }
  }),
  rule({
    key: 'interview.pregnancy.eighth-month',
    kind: 'interview',
    subject: 'pregnancy',
    trigger: { type: 'pregnancy_week', from: week(28), until: week(31, 6) },
    department: HEALTH,
    lingerDays: 28,
    unverified: 'Whether the 8th-month interview is for everyone or only on request, and whether it triggers the 2nd payment, differs by municipality (reference §3.3).',
    text: {
      ja: [
        '妊娠8か月ごろのアンケート・面談',
        '出産に向けた準備や心配なことについてのアンケートです。希望する方は保健師・助産師と面談できます。',
        '出産前に不安や必要な支援を一緒に確かめ、産後の生活に備えるためのものです。',
        '保健センターへ。アンケートはこのアプリからも回答できるようになります。'
      ],
      en: [
        'Questionnaire and interview around the 8th month',
        'A questionnaire about getting ready for the birth and anything that worries you; you can also meet a public health nurse or midwife.',
        'It helps you check worries and the support you need before the birth and prepare for life afterwards.',
        'At the Health Center.'
      ],
      easy: [
        'にんしん 8かげつごろの アンケートと めんだん',
        'しゅっさんの じゅんびや しんぱいな ことを ききます。',
        'うまれた あとの せいかつの じゅんびを します。',
        'ほけんセンターに そうだん します。'
      ]
    }
  }),
  rule({
    key: 'benefit.pregnancy-support.second',
    kind: 'benefit',
    subject: 'pregnancy',
    trigger: { type: 'pregnancy_week', from: week(28), until: null },
    department: CHILD_SUPPORT,
    continuesAfter: ['birth', 'loss'],
    unverified: 'When the 胎児の数の届出 is taken (8th-month interview or the newborn home visit) differs by municipality (reference §3.3).',
    text: {
      ja: [
        '妊婦のための支援給付（2回目・胎児1人につき5万円）',
        '「胎児の数の届出」をすると、胎児1人につき5万円が支給されます。所得制限はありません。',
        '出産・子育ての負担を軽くするための給付です。流産・死産などの場合も、届出をすると受け取ることができます。',
        '子育て支援課へ届け出てください。わからないことは電話でもご相談いただけます。'
      ],
      en: [
        'Pregnancy support payment (2nd, ¥50,000 per baby)',
        'After you file the notification of the number of babies, ¥50,000 is paid for each baby. There is no income limit.',
        'It eases the costs of birth and child-rearing. It can also be received after a miscarriage or stillbirth.',
        'File it with the Child-Rearing Support Division; you can also ask by phone.'
      ],
      easy: [
        'にんぷさんへの おかね（2かいめ あかちゃん 1人 5まんえん）',
        'あかちゃんの かずを とどけると、1人 5まんえん もらえます。',
        'しゅっさんと こそだての おかねの たすけです。',
        'こそだてしえんかに とどけます。'
      ]
    }
  }),
  rule({
    key: 'immunisation.rsv-maternal',
    kind: 'immunisation',
    subject: 'pregnancy',
    trigger: { type: 'pregnancy_week', from: week(28), until: week(36, 6) },
    department: HEALTH,
    afterWindow: 'closed',
    lingerDays: 0,
    text: {
      ja: [
        'RSウイルス母子免疫ワクチン（妊娠28〜36週）',
        '2026年4月から、妊娠28週0日から36週6日までの妊婦さんが1回受けられる定期接種です。',
        'お母さんが接種すると、生まれた赤ちゃんが重いRSウイルス感染症になるのを防ぎます。',
        '接種できる医療機関は保健センターにお問い合わせください。'
      ],
      en: [
        'RSV maternal vaccine (weeks 28–36)',
        'Since April 2026 a routine vaccination, once per pregnancy, from week 28 day 0 to week 36 day 6.',
        'Vaccinating the mother protects the newborn from severe RSV infection.',
        'Ask the Health Center which clinics give it.'
      ],
      easy: [
        'RSウイルスの ワクチン（にんぷさん）',
        'にんしん 28しゅうから 36しゅうの あいだに 1かい うちます。',
        'うまれた あかちゃんを びょうきから まもります。',
        'ほけんセンターに きいてください。'
      ]
    }
  }),
  rule({
    key: 'interview.pregnancy.after-loss',
    kind: 'interview',
    subject: 'pregnancy',
    trigger: { type: 'pregnancy_loss', withinDays: 365 },
    department: HEALTH,
    afterWindow: 'closed',
    text: {
      ja: [
        'お気持ちやお体についてのご相談',
        '保健師・助産師が、お体の回復やお気持ちについてのお話を伺います。ご家族からのご相談もお受けします。',
        'つらいお気持ちを一人で抱えなくてよいように、いつでもご連絡いただけます。ご無理のない時期で大丈夫です。',
        '保健センターまでお電話ください。ご自宅への訪問もできます。'
      ],
      en: [
        'Support for you and your family',
        'A public health nurse or midwife can talk with you about your physical recovery and how you are feeling. Family members are welcome to contact us too.',
        'You do not have to carry this alone. Contact us whenever you are ready; there is no deadline.',
        'Call the Health Center; we can also visit you at home.'
      ],
      easy: [
        'こころと からだの そうだん',
        'ほけんしや じょさんしが おはなしを ききます。かぞくも そうだん できます。',
        'ひとりで かかえなくて だいじょうぶです。いつでも れんらく ください。',
        'ほけんセンターに でんわ してください。いえにも いけます。'
      ]
    }
  })
];

// ── child ───────────────────────────────────────────────────────────────────────────────────────

const childRules: RuleDefinition[] = [
  rule({
    key: 'procedure.birth-registration',
    kind: 'procedure',
    subject: 'child',
    trigger: { type: 'age', from: days(0), until: days(14) },
    department: CHILD_SUPPORT,
    lingerDays: 30,
    unverified: 'The 14-day limit (戸籍法 第49条, counted from the day of birth) is not in reference/jp-standards.md; it comes from issue 3.',
    text: {
      ja: [
        '出生届（生まれた日を含めて14日以内）',
        '赤ちゃんが生まれたら、生まれた日を含めて14日以内に出生届を出します。',
        '赤ちゃんの戸籍と住民票をつくる届出で、児童手当や医療費助成などの手続きにも必要です。',
        '区役所の戸籍の窓口へ。出生証明書（医師・助産師が記入）と母子健康手帳をお持ちください。'
      ],
      en: [
        'Birth registration (within 14 days, counting the day of birth)',
        'Register the birth within 14 days, counting the day of birth.',
        "It creates your baby's family register and resident record, which other applications (child allowance, medical subsidies) need.",
        'At the family register counter of the ward office. Bring the birth certificate (filled in by the doctor or midwife) and the handbook.'
      ],
      easy: [
        'しゅっせいとどけ（14にち いないに）',
        'あかちゃんが うまれたら、うまれた 日から 14にち いないに とどけを だします。',
        'あかちゃんの じゅうみんひょうを つくります。',
        'くやくしょに いきます。しゅっせいしょうめいしょと ぼしけんこうてちょうを もって いきます。'
      ]
    }
  }),
  rule({
    key: 'benefit.child-allowance.application',
    kind: 'benefit',
    subject: 'child',
    trigger: { type: 'age', from: days(0), until: days(16) },
    department: CHILD_SUPPORT,
    lingerDays: 60,
    unverified: 'The October 2024 reform of 児童手当 is not in reference/jp-standards.md; the facts (15 days, from the next month, no income limit, to the end of the school year of the 18th birthday) come from issue 3. Check with こども家庭庁.',
    text: {
      ja: [
        '児童手当の申請（出生の翌日から15日以内）',
        '出生日や転入日の翌日から15日以内に申請すると、申請した月の翌月分から支給されます。2024年10月から所得制限はなく、18歳に達した後の最初の3月31日まで（高校生年代まで）支給されます。',
        '申請が遅れると、遅れた月の分は受け取れません。',
        '子育て支援課へ。請求者（主に生計を支える方）の口座がわかるものをお持ちください。'
      ],
      en: [
        'Apply for the child allowance (within 15 days from the day after the birth)',
        'Apply within 15 days from the day after the birth or the move and it is paid from the following month. Since October 2024 there is no income limit and it is paid until the first 31 March after the 18th birthday.',
        'Months before a late application are not paid.',
        "At the Child-Rearing Support Division; bring the claimant's bank account details."
      ],
      easy: [
        'じどうてあての しんせい（15にち いないに）',
        'うまれた つぎの 日から 15にち いないに しんせい すると、つぎの つきの ぶんから もらえます。18さいの としの 3がつまで もらえます。',
        'おくれると、その あいだの ぶんは もらえません。',
        'こそだてしえんかに しんせい します。'
      ]
    }
  }),
  rule({
    key: 'interview.child.home-visit',
    kind: 'interview',
    subject: 'child',
    trigger: { type: 'age', from: days(0), until: months(4) },
    department: HEALTH,
    lingerDays: 30,
    unverified: 'The visit is "by 4 months" in the reference only as [U] (§3.3; Seto: about 2 months).',
    text: {
      ja: [
        'こんにちは赤ちゃん訪問（乳児家庭全戸訪問）',
        '保健師・助産師などがご自宅を訪ね、赤ちゃんの体重測定や子育ての相談を受けます。',
        '産後のお母さんの体や気持ちの変化も含め、困りごとを早めに一緒に考えるための訪問です。',
        '保健センターからご連絡します。日程の相談はお電話でどうぞ。'
      ],
      en: [
        'Newborn home visit',
        'A public health nurse or midwife visits you at home, weighs the baby and talks about anything you want to ask.',
        "It helps with worries early, including the mother's physical and emotional recovery after the birth.",
        'The Health Center contacts you; call to arrange the date.'
      ],
      easy: [
        'こんにちは あかちゃん ほうもん',
        'ほけんしなどが いえに きて、あかちゃんの たいじゅうを はかります。',
        'こまって いる ことを いっしょに かんがえます。',
        'ほけんセンターから れんらく します。'
      ]
    }
  }),
  rule({
    key: 'checkup.infant.1m',
    kind: 'checkup',
    subject: 'child',
    trigger: { type: 'age', from: months(1), until: months(2) },
    department: HEALTH,
    lingerDays: 30,
    text: {
      ja: [
        '1か月児健康診査',
        '生後1か月ごろの健診です。体重の増え方や黄疸、股関節などを診ます。',
        '生まれてすぐの時期の成長と健康を確かめます。受診票で公費負担があります。',
        '出産した医療機関などで受けてください。'
      ],
      en: [
        '1-month check-up',
        "A check-up at about 1 month: weight gain, jaundice, hips and more.",
        "It checks your newborn's growth and health; the voucher covers the cost.",
        'Usually at the hospital where the baby was born.'
      ],
      easy: ['1かげつ けんしん', 'うまれて 1かげつの けんしんです。', 'あかちゃんが げんきか しらべます。', 'うまれた びょういんで うけます。']
    }
  }),
  rule({
    key: 'checkup.infant.3-4m',
    kind: 'checkup',
    subject: 'child',
    trigger: { type: 'age', from: months(3), until: months(5) },
    department: HEALTH,
    text: {
      ja: [
        '3〜4か月児健康診査',
        '首のすわりや体重の増え方などを診る集団健診です。',
        '発達の節目で成長を確かめ、育児の相談ができます。',
        '保健センターで行います。日時は個別にお知らせします。'
      ],
      en: [
        '3–4-month check-up',
        'A group check-up of head control, weight gain and development.',
        'It checks growth at a key stage and you can ask about childcare.',
        'At the Health Center; you are told the date and time.'
      ],
      easy: ['3〜4かげつ けんしん', 'くびが すわって いるか などを みます。', 'そだちかたを しらべます。', 'ほけんセンターで うけます。']
    }
  }),
  rule({
    key: 'checkup.infant.9-10m',
    kind: 'checkup',
    subject: 'child',
    trigger: { type: 'age', from: months(9), until: months(11) },
    department: HEALTH,
    text: {
      ja: [
        '9〜10か月児健康診査',
        'はいはいやつかまり立ちなどの発達を診る健診です。',
        '運動や言葉の発達、離乳食の進み方を確かめます。',
        '区内の協力医療機関で、受診票を使って受けてください。'
      ],
      en: [
        '9–10-month check-up',
        'A check-up of crawling, pulling up to stand and other development.',
        'It checks movement, early language and weaning.',
        'At a participating clinic in the ward, with the voucher.'
      ],
      easy: ['9〜10かげつ けんしん', 'はいはい などを みます。', 'そだちかたを しらべます。', 'びょういんで うけます。']
    }
  }),
  rule({
    key: 'checkup.infant.1y6m',
    kind: 'checkup',
    subject: 'child',
    trigger: { type: 'age', from: months(18), until: months(24) },
    department: HEALTH,
    text: {
      ja: [
        '1歳6か月児健康診査',
        '歩き方や言葉、歯の健康などを診る健診です（母子保健法で定められた健診です）。',
        '発達の大切な時期に、成長を確かめ、相談できる機会です。',
        '保健センターで行います。日時は個別にお知らせします。'
      ],
      en: [
        '18-month check-up',
        'A statutory check-up of walking, language, teeth and more.',
        'It checks development at an important stage and is a chance to ask questions.',
        'At the Health Center; you are told the date and time.'
      ],
      easy: ['1さい6かげつ けんしん', 'あるきかたや ことば、はを みます。', 'そだちかたを しらべます。', 'ほけんセンターで うけます。']
    }
  }),
  rule({
    key: 'checkup.infant.3y',
    kind: 'checkup',
    subject: 'child',
    trigger: { type: 'age', from: months(36), until: months(48) },
    department: HEALTH,
    text: {
      ja: [
        '3歳児健康診査',
        '体の発育、言葉、視力・聴力、歯の健康などを診る健診です（母子保健法で定められた健診です）。',
        '就園前の大切な時期に、見え方や聞こえ方も含めて確かめます。',
        '保健センターで行います。事前に視力・聴力のアンケートをお送りします。'
      ],
      en: [
        '3-year check-up',
        'A statutory check-up of growth, language, sight, hearing and teeth.',
        'It checks development, including sight and hearing, before kindergarten.',
        'At the Health Center; a sight and hearing questionnaire is sent beforehand.'
      ],
      easy: ['3さい けんしん', 'からだ、ことば、め、みみ、はを みます。', 'そだちかたを しらべます。', 'ほけんセンターで うけます。']
    }
  }),
  rule({
    key: 'checkup.child.5y',
    kind: 'checkup',
    subject: 'child',
    trigger: { type: 'age', from: months(60), until: months(72) },
    department: HEALTH,
    unverified: 'Whether and when the ward runs a 5-year check-up is a local choice (母子保健法 第13条; reference §3.1).',
    text: {
      ja: [
        '5歳児健康診査',
        '就学前に、発達や生活の様子を確かめる健診です。',
        '小学校入学に向けて、必要な支援を早めに考えることができます。',
        '保健センターからご案内します。'
      ],
      en: [
        '5-year check-up',
        'A check-up of development and daily life before school.',
        'It helps plan any support needed before elementary school.',
        'The Health Center will contact you.'
      ],
      easy: ['5さい けんしん', 'しょうがっこうの まえに そだちかたを みます。', 'しょうがっこうの じゅんびです。', 'ほけんセンターから れんらく します。']
    }
  }),
  rule({
    key: 'info.child-allowance.last-year',
    kind: 'info',
    subject: 'child',
    trigger: { type: 'school_year', fromTurning: 18, untilTurning: 18 },
    department: CHILD_SUPPORT,
    afterWindow: 'closed',
    lingerDays: 0,
    unverified: 'From issue 3 (児童手当 paid to the end of the school year in which the child turns 18); not in reference/jp-standards.md.',
    text: {
      ja: [
        '児童手当は今年度（3月31日）までです',
        '児童手当は、18歳に達した後の最初の3月31日までの分が支給されます。',
        '支給の終わりに備えて、家計の見通しを立てておくと安心です。',
        'ご不明な点は子育て支援課へ。'
      ],
      en: [
        'The child allowance ends this school year (31 March)',
        'The child allowance is paid until the first 31 March after the 18th birthday.',
        'Knowing when it ends helps you plan your household budget.',
        'Ask the Child-Rearing Support Division.'
      ],
      easy: [
        'じどうてあては ことしの 3がつ までです',
        'じどうてあては 18さいの としの 3がつ まで もらえます。',
        'おかねの よていを たてましょう。',
        'こそだてしえんかに きいてください。'
      ]
    }
  })
];

// ── immunisation doses ─────────────────────────────────────────────────────────────────────────

const ORDINAL_EN = ['1st', '2nd', '3rd', '4th'];

function doseLabel(vaccine: VaccineCode, dose: number): { ja: string; en: string; easy: string } {
  if (vaccine === 'mr') return dose === 1 ? { ja: '1期', en: 'stage 1', easy: '1き' } : { ja: '2期', en: 'stage 2', easy: '2き' };
  if (vaccine === 'je' && dose === 4) return { ja: '2期', en: 'stage 2', easy: '2き' };
  if (vaccine === 'je') return { ja: `1期 ${dose}回目`, en: `stage 1, ${ORDINAL_EN[dose - 1]} dose`, easy: `1き ${dose}かいめ` };
  if (vaccine === 'dt' || vaccine === 'bcg') return { ja: '', en: '', easy: '' };
  return { ja: `${dose}回目`, en: `${ORDINAL_EN[dose - 1]} dose`, easy: `${dose}かいめ` };
}

const IMMUNISATION_UNVERIFIED: Partial<Record<VaccineCode, string>> = {
  pcv: 'That primary doses 2 and 3 stay routine until 24 months is not in the reference (only "by 12 months" as standard).',
  hib: 'Hib late-start dose counts and the 24-month limit for primary doses are not in the reference (only "Hib to 60月", 追加 ≥7月).',
  hpv: 'The minimum intervals of the 3-dose HPV schedule are marked "see text" in the reference; 1 and 3 months are assumed.',
  je: 'The 特例 for people born 1995-04-02…2007-04-01 (until 20) no longer concerns children and is not modelled.'
};

const immunisationRules: RuleDefinition[] = (Object.keys(MAX_DOSES) as VaccineCode[]).flatMap((vaccine) => {
  const t = VACCINE_TEXTS[vaccine];
  return Array.from({ length: MAX_DOSES[vaccine] }, (_, i) => {
    const dose = i + 1;
    const label = doseLabel(vaccine, dose);
    const title = (name: string, l: string, sep: string) => (l ? `${name}${sep}${l}` : name);
    return rule({
      key: `immunisation.${vaccine}.${dose}`,
      kind: 'immunisation',
      subject: 'child',
      trigger: { type: 'immunisation', vaccine, dose },
      department: HEALTH,
      afterWindow: 'closed',
      lingerDays: 0,
      unverified: IMMUNISATION_UNVERIFIED[vaccine],
      text: {
        ja: {
          title: title(t.name.ja, label.ja, ' '),
          what: t.what.ja,
          why: t.why.ja,
          where: '区内の協力医療機関で、予診票を使って受けてください（定期接種の期間内は無料です）。母子健康手帳をお持ちください。'
        },
        en: {
          title: title(t.name.en, label.en, ', '),
          what: t.what.en,
          why: t.why.en,
          where: "At a participating clinic in the ward, with the pre-vaccination form (free within the routine window). Bring the maternal and child health handbook."
        },
        'ja-x-easy': {
          title: title(t.name.easy, label.easy, ' '),
          what: t.what.easy,
          why: t.why.easy,
          where: 'くの びょういんで うけます。きまった じきなら おかねは かかりません。ぼしけんこうてちょうを もって いきます。'
        }
      }
    });
  });
});

export const STANDARD_RULES: readonly RuleDefinition[] = [...pregnancyRules, ...childRules, ...immunisationRules];
