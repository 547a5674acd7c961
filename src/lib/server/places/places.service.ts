import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import type { Caller } from '../municipalities/index.ts';
import { isWardStaff } from './place-access.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import type { PlaceCategory } from './categories.ts';
import { isOpenAt, tokyoDayTime } from './opening-hours.ts';
import { placeErrors } from './places.errors.ts';
import {
  countPlaces,
  countPlacesByMapping,
  findDistrictCentre,
  findPlace,
  findPlacesCentre,
  listDistrictsOf,
  listPlacesByName,
  listPlacesNear,
  setPlaceBookable,
  setPlaceCoordinates,
  type PlaceFilter,
  type PlaceListRow
} from './places.queries.ts';
import { coordinatesSchema, fieldErrors, idSchema, searchSchema, type SearchInput } from './places.schemas.ts';
import type { OpeningSpan } from './places.table.ts';
import { searchTerms } from './search-text.ts';

export const DEFAULT_LIMIT = 20;

export interface PlaceSummary {
  id: string;
  name: string;
  nameKana: string;
  category: PlaceCategory;
  kind: string;
  address: string;
  lat: number | null;
  lng: number | null;
  districtId: string | null;
  phone: string;
  url: string;
  ageText: string;
  openingHours: OpeningSpan[];
  hoursNote: string;
  isOpenNow: boolean;
  isBookable: boolean;
  isPublished: boolean;
  /** Metres from the search origin, when the search has one. */
  distanceM: number | null;
}

export interface SearchOrigin {
  lat: number;
  lng: number;
  kind: 'point' | 'place' | 'district';
  /** The place's or district's name when the origin is one. */
  label?: string;
}

export interface PlaceSearchResult {
  query: SearchInput;
  items: PlaceSummary[];
  total: number;
  /** Places that match but have no coordinates: left out of a distance sort. */
  unmappedLeftOut: number;
  origin: SearchOrigin | null;
  nextCursor: string | null;
}

function toSummary(row: PlaceListRow, at: { day: number; time: string }): PlaceSummary {
  return {
    id: row.id,
    name: row.name,
    nameKana: row.name_kana,
    category: row.category as PlaceCategory,
    kind: row.kind,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    districtId: row.district_id,
    phone: row.phone,
    url: row.url,
    ageText: row.age_text,
    openingHours: row.opening_hours,
    hoursNote: row.hours_note,
    isOpenNow: isOpenAt(row.opening_hours, at),
    isBookable: row.has_bookable_service,
    isPublished: row.is_published,
    distanceM: row.distance_m === null ? null : Math.round(Number(row.distance_m))
  };
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o${offset}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, 'base64url').toString();
  const match = /^o(\d{1,7})$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * Finds places: by text (partial, kana-insensitive), category, district, child age, open now and
 * bookable now; ordered by name, or by distance from a point, a place or a district's centre.
 * Anyone may search; staff (`includeUnpublished`) also see unpublished places.
 */
export async function searchPlaces(
  app: App,
  municipalityId: string,
  input: Record<string, unknown>,
  options: { includeUnpublished?: boolean; defaultLimit?: number } = {}
): Promise<Result<PlaceSearchResult>> {
  const parsed = searchSchema.safeParse(input);
  if (!parsed.success) return failure(placeErrors.invalidQuery(fieldErrors(parsed.error)));
  const query = parsed.data;
  const offset = decodeCursor(query.cursor);
  if (offset === undefined) return failure(placeErrors.invalidQuery({ cursor: 'places_error_cursor' }));
  const db = app.database.db;
  const at = tokyoDayTime();
  const filter: PlaceFilter = {
    municipalityId,
    terms: query.q ? searchTerms(query.q) : [],
    categories: query.category,
    districtId: query.district,
    ageMonths: query.age === undefined ? undefined : { min: query.age * 12, max: query.age * 12 + 11 },
    openAt: query.openNow ? at : undefined,
    bookable: query.bookable,
    publishedOnly: !options.includeUnpublished
  };

  // The most specific choice wins: a district picked in the form, a place, then a point.
  let origin: SearchOrigin | null = null;
  if (query.nearDistrict) {
    const centre = await findDistrictCentre(db, municipalityId, query.nearDistrict);
    if (!centre) return failure(placeErrors.invalidQuery({ nearDistrict: 'places_error_district' }));
    const district = (await listDistrictsOf(db, municipalityId)).find((d) => d.id === query.nearDistrict);
    origin = { ...centre, kind: 'district', label: district?.name };
  } else if (query.nearPlace) {
    const place = await findPlace(db, municipalityId, query.nearPlace, { publishedOnly: !options.includeUnpublished });
    if (!place || place.lat === null || place.lng === null) return failure(placeErrors.invalidQuery({ nearPlace: 'places_error_near_place' }));
    origin = { lat: place.lat, lng: place.lng, kind: 'place', label: place.name };
  } else if (query.near) origin = { ...query.near, kind: 'point' };

  const limit = query.limit ?? options.defaultLimit ?? DEFAULT_LIMIT;
  const page = { limit: limit + 1, offset };
  const [rows, counts] = await Promise.all([
    origin ? listPlacesNear(db, filter, origin, page) : listPlacesByName(db, filter, page),
    countPlacesByMapping(db, filter)
  ]);
  const total = origin ? counts.mapped : counts.mapped + counts.unmapped;
  const unmappedLeftOut = origin ? counts.unmapped : 0;
  const hasMore = rows.length > limit;
  return ok({
    query,
    items: rows.slice(0, limit).map((r) => toSummary(r, at)),
    total,
    unmappedLeftOut,
    origin,
    nextCursor: hasMore ? encodeCursor(offset + limit) : null
  });
}

