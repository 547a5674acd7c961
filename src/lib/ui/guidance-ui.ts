import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

/**
 * Texts of the timeline and rule pages that services return as keys or codes, listed statically so the
 * bundler keeps only these.
 */
const MESSAGES: Record<string, () => string> = {
  guidance_note_rota_brand_unknown: m.guidance_note_rota_brand_unknown,
  guidance_note_rota_rv1: m.guidance_note_rota_rv1,
  guidance_note_rota_rv5: m.guidance_note_rota_rv5,
  guidance_note_rota_first_dose_deadline: m.guidance_note_rota_first_dose_deadline,
  guidance_note_pcv_started_before_7m: m.guidance_note_pcv_started_before_7m,
  guidance_note_pcv_started_7_to_12m: m.guidance_note_pcv_started_7_to_12m,
  guidance_note_pcv_started_12_to_24m: m.guidance_note_pcv_started_12_to_24m,
  guidance_note_pcv_started_24m_plus: m.guidance_note_pcv_started_24m_plus,
  guidance_note_hib_started_before_7m: m.guidance_note_hib_started_before_7m,
  guidance_note_hib_started_7_to_12m: m.guidance_note_hib_started_7_to_12m,
  guidance_note_hib_started_12m_plus: m.guidance_note_hib_started_12m_plus,
  guidance_note_dtp_series_4: m.guidance_note_dtp_series_4,
  guidance_note_hpv_two_doses: m.guidance_note_hpv_two_doses,
  guidance_note_hpv_three_doses: m.guidance_note_hpv_three_doses,
  guidance_note_live_vaccine_gap: m.guidance_note_live_vaccine_gap,
  guidance_error_summary_title: m.guidance_error_summary_title,
  guidance_error_no_household: m.guidance_error_no_household,
  guidance_error_not_recordable: m.guidance_error_not_recordable,
  guidance_error_nothing_to_undo: m.guidance_error_nothing_to_undo,
  guidance_error_date_required: m.guidance_error_date_required,
  guidance_error_date_invalid: m.guidance_error_date_invalid,
  guidance_error_date_future: m.guidance_error_date_future,
  guidance_error_brand_invalid: m.guidance_error_brand_invalid,
  guidance_error_vaccine_unknown: m.guidance_error_vaccine_unknown,
  guidance_error_dose_number: m.guidance_error_dose_number,
  guidance_error_dose_date_before_birth: m.guidance_error_dose_date_before_birth,
  guidance_error_dose_date_future: m.guidance_error_dose_date_future,
  guidance_error_dose_order: m.guidance_error_dose_order,
  guidance_error_dose_previous_missing: m.guidance_error_dose_previous_missing,
  guidance_error_rota_brand_required: m.guidance_error_rota_brand_required,
  guidance_error_rota_brand_mixed: m.guidance_error_rota_brand_mixed,
  guidance_error_rota_brand_doses: m.guidance_error_rota_brand_doses,
  guidance_error_series_mixed: m.guidance_error_series_mixed,
  guidance_error_dose_already_recorded: m.guidance_error_dose_already_recorded,
  guidance_error_undo_later_dose: m.guidance_error_undo_later_dose,
  guidance_error_no_dates: m.guidance_error_no_dates,
  guidance_error_text_required: m.guidance_error_text_required,
  guidance_error_text_too_long: m.guidance_error_text_too_long,
  guidance_error_my_number: m.guidance_error_my_number,
  guidance_error_trigger_type: m.guidance_error_trigger_type,
  guidance_error_number: m.guidance_error_number,
  guidance_error_unit: m.guidance_error_unit,
  guidance_error_turning: m.guidance_error_turning,
  guidance_error_range_order: m.guidance_error_range_order,
  guidance_error_week: m.guidance_error_week,
  guidance_error_day: m.guidance_error_day,
  guidance_error_department: m.guidance_error_department,
  guidance_error_district: m.guidance_error_district,
  guidance_error_fetus_count: m.guidance_error_fetus_count,
  error_not_found: m.error_not_found
};

/** The text for a message key from a service; unknown keys are shown as they are (never blank). */
export function guidanceMessage(key: string | null | undefined): string {
  if (!key) return '';
  const message = MESSAGES[key];
  return message ? message() : key;
}

export function guidanceMessages(errors: Record<string, string> | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(errors ?? {}).map(([field, key]) => [field, guidanceMessage(key)]));
}

export function noteText(note: string): string {
  return guidanceMessage(`guidance_note_${note}`);
}

const STATUS: Record<string, () => string> = {
  due: m.guidance_status_due,
  upcoming: m.guidance_status_upcoming,
  overdue: m.guidance_status_overdue,
  done: m.guidance_status_done,
  not_applicable: m.guidance_status_not_applicable,
  optional_self_paid: m.guidance_status_optional_self_paid,
  closed: m.guidance_status_closed
};
export const statusText = (status: string) => STATUS[status]?.() ?? status;

const KIND: Record<string, () => string> = {
  checkup: m.guidance_kind_checkup,
  immunisation: m.guidance_kind_immunisation,
  interview: m.guidance_kind_interview,
  benefit: m.guidance_kind_benefit,
  procedure: m.guidance_kind_procedure,
  info: m.guidance_kind_info
};
export const kindText = (kind: string) => KIND[kind]?.() ?? kind;

/** A department's name in the reader's language, or its code when the municipality has no such department. */
export function departmentName(departments: Record<string, { name: string; nameEn: string }>, code: string): string {
  const d = departments[code];
  if (!d) return code;
  return getLocale() === 'en' && d.nameEn ? d.nameEn : d.name;
}

type Age = { unit: 'days' | 'weeks' | 'months' | 'years'; value: number };
type Trigger =
  | { type: 'age'; from: Age; until: Age }
  | { type: 'school_year'; fromTurning: number; untilTurning: number }
  | { type: 'pregnancy_week'; from: { weeks: number; days: number }; until: { weeks: number; days: number } | null }
  | { type: 'pregnancy_loss'; withinDays: number }
  | { type: 'date_range'; from: string; until: string }
  | { type: 'immunisation'; vaccine: string; dose: number };

function ageText(age: Age): string {
  const n = age.value;
  return age.unit === 'days' ? m.guidance_age_days({ n }) : age.unit === 'weeks' ? m.guidance_age_weeks({ n }) : age.unit === 'months' ? m.guidance_age_months({ n }) : m.guidance_age_years({ n });
}

/** A rule's timing in words, for the staff pages. */
export function triggerText(trigger: Trigger): string {
  switch (trigger.type) {
    case 'age':
      return m.guidance_trigger_age({ from: ageText(trigger.from), until: ageText(trigger.until) });
    case 'school_year':
      return m.guidance_trigger_school_year({ from: trigger.fromTurning, until: trigger.untilTurning });
    case 'pregnancy_week':
      return trigger.until
        ? m.guidance_trigger_pregnancy_week({ fromWeeks: trigger.from.weeks, fromDays: trigger.from.days, untilWeeks: trigger.until.weeks, untilDays: trigger.until.days })
        : m.guidance_trigger_pregnancy_week_open({ fromWeeks: trigger.from.weeks, fromDays: trigger.from.days });
    case 'pregnancy_loss':
      return m.guidance_trigger_loss({ days: trigger.withinDays });
    case 'date_range':
      return m.guidance_trigger_date_range({ from: trigger.from, until: trigger.until });
    case 'immunisation':
      return m.guidance_trigger_immunisation();
  }
}
