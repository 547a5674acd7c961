import type { PlaceCategory } from '../categories.ts';

/** The place facts an import can fill; a layout says which column holds each. */
export const FIELD_KEYS = [
  'id', 'name', 'name_kana', 'kind', 'address', 'address_extra', 'lat', 'lng', 'phone', 'fax', 'email', 'url',
  'description', 'remarks', 'postal_code', 'access', 'parking', 'capacity', 'age', 'age_end', 'days', 'open',
  'close', 'hours_note', 'operator', 'authorized_on', 'temporary_care', 'sick_child_care', 'nursing_room',
  'diaper', 'stroller_rental', 'stroller_access', 'photo', 'photo_license', 'municipality_code', 'accessibility',
  'address_pref', 'address_city', 'address_town', 'address_block'
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** The fields staff can map by hand for a layout we do not know. */
export const MAPPABLE_FIELDS = ['id', 'name', 'name_kana', 'kind', 'address', 'postal_code', 'lat', 'lng', 'phone', 'url', 'description'] as const satisfies readonly FieldKey[];
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

export type ImportDataset = 'preschool' | 'public_facility' | 'hospital' | 'kodomo_shokudo' | 'papamama' | 'custom';

export interface Layout {
  id: string;
  dataset: ImportDataset;
  fallbackCategory: PlaceCategory;
  /** True when a normalised header set is this layout's. */
  detect: (headers: Set<string>) => boolean;
  fields: Partial<Record<FieldKey, string[]>>;
}

/**
 * A header as published, made comparable: NFKC, no BOM or stray `?` in front, every dash-like
 * character (U+2015 `―` in 焼津市's `コ―ド`, `－`, `‐`…) as `ー`, `標記` as `表記`, no spaces,
 * full-width brackets as ASCII, lower case (papamama's keys are English).
 */
export function normaliseHeader(raw: string): string {
  return raw
    .replace(/^[\uFEFF?]+/, '')
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\u2500\uFF0D\uFF70]/g, 'ー')
    .replace(/標記/g, '表記')
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

const has = (headers: Set<string>, ...names: string[]) => names.every((n) => headers.has(normaliseHeader(n)));
const any = (headers: Set<string>, ...names: string[]) => names.some((n) => headers.has(normaliseHeader(n)));

const CURRENT_COMMON: Partial<Record<FieldKey, string[]>> = {
  municipality_code: ['全国地方公共団体コード'],
  id: ['ID'],
  name: ['名称'],
  name_kana: ['名称_カナ'],
  kind: ['種別'],
  address: ['所在地_連結表記'],
  address_pref: ['所在地_都道府県'],
  address_city: ['所在地_市区町村'],
  address_town: ['所在地_町字'],
  address_block: ['所在地_番地以下'],
  address_extra: ['建物名等(方書)', '方書'],
  lat: ['緯度'],
  lng: ['経度'],
  access: ['アクセス方法'],
  parking: ['駐車場情報'],
  phone: ['電話番号'],
  fax: ['FAX番号'],
  email: ['連絡先メールアドレス', 'メールアドレス'],
  postal_code: ['郵便番号'],
  operator: ['団体名'],
  days: ['利用可能曜日'],
  open: ['開始時間'],
  close: ['終了時間'],
  hours_note: ['利用可能日時特記事項', '利用可能日時特記'],
  nursing_room: ['授乳室'],
  diaper: ['おむつ替えコーナー'],
  stroller_rental: ['ベビーカー貸出'],
  stroller_access: ['ベビーカー利用'],
  url: ['URL'],
  photo: ['画像'],
  photo_license: ['画像_ライセンス'],
  description: ['説明'],
  accessibility: ['バリアフリー情報'],
  remarks: ['備考']
};

const LEGACY_COMMON: Partial<Record<FieldKey, string[]>> = {
  ...CURRENT_COMMON,
  municipality_code: ['都道府県コード又は市区町村コード'],
  id: ['NO'],
  address: ['住所'],
  address_pref: [],
  address_city: [],
  address_town: [],
  address_block: [],
  address_extra: ['方書']
};

const PRESCHOOL_EXTRA: Partial<Record<FieldKey, string[]>> = {
  authorized_on: ['認可等年月日', '許可等年月日'],
  capacity: ['収容定員'],
  age: ['受入年齢'],
  temporary_care: ['一時預かりの有無'],
  sick_child_care: ['病児保育の有無']
};

