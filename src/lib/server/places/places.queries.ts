import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';
import type { OpeningSpan } from './places.table.ts';

/** The place facts every write takes (imports, demo data, staff edits). */
export interface PlaceValues {
  category: string;
  kind?: string;
  name: string;
  nameKana?: string;
  address?: string;
  postalCode?: string;
  lat: number | null;
  lng: number | null;
  districtId?: string | null;
  organizationId?: string | null;
  phone?: string;
  fax?: string;
  email?: string;
  url?: string;
  description?: string;
  access?: string;
  parking?: string;
  capacity?: number | null;
  ageMinMonths?: number | null;
  ageMaxMonths?: number | null;
  ageText?: string;
  openingHours?: OpeningSpan[];
  hoursNote?: string;
  operatorName?: string;
  authorizedOn?: string | null;
  hasTemporaryCare?: boolean | null;
  hasSickChildCare?: boolean | null;
  hasNursingRoom?: boolean | null;
  hasDiaperChanging?: boolean | null;
  strollerRental?: boolean | null;
  strollerAccess?: boolean | null;
  photos?: string[];
  photoLicense?: string;
  sourceMunicipalityCode?: string;
  searchText: string;
}

function columns(v: PlaceValues) {
  return {
    category: v.category,
    kind: v.kind ?? '',
    name: v.name,
    name_kana: v.nameKana ?? '',
    address: v.address ?? '',
    postal_code: v.postalCode ?? '',
    lat: v.lat,
    lng: v.lng,
    district_id: v.districtId ?? null,
    phone: v.phone ?? '',
    fax: v.fax ?? '',
    email: v.email ?? '',
    url: v.url ?? '',
    description: v.description ?? '',
    access: v.access ?? '',
    parking: v.parking ?? '',
    capacity: v.capacity ?? null,
    age_min_months: v.ageMinMonths ?? null,
    age_max_months: v.ageMaxMonths ?? null,
    age_text: v.ageText ?? '',
    opening_hours: JSON.stringify(v.openingHours ?? []),
    hours_note: v.hoursNote ?? '',
    operator_name: v.operatorName ?? '',
    authorized_on: v.authorizedOn ?? null,
    has_temporary_care: v.hasTemporaryCare ?? null,
    has_sick_child_care: v.hasSickChildCare ?? null,
    has_nursing_room: v.hasNursingRoom ?? null,
    has_diaper_changing: v.hasDiaperChanging ?? null,
    stroller_rental: v.strollerRental ?? null,
    stroller_access: v.strollerAccess ?? null,
    photos: JSON.stringify(v.photos ?? []),
    photo_license: v.photoLicense ?? '',
    source_municipality_code: v.sourceMunicipalityCode ?? '',
    search_text: v.searchText
  };
}

/**
 * Inserts or, when (municipality, source_dataset, source_key) is already there, updates the place
 * (a re-import updates by ID). `inserted` tells which happened.
 */
export async function upsertImportedPlace(db: Db, municipalityId: string, source: { dataset: string; key: string }, values: PlaceValues) {
  const { district_id: _district, ...updatable } = columns(values);
  void _district;
  return db
    .insertInto('place')
    .values({ municipality_id: municipalityId, source_dataset: source.dataset, source_key: source.key, organization_id: values.organizationId ?? null, ...columns(values) })
    .onConflict((oc) => oc.columns(['municipality_id', 'source_dataset', 'source_key']).doUpdateSet({ ...updatable, updated_at: sql`now()` }))
    .returning(['id', sql<boolean>`(xmax = 0)`.as('inserted')])
    .executeTakeFirstOrThrow();
}

/** Inserts a place unless one with the same source key exists (the demo seeds share keys with bookings). */
export async function insertPlaceIfAbsent(db: Db, municipalityId: string, source: { dataset: string; key: string }, values: PlaceValues) {
  await db
    .insertInto('place')
    .values({ municipality_id: municipalityId, source_dataset: source.dataset, source_key: source.key, organization_id: values.organizationId ?? null, ...columns(values) })
    .onConflict((oc) => oc.columns(['municipality_id', 'source_dataset', 'source_key']).doNothing())
    .execute();
}

