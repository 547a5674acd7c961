import type { App } from '../app.ts';
import { listDistricts } from '../municipalities/index.ts';
import { seedOrganization, type OrganizationType } from '../organizations/index.ts';
import { addDays, today } from '../platform/clock.ts';

const NICKNAMES: [string, string][] = [
  ['ひよこ', 'ひよこ'], ['たんぽぽ', 'たんぽぽ'], ['どんぐり', 'どんぐり'], ['にこにこ', 'にこにこ'], ['すくすく', 'すくすく'],
  ['ぽかぽか', 'ぽかぽか'], ['おひさま', 'おひさま'], ['くれよん', 'くれよん'], ['つくし', 'つくし'], ['ありんこ', 'ありんこ'],
  ['こあら', 'こあら'], ['ぱんだ', 'ぱんだ'], ['ひまわり', 'ひまわり'], ['さくらんぼ', 'さくらんぼ'], ['かるがも', 'かるがも'],
  ['こぐま', 'こぐま'], ['みつばち', 'みつばち'], ['ことり', 'ことり'], ['にじいろ', 'にじいろ'], ['わかば', 'わかば'],
  ['もぐもぐ', 'もぐもぐ'], ['てくてく', 'てくてく']
];

const KINDS: Record<Exclude<OrganizationType, 'ward_department' | 'social_welfare_council'>, { name: (d: string, n: string) => string; kana: (d: string, n: string) => string; purpose: string }> = {
  voluntary: {
    name: (d, n) => `${d}子育てサークル「${n}」`,
    kana: (d, n) => `${d}こそだてさーくる${n}`,
    purpose: '未就学児と保護者が集まり、手遊びや季節の行事を楽しみながら、子育ての悩みを話し合える場をつくっています。'
  },
  npo: {
    name: (d, n) => `NPO法人 ${d}${n}子育て応援ネット`,
    kana: (d, n) => `${d}${n}こそだておうえんねっと`,
    purpose: '地域の親子の居場所づくり、子育て講座、一時預かりの支援を行っています。'
  },
  general_incorporated: {
    name: (d, n) => `一般社団法人 ${n}ファミリーサポート${d}`,
    kana: (d, n) => `${n}ふぁみりーさぽーと${d}`,
    purpose: '産前産後の家庭へのサポートと、子育て支援者の研修を行っています。'
  },
  company: {
    name: (d, n) => `株式会社${n}キッズ ${d}教室`,
    kana: (d, n) => `${n}きっず${d}きょうしつ`,
    purpose: '親子で参加できるリトミックや運動あそびの教室を運営しています。'
  }
};

/** A mix close to a ward's: mostly circles and NPOs. */
const TYPE_CYCLE: (keyof typeof KINDS)[] = ['voluntary', 'npo', 'voluntary', 'company', 'voluntary', 'npo', 'general_incorporated', 'voluntary', 'npo', 'voluntary'];

function tokyoMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T10:00:00+09:00`);
}

/**
 * The demo ward's organizations: さくら子育てネットワーク ('demo-npo', owned by npo@), a circle
 * waiting for verification (registered by yamamoto@), one official organization per department (owned
 * by the ward's publisher kouhou@, who switches between them), the social welfare council, and 110 verified organizations registered over
 * the last 18 months, so the directory and the statistics (target: 100+) have something to show.
 */
export async function seedDemoOrganizations(app: App, municipalityId: string, userIds: Record<string, string>): Promise<void> {
  const districts = await listDistricts(app.database.db, municipalityId);
  const byCode = (code: string) => districts.find((d) => d.code === code)?.id as string;
  const all = districts.map((d) => d.id);
  const day = today();

  await seedOrganization(app, {
    municipalityId,
    id: 'demo-npo',
    type: 'npo',
    name: 'さくら子育てネットワーク',
    nameKana: 'さくらこそだてねっとわーく',
    purpose: '区内の子育て家庭を支えるために、親子ひろばの運営、子育て講座、ボランティアの育成を行っています。',
    districtIds: [byCode('01'), byCode('02')],
    contactEmail: 'info@sakura-kosodate.example',
    contactPhone: '03-1234-5678',
    url: 'https://sakura-kosodate.example/',
    status: 'verified',
    submittedAt: tokyoMidnight(addDays(day, -200)),
    verifiedAt: tokyoMidnight(addDays(day, -196)),
    ownerUserId: userIds.org
  });

  if (userIds.resident_a) {
    await seedOrganization(app, {
      municipalityId,
      type: 'voluntary',
      name: 'ひだまり子育てサークル',
      nameKana: 'ひだまりこそだてさーくる',
      purpose: '川辺地区の0〜3歳の親子が、週に一度公園や集会所で一緒に遊んでいます。',
      districtIds: [byCode('03')],
      contactEmail: 'hidamari.circle@example.jp',
      status: 'pending',
      submittedAt: tokyoMidnight(addDays(day, -2)),
      ownerUserId: userIds.resident_a
    });
  }

  const publisher = userIds.wardPublisher;
  const departments = [
    { code: 'kosodate', name: 'さくら区 子育て支援課', kana: 'さくらく こそだてしえんか', purpose: '子育て支援の制度、手当、子育てひろばのお知らせをお届けします。' },
    { code: 'hoken', name: 'さくら区 保健センター', kana: 'さくらく ほけんせんたー', purpose: '乳幼児健診、予防接種、母子保健の教室のお知らせをお届けします。' },
    { code: 'gakumu', name: 'さくら区 教育委員会 学務課', kana: 'さくらく きょういくいいんかい がくむか', purpose: '入学や就学の手続き、学校に関するお知らせをお届けします。' }
  ];
  for (const department of departments) {
    await seedOrganization(app, {
      municipalityId,
      type: 'ward_department',
      departmentCode: department.code,
      name: department.name,
      nameKana: department.kana,
      purpose: department.purpose,
      districtIds: all,
      contactPhone: '03-0000-0000',
      status: 'verified',
      submittedAt: tokyoMidnight(addDays(day, -400)),
      ownerUserId: publisher
    });
  }

  await seedOrganization(app, {
    municipalityId,
    type: 'social_welfare_council',
    name: 'さくら区社会福祉協議会',
    nameKana: 'さくらくしゃかいふくしきょうぎかい',
    purpose: 'ファミリー・サポート・センター事業や地域の子育てサロンの支援を行っています。',
    districtIds: all,
    contactPhone: '03-0000-1111',
    status: 'verified',
    submittedAt: tokyoMidnight(addDays(day, -380)),
    verifiedAt: tokyoMidnight(addDays(day, -378))
  });

  for (let i = 0; i < 110; i++) {
    const district = districts[i % districts.length];
    const [nick, nickKana] = NICKNAMES[Math.floor(i / districts.length) % NICKNAMES.length];
    const type = TYPE_CYCLE[i % TYPE_CYCLE.length];
    const kind = KINDS[type];
    const verifiedOn = addDays(day, -(3 + i * 5));
    await seedOrganization(app, {
      municipalityId,
      type,
      name: kind.name(district.name, nick),
      nameKana: kind.kana(district.name_kana || district.name, nickKana),
      purpose: kind.purpose,
      districtIds: [district.id],
      contactEmail: `group${String(i + 1).padStart(3, '0')}@example.jp`,
      status: 'verified',
      submittedAt: tokyoMidnight(addDays(verifiedOn, -3)),
      verifiedAt: tokyoMidnight(verifiedOn)
    });
  }
}