const HOSPITAL_EXTRA: Partial<Record<FieldKey, string[]>> = {
  kind: ['医療機関の種類', '種別'],
  operator: ['法人の名称', '団体名'],
  days: ['診療曜日'],
  open: ['診療開始時間'],
  close: ['診療終了時間'],
  hours_note: ['診療日時特記事項'],
  description: ['診療科目']
};

const isPreschool = (h: Set<string>) => any(h, '受入年齢', '収容定員', '一時預かりの有無', '認可等年月日', '許可等年月日');
const isHospital = (h: Set<string>) => any(h, '診療科目', '医療機関の種類');
const isCurrent = (h: Set<string>) => has(h, '名称', '所在地_連結表記');
const isLegacy = (h: Set<string>) => has(h, '名称', '住所');

/** The layouts we read without help, most specific first. */
export const LAYOUTS: Layout[] = [
  {
    id: 'kodomo_shokudo_tokyo',
    dataset: 'kodomo_shokudo',
    fallbackCategory: 'kodomo_shokudo',
    detect: (h) => has(h, '名称', '開催頻度', '運営団体名'),
    fields: {
      municipality_code: ['全国地方公共団体コード'],
      id: ['ID'],
      name: ['名称'],
      name_kana: ['名称_カナ'],
      kind: ['実施支援の主な区分'],
      address: ['住所'],
      address_extra: ['方書'],
      lat: ['緯度'],
      lng: ['経度'],
      phone: ['電話番号1'],
      fax: ['FAX番号'],
      email: ['メールアドレス1'],
      url: ['URL'],
      operator: ['運営団体名'],
      description: ['設置目的'],
      photo: ['画像'],
      photo_license: ['画像_ライセンス'],
      remarks: ['備考']
    }
  },
  { id: 'hospital_current', dataset: 'hospital', fallbackCategory: 'medical', detect: (h) => isHospital(h) && isCurrent(h), fields: { ...CURRENT_COMMON, ...HOSPITAL_EXTRA } },
  { id: 'hospital_legacy', dataset: 'hospital', fallbackCategory: 'medical', detect: (h) => isHospital(h) && isLegacy(h), fields: { ...LEGACY_COMMON, ...HOSPITAL_EXTRA } },
  { id: 'preschool_current', dataset: 'preschool', fallbackCategory: 'nursery', detect: (h) => isPreschool(h) && isCurrent(h), fields: { ...CURRENT_COMMON, ...PRESCHOOL_EXTRA } },
  { id: 'preschool_legacy', dataset: 'preschool', fallbackCategory: 'nursery', detect: (h) => isPreschool(h) && isLegacy(h), fields: { ...LEGACY_COMMON, ...PRESCHOOL_EXTRA } },
  { id: 'public_facility_current', dataset: 'public_facility', fallbackCategory: 'other', detect: (h) => isCurrent(h) && has(h, 'ID'), fields: CURRENT_COMMON },
  { id: 'public_facility_legacy', dataset: 'public_facility', fallbackCategory: 'other', detect: (h) => isLegacy(h) && has(h, 'NO'), fields: LEGACY_COMMON },
  {
    id: 'papamama',
    dataset: 'papamama',
    fallbackCategory: 'nursery',
    detect: (h) => has(h, 'Name', 'Type', 'Add1'),
    fields: {
      id: ['HID'],
      name: ['Name'],
      kind: ['Type'],
      address_city: ['Add1'],
      address_block: ['Add2'],
      lat: ['Y'],
      lng: ['X'],
      phone: ['TEL'],
      fax: ['FAX'],
      url: ['url'],
      capacity: ['Full'],
      age: ['AgeS'],
      age_end: ['AgeE'],
      open: ['Open'],
      close: ['Close'],
      hours_note: ['Memo']
    }
  }
];

export function detectLayout(headers: string[]): Layout | undefined {
  const set = new Set(headers.map(normaliseHeader));
  return LAYOUTS.find((layout) => layout.detect(set));
}

/** A mapping staff made for a layout we do not know: field → the header as published. */
export type CustomMapping = Partial<Record<MappableField, string>> & { category?: string };

export function customLayout(mapping: CustomMapping): Layout {
  const fields: Partial<Record<FieldKey, string[]>> = {};
  for (const key of MAPPABLE_FIELDS) {
    const header = mapping[key];
    if (header) fields[key] = [header];
  }
  return { id: 'custom', dataset: 'custom', fallbackCategory: 'other', detect: () => false, fields };
}

/** A stable signature of a header row, to find a mapping saved for the same publisher's layout. */
export function headerSignature(headers: string[]): string {
  return headers.map(normaliseHeader).join('|');
}
