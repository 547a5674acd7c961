import { z } from 'zod';
import { isIsoDate } from '../platform/clock.ts';
import { containsMyNumber } from '../platform/my-number.ts';

/**
 * Input schemas of the events forms and API. Each issue's message is a catalogue key
 * (messages/events), shown beside the field it names.
 */

export const EVENT_CAPACITY_UNITS = ['people', 'households'] as const;
export const EVENT_REGISTRATIONS = ['none', 'bookings'] as const;
export const AGE_UNITS = ['months', 'years'] as const;
export const MAX_REPEAT_WEEKS = 26;
export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 4000;

const text = z.preprocess((v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v)), z.string());

function freeText(max: number, tooLong: string, required?: string) {
  const base = z.string().trim().max(max, tooLong).refine((v) => !containsMyNumber(v), 'events_error_my_number');
  return text.pipe(required ? base.pipe(z.string().min(1, required)) : base);
}

const optionalInt = (min: number, max: number, message: string) =>
  text
    .pipe(z.string().trim().normalize('NFKC').refine((v) => v === '' || (/^\d{1,6}$/.test(v) && Number(v) >= min && Number(v) <= max), message))
    .transform((v) => (v === '' ? null : Number(v)));
const time = (message: string) => text.pipe(z.string().trim().normalize('NFKC').regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, message));
const optionalUuid = (message: string) => text.pipe(z.string().trim().refine((v) => v === '' || z.uuid().safeParse(v).success, message)).transform((v) => (v === '' ? null : v));

/** The event form (create and edit). Rules that need the clock or the database are in the service. */
export const eventSchema = z
  .object({
    title: freeText(TITLE_MAX, 'events_error_title_too_long', 'events_error_title_required'),
    titleEn: freeText(200, 'events_error_title_too_long'),
    titleEasy: freeText(TITLE_MAX, 'events_error_title_too_long'),
    description: freeText(DESCRIPTION_MAX, 'events_error_description_too_long', 'events_error_description_required'),
    descriptionEn: freeText(DESCRIPTION_MAX, 'events_error_description_too_long'),
    descriptionEasy: freeText(DESCRIPTION_MAX, 'events_error_description_too_long'),
    date: text.pipe(z.string().trim().refine(isIsoDate, 'events_error_date_invalid')),
    startTime: time('events_error_time_invalid'),
    endTime: time('events_error_time_invalid'),
    recurrence: text.pipe(z.enum(['single', 'weekly'], 'events_error_recurrence_invalid')),
    repeatWeeks: optionalInt(1, MAX_REPEAT_WEEKS, 'events_error_weeks_invalid'),
    placeMode: text.pipe(z.enum(['directory', 'address'], 'events_error_place_mode_invalid')),
    placeId: optionalUuid('events_error_place_required'),
    placeName: freeText(100, 'events_error_place_name_too_long'),
    address: freeText(200, 'events_error_address_too_long'),
    districtId: optionalUuid('events_error_district_invalid'),
    minAge: optionalInt(0, 216, 'events_error_age_invalid'),
    minAgeUnit: text.pipe(z.enum(AGE_UNITS, 'events_error_age_invalid')).catch('months'),
    maxAge: optionalInt(0, 216, 'events_error_age_invalid'),
    maxAgeUnit: text.pipe(z.enum(AGE_UNITS, 'events_error_age_invalid')).catch('years'),
    feeKind: text.pipe(z.enum(['free', 'paid'], 'events_error_fee_kind_invalid')),
    feeYen: optionalInt(1, 100000, 'events_error_fee_invalid'),
    feeNote: freeText(200, 'events_error_fee_note_too_long'),
    registration: text.pipe(z.enum(EVENT_REGISTRATIONS, 'events_error_registration_invalid')),
    capacity: optionalInt(1, 500, 'events_error_capacity_invalid'),
    capacityUnit: text.pipe(z.enum(EVENT_CAPACITY_UNITS, 'events_error_capacity_unit_invalid')).catch('people')
  })
  .superRefine((v, ctx) => {
    if (v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'events_error_end_before_start' });
    if (v.recurrence === 'weekly' && v.repeatWeeks === null) ctx.addIssue({ code: 'custom', path: ['repeatWeeks'], message: 'events_error_weeks_invalid' });
    if (v.placeMode === 'directory' && v.placeId === null) ctx.addIssue({ code: 'custom', path: ['placeId'], message: 'events_error_place_required' });
    if (v.placeMode === 'address' && v.address === '') ctx.addIssue({ code: 'custom', path: ['address'], message: 'events_error_address_required' });
    if (v.placeMode === 'address' && v.registration === 'bookings') ctx.addIssue({ code: 'custom', path: ['registration'], message: 'events_error_registration_needs_place' });
    if (v.feeKind === 'paid' && v.feeYen === null) ctx.addIssue({ code: 'custom', path: ['feeYen'], message: 'events_error_fee_invalid' });
    if (v.registration === 'bookings' && v.capacity === null) ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'events_error_capacity_invalid' });
    const min = ageMonths(v.minAge, v.minAgeUnit, 'min');
    const max = ageMonths(v.maxAge, v.maxAgeUnit, 'max');
    if (min !== null && max !== null && min > max) ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'events_error_age_order' });
  })
  .transform((v) => ({
    ...v,
    repeatWeeks: v.recurrence === 'weekly' ? (v.repeatWeeks ?? 1) : 1,
    placeId: v.placeMode === 'directory' ? v.placeId : null,
    minAgeMonths: ageMonths(v.minAge, v.minAgeUnit, 'min'),
    maxAgeMonths: ageMonths(v.maxAge, v.maxAgeUnit, 'max'),
    feeYen: v.feeKind === 'paid' ? (v.feeYen ?? 0) : 0,
    capacity: v.registration === 'bookings' ? v.capacity : null,
    capacityUnit: v.registration === 'bookings' ? v.capacityUnit : null
  }));
export type EventInput = z.output<typeof eventSchema>;

/** An age bound in months: "up to 2 years" means until the day before the third birthday (35 months). */
export function ageMonths(value: number | null, unit: 'months' | 'years', bound: 'min' | 'max'): number | null {
  if (value === null) return null;
  if (unit === 'months') return value;
  return bound === 'min' ? value * 12 : value * 12 + 11;
}

const flag = text.pipe(z.string().trim()).transform((v) => v === '1' || v === 'true' || v === 'on' || v === 'yes');

/** The public list's filters (page and API): dates in Tokyo, a child's age in years, a district, free, has seats. */
export const eventFilterSchema = z.object({
  from: text.pipe(z.string().trim().refine((v) => v === '' || isIsoDate(v), 'events_error_date_invalid')).transform((v) => v || null),
  to: text.pipe(z.string().trim().refine((v) => v === '' || isIsoDate(v), 'events_error_date_invalid')).transform((v) => v || null),
  age: optionalInt(0, 18, 'events_error_age_invalid'),
  district: optionalUuid('events_error_district_invalid'),
  free: flag,
  hasSeats: flag,
  cursor: text.pipe(z.string().trim().max(200, 'events_error_cursor_invalid')).transform((v) => v || null)
});
export type EventFilterInput = z.output<typeof eventFilterSchema>;

export const idSchema = z.uuid();

export function fieldErrors(issues: z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!(field in fields)) fields[field] = issue.message;
  }
  return fields;
}
