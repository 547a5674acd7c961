import type { App } from '../app.ts';
import { insertPlaceIfAbsent, listDistrictsOf, upsertDistrictPoint, type PlaceValues } from '../places/places.queries.ts';
import { normaliseSearchText } from '../places/search-text.ts';

/** Fictional centres of さくら区's districts (by district code). */
const DISTRICT_POINTS: Record<string, [number, number]> = {
  '01': [35.7405, 139.6298],
  '02': [35.7322, 139.6451],
  '03': [35.7251, 139.6552],
  '04': [35.7453, 139.6503],
  '05': [35.7527, 139.6398]
};

const WEEKDAYS = [1, 2, 3, 4, 5];
const MON_SAT = [1, 2, 3, 4, 5, 6];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

type DemoPlace = Omit<PlaceValues, 'searchText' | 'districtId'> & { key: string; district: string };

/** Plausible, fictional places of さくら区. Four keys are shared with the bookings demo. */
const PLACES: DemoPlace[] = [
  {
    key: 'sakura-hiroba',
    category: 'hiroba',
    kind: '子育てひろば',
    name: '子育てひろば さくら',
    nameKana: 'コソダテヒロバ サクラ',
    district: '01',
    address: '東京都さくら区桜ヶ丘2-4-1 さくら会館1階',
    lat: 35.7412,
    lng: 139.6311,
    organizationId: 'demo-npo',
    operatorName: 'NPO法人 さくら子育てネットワーク',
    phone: '03-5555-0101',
    url: 'https://sakura.example/hiroba',
    description: '0〜3歳のお子さんと保護者が自由に遊べるひろばです。子育ての相談もできます。',
    access: 'さくら駅北口から徒歩5分',
    ageMinMonths: 0,
    ageMaxMonths: 47,
    ageText: '0歳から3歳',
    openingHours: [{ days: [1, 2, 3, 4, 5, 6], open: '09:30', close: '16:00' }],
    hoursNote: '祝日・年末年始はお休みです。',
    hasNursingRoom: true,
    hasDiaperChanging: true,
    strollerAccess: true,
    strollerRental: false
  },
  {
    key: 'sakura-ichiji',
    category: 'nursery',
    kind: '認可私立保育所',
    name: '一時預かり さくら保育園',
    nameKana: 'イチジアズカリ サクラホイクエン',
    district: '02',
    address: '東京都さくら区本町1-8-3',
    lat: 35.7329,
    lng: 139.6444,
    operatorName: '社会福祉法人 さくら福祉会',
    phone: '03-5555-0202',
    description: '保育園に通っていないお子さんの一時預かりを行っています。初めての利用の前に事前登録が必要です。',
    access: 'さくら駅南口から徒歩7分',
    capacity: 60,
    ageMinMonths: 6,
    ageMaxMonths: 83,
    ageText: '生後6か月から就学前',
    openingHours: [{ days: MON_SAT, open: '08:30', close: '17:00' }],
    hasTemporaryCare: true,
    hasNursingRoom: true,
    hasDiaperChanging: true,
    strollerAccess: true
  },
  {
    key: 'sakura-byoji',
    category: 'sick_child_care',
    kind: '病児・病後児保育',
    name: '病児保育室 かわべ',
    nameKana: 'ビョウジホイクシツ カワベ',
    district: '03',
    address: '東京都さくら区川辺3-2-10 かわべ小児科クリニック2階',
    lat: 35.7246,
    lng: 139.6561,
    operatorName: '医療法人 かわべ会',
    phone: '03-5555-0303',
    description: '病気やけがで保育園などに行けないお子さんをお預かりします。当日の朝7時から予約できます。',
    access: 'かわべ橋バス停から徒歩2分',
    capacity: 6,
    ageMinMonths: 6,
    ageMaxMonths: 155,
    ageText: '生後6か月から小学6年生',
    openingHours: [{ days: WEEKDAYS, open: '08:00', close: '18:00' }],
    hasSickChildCare: true,
    hasNursingRoom: true,
    hasDiaperChanging: true
  },
  {
    key: 'sakura-hoken',
    category: 'health_center',
    kind: '保健センター',
    name: 'さくら区保健センター',
    nameKana: 'サクラクホケンセンター',
    district: '02',
    address: '東京都さくら区本町3-1-1',
    lat: 35.7318,
    lng: 139.6472,
    phone: '03-5555-0404',
    description: '乳幼児健診、予防接種の相談、母子健康手帳の交付、保健師による相談を行っています。',
    access: 'さくら区役所となり',
    openingHours: [{ days: WEEKDAYS, open: '08:30', close: '17:15' }],
    hoursNote: '土日祝日・年末年始は閉所です。',
    hasNursingRoom: true,
    hasDiaperChanging: true,
    strollerAccess: true
  },
  { key: 'sakuragaoka-hoikuen', category: 'nursery', kind: '認可公立保育所', name: 'さくら区立桜ヶ丘保育園', nameKana: 'サクラクリツサクラガオカホイクエン', district: '01', address: '東京都さくら区桜ヶ丘1-3-5', lat: 35.7398, lng: 139.6282, phone: '03-5555-1101', capacity: 90, ageMinMonths: 2, ageMaxMonths: 83, ageText: '生後57日から就学前', openingHours: [{ days: MON_SAT, open: '07:15', close: '19:15' }], hasDiaperChanging: true },
  { key: 'midori-hoikuen', category: 'nursery', kind: '認可私立保育所', name: 'みどり保育園', nameKana: 'ミドリホイクエン', district: '04', address: '東京都さくら区緑町2-11-4', lat: 35.7461, lng: 139.6514, phone: '03-5555-1102', capacity: 72, ageMinMonths: 6, ageMaxMonths: 83, ageText: '6か月から5歳', openingHours: [{ days: MON_SAT, open: '07:00', close: '19:00' }], hasTemporaryCare: false },
  { key: 'kitahama-kodomoen', category: 'kodomoen', kind: '認定こども園（幼保連携型）', name: '北浜こども園', nameKana: 'キタハマコドモエン', district: '05', address: '東京都さくら区北浜4-2-8', lat: 35.7534, lng: 139.6405, phone: '03-5555-1103', capacity: 120, ageMinMonths: 0, ageMaxMonths: 83, ageText: '0歳から5歳', openingHours: [{ days: MON_SAT, open: '07:30', close: '18:30' }] },
  { key: 'honcho-youchien', category: 'kindergarten', kind: '私立幼稚園', name: '本町ひかり幼稚園', nameKana: 'ホンチョウヒカリヨウチエン', district: '02', address: '東京都さくら区本町5-6-2', lat: 35.7301, lng: 139.6419, phone: '03-5555-1104', capacity: 140, ageMinMonths: 36, ageMaxMonths: 83, ageText: '3歳から5歳', openingHours: [{ days: WEEKDAYS, open: '09:00', close: '14:00' }], hoursNote: '預かり保育は18:00まで' },
  { key: 'sakura-shien-center', category: 'support_center', kind: '地域子育て支援拠点', name: 'さくら子育て支援センター', nameKana: 'サクラコソダテシエンセンター', district: '02', address: '東京都さくら区本町2-2-2 本町複合施設3階', lat: 35.7335, lng: 139.6459, phone: '03-5555-1201', description: '子育ての相談、講座、親子のひろばを行う地域の子育て支援拠点です。', ageMinMonths: 0, ageMaxMonths: 83, ageText: '0歳から就学前', openingHours: [{ days: [2, 3, 4, 5, 6], open: '10:00', close: '16:30' }], hasNursingRoom: true, hasDiaperChanging: true, strollerAccess: true },
  { key: 'kawabe-odekake', category: 'hiroba', kind: 'おでかけひろば', name: 'おでかけひろば かわべ', nameKana: 'オデカケヒロバ カワベ', district: '03', address: '東京都さくら区川辺1-9-7', lat: 35.7262, lng: 139.6538, organizationId: 'demo-npo', operatorName: 'NPO法人 さくら子育てネットワーク', description: '川辺商店街の中にある小さなひろばです。', ageMinMonths: 0, ageMaxMonths: 47, ageText: '0歳から3歳', openingHours: [{ days: [1, 3, 5], open: '10:00', close: '15:00' }], hasNursingRoom: true, hasDiaperChanging: true },
  { key: 'midori-jidokan', category: 'jidokan', kind: '児童館', name: '緑町児童館', nameKana: 'ミドリチョウジドウカン', district: '04', address: '東京都さくら区緑町1-1-20', lat: 35.7448, lng: 139.6487, phone: '03-5555-1301', description: '乳幼児親子タイム（午前）と小中高生の自由来館（午後）があります。', ageMinMonths: 0, ageMaxMonths: 215, ageText: '0歳から18歳', openingHours: [{ days: MON_SAT, open: '09:00', close: '19:00' }], hasNursingRoom: true, hasDiaperChanging: true, strollerAccess: true },
  { key: 'kitahama-gakudo', category: 'after_school', kind: '放課後児童クラブ', name: '北浜小学童クラブ', nameKana: 'キタハマショウガクドウクラブ', district: '05', address: '東京都さくら区北浜2-5-1 北浜小学校内', lat: 35.7519, lng: 139.6377, ageMinMonths: 72, ageMaxMonths: 155, ageText: '小学1年生から6年生', openingHours: [{ days: WEEKDAYS, open: '13:00', close: '19:00' }], hoursNote: '学校休業日は8:00から' },
  { key: 'sakura-chuo-koen', category: 'park', kind: '公園', name: 'さくら中央公園', nameKana: 'サクラチュウオウコウエン', district: '01', address: '東京都さくら区桜ヶ丘3-1', lat: 35.7421, lng: 139.6335, description: '幼児用遊具、砂場、じゃぶじゃぶ池（夏季）があります。', openingHours: [{ days: EVERY_DAY, open: '00:00', close: '24:00' }], hasDiaperChanging: true, strollerAccess: true },
  { key: 'kawabe-ryokuchi', category: 'park', kind: '公園', name: '川辺緑地 ちびっこ広場', nameKana: 'カワベリョクチ チビッコヒロバ', district: '03', address: '東京都さくら区川辺4丁目', lat: 35.7238, lng: 139.6579, openingHours: [{ days: EVERY_DAY, open: '00:00', close: '24:00' }], strollerAccess: true },
  { key: 'sakura-toshokan', category: 'library', kind: '図書館', name: 'さくら区立中央図書館', nameKana: 'サクラクリツチュウオウトショカン', district: '02', address: '東京都さくら区本町4-3-3', lat: 35.7312, lng: 139.6433, phone: '03-5555-1401', description: 'こどもの本のコーナーと、毎週土曜日のおはなし会があります。', openingHours: [{ days: [2, 3, 4, 5, 6, 0], open: '09:00', close: '20:00' }], hoursNote: '月曜日休館', hasNursingRoom: true, hasDiaperChanging: true, strollerAccess: true },
  { key: 'midori-shokudo', category: 'kodomo_shokudo', kind: 'こども食堂', name: 'みどりまち こども食堂', nameKana: 'ミドリマチ コドモショクドウ', district: '04', address: '東京都さくら区緑町3-4-12 緑町会館', lat: null, lng: null, organizationId: 'demo-npo', operatorName: 'NPO法人 さくら子育てネットワーク', description: '子どもは無料、大人300円。毎月第2・第4水曜日の夕方に開いています。', hoursNote: '毎月第2・第4水曜日 17:00〜19:00' },
  { key: 'kitahama-shokudo', category: 'kodomo_shokudo', kind: 'こども食堂', name: 'きたはま みんなの食堂', nameKana: 'キタハマ ミンナノショクドウ', district: '05', address: '東京都さくら区北浜1-7-3', lat: null, lng: null, description: '地域のボランティアが運営しています。予約は不要です。', hoursNote: '毎週土曜日 11:30〜13:30' },
  { key: 'honcho-shonika', category: 'medical', kind: '無床診療所', name: 'ほんちょう こどもクリニック', nameKana: 'ホンチョウ コドモクリニック', district: '02', address: '東京都さくら区本町6-1-9', lat: 35.7295, lng: 139.6468, phone: '03-5555-1501', description: '小児科;アレルギー科', openingHours: [{ days: [1, 2, 4, 5, 6], open: '09:00', close: '18:00' }], hoursNote: '水曜・日曜・祝日休診', hasNursingRoom: true, strollerAccess: true },
  { key: 'sakura-byoin', category: 'medical', kind: '病院', name: 'さくら区民病院', nameKana: 'サクラクミンビョウイン', district: '01', address: '東京都さくら区桜ヶ丘5-10-1', lat: 35.7389, lng: 139.6259, phone: '03-5555-1502', description: '小児科;産婦人科;内科;外科', openingHours: [{ days: WEEKDAYS, open: '08:30', close: '17:00' }], hoursNote: '夜間・休日は救急外来で受け付けます。', hasNursingRoom: true, hasDiaperChanging: true, strollerAccess: true },
  { key: 'kuyakusho-akachan', category: 'baby_station', kind: '赤ちゃんの駅', name: 'さくら区役所 赤ちゃんの駅', nameKana: 'サクラクヤクショ アカチャンノエキ', district: '02', address: '東京都さくら区本町3-1-1 区役所本庁舎1階', lat: 35.7321, lng: 139.6479, description: '授乳室とおむつ替えコーナーを自由に使えます。', openingHours: [{ days: WEEKDAYS, open: '08:30', close: '17:15' }], hasNursingRoom: true, hasDiaperChanging: true, strollerAccess: true },
  { key: 'kitahama-kominkan', category: 'event_venue', kind: '地区会館', name: '北浜地区会館', nameKana: 'キタハマチクカイカン', district: '05', address: '東京都さくら区北浜3-3-3', lat: null, lng: null, phone: '03-5555-1601', description: '親子イベントや講座の会場として使われています。', openingHours: [{ days: EVERY_DAY, open: '09:00', close: '21:00' }], strollerAccess: true },
  { key: 'sakura-npo-space', category: 'other', kind: 'NPOの拠点', name: 'さくら子育てネットワーク 親子カフェ', nameKana: 'サクラコソダテネットワーク オヤコカフェ', district: '01', address: '東京都さくら区桜ヶ丘2-6-9', lat: 35.7417, lng: 139.6324, organizationId: 'demo-npo', operatorName: 'NPO法人 さくら子育てネットワーク', description: '授乳やおむつ替えができる親子向けのカフェです。', openingHours: [{ days: [2, 3, 4, 5, 6], open: '10:00', close: '17:00' }], hasNursingRoom: true, hasDiaperChanging: true, strollerAccess: true }
];

/** The demo ward's places and district centres; safe to run twice (existing keys are kept). */
export async function seedDemoPlaces(app: App, municipalityId: string): Promise<void> {
  const db = app.database.db;
  const districts = await listDistrictsOf(db, municipalityId);
  const byCode = new Map(districts.map((d) => [d.code, d.id]));
  for (const [code, [lat, lng]] of Object.entries(DISTRICT_POINTS)) {
    const id = byCode.get(code);
    if (id) await upsertDistrictPoint(db, municipalityId, id, lat, lng);
  }
  for (const { key, district, ...place } of PLACES) {
    const searchText = normaliseSearchText([place.name, place.nameKana, place.address, place.kind, place.operatorName ?? '', place.description ?? ''].join(' '));
    await insertPlaceIfAbsent(db, municipalityId, { dataset: 'demo', key }, { ...place, districtId: byCode.get(district) ?? null, searchText });
  }
}
