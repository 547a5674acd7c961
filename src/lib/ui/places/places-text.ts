import { m } from '#lib/paraglide/messages.js';

/** Category labels, listed statically so the bundler keeps only these messages. */
const CATEGORY: Record<string, () => string> = {
  nursery: m.places_cat_nursery,
  kindergarten: m.places_cat_kindergarten,
  kodomoen: m.places_cat_kodomoen,
  support_center: m.places_cat_support_center,
  hiroba: m.places_cat_hiroba,
  jidokan: m.places_cat_jidokan,
  after_school: m.places_cat_after_school,
  park: m.places_cat_park,
  kodomo_shokudo: m.places_cat_kodomo_shokudo,
  library: m.places_cat_library,
  medical: m.places_cat_medical,
  sick_child_care: m.places_cat_sick_child_care,
  health_center: m.places_cat_health_center,
  baby_station: m.places_cat_baby_station,
  event_venue: m.places_cat_event_venue,
  other: m.places_cat_other
};

export function categoryLabel(category: string): string {
  return CATEGORY[category]?.() ?? category;
}

const ERRORS: Record<string, () => string> = {
  places_error_summary_title: m.places_error_summary_title,
  places_error_invalid_query: m.places_error_invalid_query,
  places_error_near: m.places_error_near,
  places_error_near_place: m.places_error_near_place,
  places_error_district: m.places_error_district,
  places_error_category: m.places_error_category,
  places_error_age: m.places_error_age,
  places_error_limit: m.places_error_limit,
  places_error_cursor: m.places_error_cursor,
  places_error_q_too_long: m.places_error_q_too_long,
  places_error_lat: m.places_error_lat,
  places_error_lng: m.places_error_lng,
  places_error_too_long: m.places_error_too_long,
  places_error_my_number: m.places_error_my_number,
  places_error_publisher_required: m.places_error_publisher_required,
  places_error_mapping_name: m.places_error_mapping_name,
  places_error_mapping_unknown_column: m.places_error_mapping_unknown_column,
  places_error_file_required: m.places_error_file_required,
  places_error_file_too_large: m.places_error_file_too_large,
  places_error_staff_only: m.places_error_staff_only,
  places_error_import_not_ready: m.places_error_import_not_ready,
  places_error_not_found: m.places_error_not_found
};

export function placesMessage(key: string | null | undefined): string | undefined {
  if (!key) return undefined;
  return ERRORS[key]?.() ?? key;
}

export function placesMessages(fields: Record<string, string> | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, placesMessage(v) ?? v]));
}

const ISSUES: Record<string, () => string> = {
  missing_name: m.places_issue_missing_name,
  duplicate_id: m.places_issue_duplicate_id,
  missing_coordinates: m.places_issue_missing_coordinates,
  invalid_coordinates: m.places_issue_invalid_coordinates,
  swapped_coordinates: m.places_issue_swapped_coordinates,
  bad_municipality_code: m.places_issue_bad_municipality_code,
  era_date: m.places_issue_era_date,
  invalid_date: m.places_issue_invalid_date,
  fullwidth_digits: m.places_issue_fullwidth_digits,
  invalid_time: m.places_issue_invalid_time,
  missing_id: m.places_issue_missing_id
};

export function issueText(issue: { code: string; field?: string; value?: string }): string {
  const text = ISSUES[issue.code]?.() ?? issue.code;
  const details = [issue.field, issue.value].filter(Boolean).join('：');
  return details ? `${text}（${details}）` : text;
}

const DAY_SHORT = (): string[] => [m.places_day_sun(), m.places_day_mon(), m.places_day_tue(), m.places_day_wed(), m.places_day_thu(), m.places_day_fri(), m.places_day_sat()];

/** "月〜金 9:30–16:00" style lines for structured opening hours. */
export function hoursLines(spans: { days: number[]; open: string; close: string }[]): string[] {
  const names = DAY_SHORT();
  return spans.map((s) => {
    const order = [1, 2, 3, 4, 5, 6, 0];
    const positions = order.map((d, i) => (s.days.includes(d) ? i : -1)).filter((i) => i >= 0);
    // Three or more days in a row read as a range (月〜土); others are listed (月・水・金).
    const isRun = positions.length >= 3 && positions.every((p, i) => i === 0 || p === positions[i - 1] + 1);
    const days = isRun ? `${names[order[positions[0]]]}〜${names[order[positions[positions.length - 1]]]}` : positions.map((i) => names[order[i]]).join('・');
    const allDay = s.open === '00:00' && s.close === '24:00';
    return `${days} ${allDay ? m.places_hours_all_day() : `${s.open}〜${s.close}`}`;
  });
}

export function distanceText(metres: number): string {
  return metres < 1000 ? m.places_distance_m({ metres: String(metres) }) : m.places_distance_km({ km: (metres / 1000).toFixed(1) });
}

export function facilityText(value: boolean | null): string {
  return value === null ? m.places_facility_unknown() : value ? m.places_facility_yes() : m.places_facility_no();
}