export async function setPlaceCoordinates(db: Db, municipalityId: string, placeId: string, lat: number, lng: number, districtId: string | null) {
  const result = await db
    .updateTable('place')
    .set({ lat, lng, updated_at: sql`now()`, ...(districtId ? { district_id: districtId } : {}) })
    .where('id', '=', placeId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

const PLACE_COLUMNS = [
  'p.id', 'p.municipality_id', 'p.organization_id', 'p.category', 'p.kind', 'p.name', 'p.name_kana', 'p.address', 'p.postal_code',
  'p.lat', 'p.lng', 'p.district_id', 'p.phone', 'p.fax', 'p.email', 'p.url', 'p.description', 'p.access', 'p.parking',
  'p.capacity', 'p.age_min_months', 'p.age_max_months', 'p.age_text', 'p.opening_hours', 'p.hours_note', 'p.operator_name',
  'p.authorized_on', 'p.has_temporary_care', 'p.has_sick_child_care', 'p.has_nursing_room', 'p.has_diaper_changing',
  'p.stroller_rental', 'p.stroller_access', 'p.photos', 'p.photo_license', 'p.source_municipality_code', 'p.source_dataset',
  'p.source_key', 'p.is_published', 'p.has_bookable_service', 'p.updated_at'
] as const;

export async function findPlace(db: Db, municipalityId: string, placeId: string, options: { publishedOnly: boolean }) {
  let query = db
    .selectFrom('place as p')
    .leftJoin('district as d', 'd.id', 'p.district_id')
    .select([...PLACE_COLUMNS, 'd.name as district_name', 'd.name_en as district_name_en'])
    .where('p.id', '=', placeId)
    .where('p.municipality_id', '=', municipalityId);
  if (options.publishedOnly) query = query.where('p.is_published', '=', true);
  return query.executeTakeFirst();
}

export interface PlaceFilter {
  municipalityId: string;
  terms: string[];
  categories: string[];
  districtId?: string;
  /** The child's age as a range of months: places whose age range overlaps it. */
  ageMonths?: { min: number; max: number };
  /** Open at this day (0 = Sunday) and 'HH:MM' time, by the structured opening hours. */
  openAt?: { day: number; time: string };
  bookable?: boolean;
  mapped?: boolean;
  publishedOnly: boolean;
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterConditions(filter: PlaceFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [sql<SqlBool>`p.municipality_id = ${filter.municipalityId}`];
  if (filter.publishedOnly) conditions.push(sql<SqlBool>`p.is_published`);
  for (const term of filter.terms) conditions.push(sql<SqlBool>`p.search_text like ${likePattern(term)}`);
  if (filter.categories.length) conditions.push(sql<SqlBool>`p.category in (${sql.join(filter.categories)})`);
  if (filter.districtId) conditions.push(sql<SqlBool>`p.district_id = ${filter.districtId}`);
  if (filter.ageMonths) {
    conditions.push(sql<SqlBool>`(p.age_min_months is null or p.age_min_months <= ${filter.ageMonths.max})`);
    conditions.push(sql<SqlBool>`(p.age_max_months is null or p.age_max_months >= ${filter.ageMonths.min})`);
  }
  if (filter.openAt) {
    conditions.push(sql<SqlBool>`exists (
      select 1 from jsonb_array_elements(p.opening_hours) as span
      where span->'days' @> to_jsonb(${filter.openAt.day}::int)
        and span->>'open' <= ${filter.openAt.time} and span->>'close' > ${filter.openAt.time})`);
  }
  if (filter.bookable) conditions.push(sql<SqlBool>`p.has_bookable_service`);
  if (filter.mapped === true) conditions.push(sql<SqlBool>`p.lat is not null`);
  if (filter.mapped === false) conditions.push(sql<SqlBool>`p.lat is null`);
  return conditions;
}

const LIST_COLUMNS = sql`p.id, p.category, p.kind, p.name, p.name_kana, p.address, p.lat, p.lng, p.district_id, p.phone, p.url,
  p.age_text, p.opening_hours, p.hours_note, p.has_bookable_service, p.is_published, p.source_dataset`;

export interface PlaceListRow {
  id: string;
  category: string;
  kind: string;
  name: string;
  name_kana: string;
  address: string;
  lat: number | null;
  lng: number | null;
  district_id: string | null;
  phone: string;
  url: string;
  age_text: string;
  opening_hours: OpeningSpan[];
  hours_note: string;
  has_bookable_service: boolean;
  is_published: boolean;
  source_dataset: string | null;
  distance_m: number | null;
}

/** Places by name (kana order), unmapped ones included. */
export async function listPlacesByName(db: Db, filter: PlaceFilter, page: { limit: number; offset: number }): Promise<PlaceListRow[]> {
  const where = sql.join(filterConditions(filter), sql` and `);
  const result = await sql<PlaceListRow>`
    select ${LIST_COLUMNS}, null::float8 as distance_m
    from place p where ${where}
    order by (p.name_kana = ''), p.name_kana, p.name, p.id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
}

const PROJECTION = 0.8090169943749475;

/**
 * The nearest places to a point: a GiST KNN scan over the projected point picks candidates in
 * approximate order, then they are ranked by the great-circle distance (metres). Places without
 * coordinates are left out.
 */
export async function listPlacesNear(db: Db, filter: PlaceFilter, near: { lat: number; lng: number }, page: { limit: number; offset: number }): Promise<PlaceListRow[]> {
  const where = sql.join([...filterConditions(filter), sql<SqlBool>`p.geo is not null`], sql` and `);
  // Candidates in projected order, re-ranked exactly; the projection's error within a city is far
  // below the margin.
  const candidates = Math.ceil((page.offset + page.limit) * 1.5) + 10;
  const result = await sql<PlaceListRow>`
    select * from (
      select ${LIST_COLUMNS},
        2 * 6371008.8 * asin(sqrt(
          power(sin(radians(p.lat - ${near.lat}) / 2), 2) +
          cos(radians(${near.lat})) * cos(radians(p.lat)) * power(sin(radians(p.lng - ${near.lng}) / 2), 2)
        )) as distance_m
      from place p where ${where}
      order by p.geo <-> point(${near.lng * PROJECTION}, ${near.lat})
      limit ${candidates}
    ) nearest
    order by distance_m, id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
}

/** How many places match, split by whether they are on the map (one scan for both numbers). */
export async function countPlacesByMapping(db: Db, filter: PlaceFilter): Promise<{ mapped: number; unmapped: number }> {
  const where = sql.join(filterConditions(filter), sql` and `);
  const result = await sql<{ mapped: number; unmapped: number }>`
    select count(*) filter (where p.lat is not null)::int as mapped, count(*) filter (where p.lat is null)::int as unmapped
    from place p where ${where}`.execute(db);
  return result.rows[0] ?? { mapped: 0, unmapped: 0 };
}

export async function countPlaces(db: Db, filter: PlaceFilter): Promise<number> {
  const where = sql.join(filterConditions(filter), sql` and `);
  const result = await sql<{ n: number }>`select count(*)::int as n from place p where ${where}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** A district's centre: the stored point, else the mean of its mapped places. */
export async function findDistrictCentre(db: Db, municipalityId: string, districtId: string) {
  const result = await sql<{ lat: number | null; lng: number | null }>`
    select coalesce(dp.lat, avg_lat) as lat, coalesce(dp.lng, avg_lng) as lng
    from district d
    left join place_district_point dp on dp.district_id = d.id
    left join lateral (select avg(lat) as avg_lat, avg(lng) as avg_lng from place where district_id = d.id and lat is not null) a on true
    where d.id = ${districtId} and d.municipality_id = ${municipalityId}`.execute(db);
  const row = result.rows[0];
  return row && row.lat !== null && row.lng !== null ? { lat: Number(row.lat), lng: Number(row.lng) } : undefined;
}

export async function upsertDistrictPoint(db: Db, municipalityId: string, districtId: string, lat: number, lng: number) {
  await db
    .insertInto('place_district_point')
    .values({ district_id: districtId, municipality_id: municipalityId, lat, lng })
    .onConflict((oc) => oc.column('district_id').doUpdateSet({ lat, lng }))
    .execute();
}

export async function listDistrictsOf(db: Db, municipalityId: string) {
  return db
    .selectFrom('district')
    .select(['id', 'name', 'name_en', 'code'])
    .where('municipality_id', '=', municipalityId)
    .where('is_active', '=', true)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/** Every place of some categories, for an open-data export (published ones only). */
export async function listPlacesForExport(db: Db, municipalityId: string, categories: readonly string[]) {
  return db
    .selectFrom('place as p')
    .leftJoin('district as d', 'd.id', 'p.district_id')
    .select([...PLACE_COLUMNS, 'd.name as district_name', 'd.name_en as district_name_en'])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.is_published', '=', true)
    .where('p.category', 'in', [...categories])
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}

export async function countPlacesInDataset(db: Db, municipalityId: string, sourceDataset: string) {
  const row = await db
    .selectFrom('place')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('source_dataset', '=', sourceDataset)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- imports -------------------------------------------------------------------------------

export async function insertImport(db: Db, row: { municipalityId: string; createdBy: string; fileName: string; bytes: Uint8Array; publisher: string }) {
  return db
    .insertInto('place_import')
    .values({ municipality_id: row.municipalityId, created_by: row.createdBy, file_name: row.fileName, file_bytes: row.bytes, status: 'uploaded', publisher: row.publisher })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findImport(db: Db, municipalityId: string, importId: string) {
  return db
    .selectFrom('place_import')
    .select(['id', 'status', 'file_name', 'encoding', 'layout', 'publisher', 'mapping', 'headers', 'progress_done', 'progress_total', 'preview', 'result', 'created_at', 'updated_at'])
    .where('id', '=', importId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function findImportBytes(db: Db, municipalityId: string, importId: string) {
  const row = await db.selectFrom('place_import').select('file_bytes').where('id', '=', importId).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return row ? new Uint8Array(row.file_bytes) : undefined;
}

export async function listRecentImports(db: Db, municipalityId: string) {
  return db
    .selectFrom('place_import')
    .select(['id', 'status', 'file_name', 'layout', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at', 'desc')
    .limit(10)
    .execute();
}

export async function updateImport(
  db: Db,
  importId: string,
  values: Partial<{
    status: 'uploaded' | 'parsing' | 'needs_mapping' | 'preview' | 'imported' | 'failed';
    encoding: string;
    layout: string;
    publisher: string;
    mapping: unknown;
    headers: string[];
    progressDone: number;
    progressTotal: number;
    preview: unknown;
    result: unknown;
  }>
) {
  await db
    .updateTable('place_import')
    .set({
      ...(values.status !== undefined ? { status: values.status } : {}),
      ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
      ...(values.layout !== undefined ? { layout: values.layout } : {}),
      ...(values.publisher !== undefined ? { publisher: values.publisher } : {}),
      ...(values.mapping !== undefined ? { mapping: JSON.stringify(values.mapping) } : {}),
      ...(values.headers !== undefined ? { headers: JSON.stringify(values.headers) } : {}),
      ...(values.progressDone !== undefined ? { progress_done: values.progressDone } : {}),
      ...(values.progressTotal !== undefined ? { progress_total: values.progressTotal } : {}),
      ...(values.preview !== undefined ? { preview: JSON.stringify(values.preview) } : {}),
      ...(values.result !== undefined ? { result: JSON.stringify(values.result) } : {}),
      updated_at: sql`now()`
    })
    .where('id', '=', importId)
    .execute();
}

/** Moves an import to a new status only if it is still in the expected one (a double confirm does nothing). */
export async function claimImport(db: Db, municipalityId: string, importId: string, from: string, to: 'parsing' | 'imported' | 'uploaded') {
  const result = await db
    .updateTable('place_import')
    .set({ status: to, updated_at: sql`now()` })
    .where('id', '=', importId)
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', from as 'preview')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findSavedMapping(db: Db, municipalityId: string, signature: string) {
  return db
    .selectFrom('place_import_mapping')
    .select(['publisher', 'mapping'])
    .where('municipality_id', '=', municipalityId)
    .where('header_signature', '=', signature)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
}

export async function saveMapping(db: Db, municipalityId: string, publisher: string, signature: string, mapping: Record<string, string>) {
  await db
    .insertInto('place_import_mapping')
    .values({ municipality_id: municipalityId, publisher, header_signature: signature, mapping: JSON.stringify(mapping) })
    .onConflict((oc) => oc.columns(['municipality_id', 'publisher', 'header_signature']).doUpdateSet({ mapping: JSON.stringify(mapping), updated_at: sql`now()` }))
    .execute();
}

/** The source keys already stored for a dataset, to tell new rows from updates in a preview. */
export async function listSourceKeys(db: Db, municipalityId: string, sourceDataset: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('place')
    .select('source_key')
    .where('municipality_id', '=', municipalityId)
    .where('source_dataset', '=', sourceDataset)
    .execute();
  return new Set(rows.map((r) => r.source_key ?? ''));
}

/** The mean point of a municipality's mapped places (a default map centre). */
export async function findPlacesCentre(db: Db, municipalityId: string) {
  const result = await sql<{ lat: number | null; lng: number | null }>`
    select avg(lat) as lat, avg(lng) as lng from place where municipality_id = ${municipalityId} and lat is not null`.execute(db);
  const row = result.rows[0];
  return row && row.lat !== null && row.lng !== null ? { lat: Number(row.lat), lng: Number(row.lng) } : undefined;
}

/** The bookings domain's hook: whether the place has something bookable now. */
export async function setPlaceBookable(db: Db, municipalityId: string, placeId: string, bookable: boolean) {
  await db.updateTable('place').set({ has_bookable_service: bookable }).where('id', '=', placeId).where('municipality_id', '=', municipalityId).execute();
}