export interface PlaceDetail extends Omit<PlaceSummary, 'distanceM'> {
  postalCode: string;
  fax: string;
  email: string;
  description: string;
  access: string;
  parking: string;
  capacity: number | null;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  operatorName: string;
  authorizedOn: string | null;
  hasTemporaryCare: boolean | null;
  hasSickChildCare: boolean | null;
  hasNursingRoom: boolean | null;
  hasDiaperChanging: boolean | null;
  strollerAccess: boolean | null;
  strollerRental: boolean | null;
  photos: string[];
  photoLicense: string;
  organizationId: string | null;
  districtName: string | null;
  districtNameEn: string | null;
  sourceDataset: string | null;
  sourceKey: string | null;
}

/** One place as its page and the API show it; unpublished places only for staff. */
export async function getPlace(app: App, municipalityId: string, placeId: string, options: { includeUnpublished?: boolean } = {}): Promise<Result<PlaceDetail>> {
  if (!idSchema.safeParse(placeId).success) return failure(placeErrors.notFound);
  const row = await findPlace(app.database.db, municipalityId, placeId, { publishedOnly: !options.includeUnpublished });
  if (!row) return failure(placeErrors.notFound);
  const { distanceM: _distance, ...summary } = toSummary({ ...row, distance_m: null }, tokyoDayTime());
  return ok({
    ...summary,
    postalCode: row.postal_code,
    fax: row.fax,
    email: row.email,
    description: row.description,
    access: row.access,
    parking: row.parking,
    capacity: row.capacity,
    ageMinMonths: row.age_min_months,
    ageMaxMonths: row.age_max_months,
    operatorName: row.operator_name,
    authorizedOn: row.authorized_on,
    hasTemporaryCare: row.has_temporary_care,
    hasSickChildCare: row.has_sick_child_care,
    hasNursingRoom: row.has_nursing_room,
    hasDiaperChanging: row.has_diaper_changing,
    strollerAccess: row.stroller_access,
    strollerRental: row.stroller_rental,
    photos: row.photos,
    photoLicense: row.photo_license,
    organizationId: row.organization_id,
    districtName: row.district_name,
    districtNameEn: row.district_name_en,
    sourceDataset: row.source_dataset,
    sourceKey: row.source_key
  });
}

/** The active districts, for the search form and "sort from this district". */
export async function listPlaceDistricts(app: App, municipalityId: string) {
  const rows = await listDistrictsOf(app.database.db, municipalityId);
  return rows.map((d) => ({ id: d.id, name: d.name, nameEn: d.name_en }));
}

/**
 * Ward staff put a place without coordinates (地図未登録) on the map: the point they clicked.
 * Audited; the place keeps every other fact.
 */
export async function placeOnMap(app: App, caller: Caller, placeId: string, input: Record<string, unknown>): Promise<Result<{ lat: number; lng: number }>> {
  const denied = !isWardStaff(caller);
  if (denied) return failure(placeErrors.staffOnly);
  if (!idSchema.safeParse(placeId).success) return failure(placeErrors.notFound);
  const parsed = coordinatesSchema.safeParse(input);
  if (!parsed.success) return failure(placeErrors.invalidInput(fieldErrors(parsed.error)));
  const { lat, lng } = parsed.data;
  return app.database.db.transaction().execute(async (trx) => {
    const updated = await setPlaceCoordinates(trx, caller.municipalityId, placeId, lat, lng, null);
    if (!updated) return failure<{ lat: number; lng: number }>(placeErrors.notFound);
    await writeAudit(trx, caller, { action: 'update', recordType: 'place', recordId: placeId });
    return ok({ lat, lng });
  });
}

/** For ward staff: how many places there are, and those not on the map yet (to place them). */
export async function loadPlacesOverview(app: App, caller: Caller): Promise<Result<{ total: number; unmapped: PlaceSummary[]; unmappedTotal: number }>> {
  if (!isWardStaff(caller)) return failure(placeErrors.staffOnly);
  const db = app.database.db;
  const base: PlaceFilter = { municipalityId: caller.municipalityId, terms: [], categories: [], publishedOnly: false };
  const at = tokyoDayTime();
  const unmapped = await listPlacesByName(db, { ...base, mapped: false }, { limit: 100, offset: 0 });
  return ok({
    total: await countPlaces(db, base),
    unmapped: unmapped.map((r) => toSummary(r, at)),
    unmappedTotal: await countPlaces(db, { ...base, mapped: false })
  });
}

/** Where a map opens: the district's centre, else the middle of the municipality's places, else Tokyo. */
export async function mapCentreFor(app: App, municipalityId: string, districtId: string | null): Promise<{ lat: number; lng: number }> {
  const db = app.database.db;
  return (districtId ? await findDistrictCentre(db, municipalityId, districtId) : undefined) ?? (await findPlacesCentre(db, municipalityId)) ?? { lat: 35.6812, lng: 139.7671 };
}

/**
 * For the bookings domain: marks a place as having (or no longer having) a bookable service, which the
 * "bookable now" filter reads. Takes a db or transaction so bookings can call it inside its own
 * transaction when it opens or closes a service.
 */
export async function markPlaceBookable(db: Db, municipalityId: string, placeId: string, bookable: boolean): Promise<void> {
  await setPlaceBookable(db, municipalityId, placeId, bookable);
}
