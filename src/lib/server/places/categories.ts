/** The place categories of SPEC C4, in the order the search form lists them. */
export const PLACE_CATEGORIES = [
  'nursery',
  'kindergarten',
  'kodomoen',
  'support_center',
  'hiroba',
  'jidokan',
  'after_school',
  'park',
  'kodomo_shokudo',
  'library',
  'medical',
  'sick_child_care',
  'health_center',
  'baby_station',
  'event_venue',
  'other'
] as const;

export type PlaceCategory = (typeof PLACE_CATEGORIES)[number];

export function isPlaceCategory(value: string): value is PlaceCategory {
  return (PLACE_CATEGORIES as readonly string[]).includes(value);
}

const RULES: [RegExp, PlaceCategory][] = [
  [/病児|病後児/, 'sick_child_care'],
  [/こども園|子ども園/, 'kodomoen'],
  [/幼稚園/, 'kindergarten'],
  [/放課後児童|学童|児童クラブ/, 'after_school'],
  [/保育|託児/, 'nursery'],
  [/児童館|児童センター|児童厚生/, 'jidokan'],
  [/ひろば|広場/, 'hiroba'],
  [/子育て支援センター|支援拠点|子育て支援施設/, 'support_center'],
  [/こども食堂|子ども食堂|子供食堂/, 'kodomo_shokudo'],
  [/図書館/, 'library'],
  [/公園/, 'park'],
  [/保健センター|保健所/, 'health_center'],
  [/病院|診療所|クリニック|医院/, 'medical'],
  [/授乳|赤ちゃんの駅|おむつ/, 'baby_station']
];

/** Our category for a publisher's 種別 text (kept as open text beside it), or the fallback. */
export function categoryForKind(kind: string, fallback: PlaceCategory = 'other'): PlaceCategory {
  const value = kind.normalize('NFKC');
  for (const [pattern, category] of RULES) if (pattern.test(value)) return category;
  return fallback;
}

/** Which categories each open-data export holds. */
export const DATASET_CATEGORIES = {
  preschool: ['nursery', 'kindergarten', 'kodomoen', 'support_center', 'hiroba', 'jidokan', 'after_school', 'sick_child_care'],
  public_facility: ['park', 'library', 'health_center', 'baby_station', 'event_venue', 'kodomo_shokudo', 'other'],
  hospital: ['medical']
} as const satisfies Record<string, readonly PlaceCategory[]>;

export type OpenDataset = keyof typeof DATASET_CATEGORIES;
export const OPEN_DATASETS = Object.keys(DATASET_CATEGORIES) as OpenDataset[];
