import type { PlaceDetail, PlaceSummary } from '#lib/server/places/index.ts';

/** A place in /api/v1 (snake_case, as the OpenAPI `Place` schema says). */
export function placeJson(p: PlaceSummary) {
  return {
    id: p.id,
    name: p.name,
    name_kana: p.nameKana,
    category: p.category,
    kind: p.kind,
    address: p.address,
    lat: p.lat,
    lng: p.lng,
    district_id: p.districtId,
    phone: p.phone,
    url: p.url,
    age: p.ageText,
    opening_hours: p.openingHours,
    hours_note: p.hoursNote,
    is_open_now: p.isOpenNow,
    is_bookable: p.isBookable,
    ...(p.distanceM === null ? {} : { distance_m: p.distanceM })
  };
}

export function placeDetailJson(p: PlaceDetail) {
  return {
    ...placeJson({ ...p, distanceM: null }),
    district_name: p.districtName,
    postal_code: p.postalCode,
    fax: p.fax,
    email: p.email,
    description: p.description,
    access: p.access,
    parking: p.parking,
    capacity: p.capacity,
    age_min_months: p.ageMinMonths,
    age_max_months: p.ageMaxMonths,
    operator_name: p.operatorName,
    has_temporary_care: p.hasTemporaryCare,
    has_sick_child_care: p.hasSickChildCare,
    has_nursing_room: p.hasNursingRoom,
    has_diaper_changing: p.hasDiaperChanging,
    stroller_access: p.strollerAccess,
    stroller_rental: p.strollerRental,
    photos: p.photos,
    organization_id: p.organizationId
  };
}
