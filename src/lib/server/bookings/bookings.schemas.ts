import { z } from 'zod';
import { isIsoDate } from '../platform/clock.ts';
import { containsMyNumber } from '../platform/my-number.ts';

/**
 * Input schemas of the bookings forms and API. Each issue's message is a catalogue key
 * (messages/bookings), shown beside the field it names.
 */

export const SERVICE_KINDS = ['temporary_care', 'sick_child_care', 'session', 'consultation'] as const;
export const CAPACITY_UNITS = ['children', 'people', 'households'] as const;
export const MAX_CHILDREN_PER_BOOKING = 5;

const text = z.preprocess((v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v)), z.string());
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

export const idSchema = z.uuid();

function freeText(max: number, required: string | undefined, tooLong: string) {
  const base = z.string().trim().max(max, tooLong).refine((v) => !containsMyNumber(v), 'bookings_error_my_number');
  return text.pipe(required ? base.pipe(z.string().min(1, required)) : base);
}

const time = (message: string) => text.pipe(z.string().trim().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, message));
const optionalTime = (message: string) =>
  text.pipe(z.string().trim().refine((v) => v === '' || /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(v), message)).transform((v) => (v === '' ? null : v));
const int = (min: number, max: number, message: string) =>
  text.pipe(z.string().trim().regex(/^\d{1,4}$/, message)).transform(Number).pipe(z.number().int().min(min, message).max(max, message));
const optionalInt = (min: number, max: number, message: string) =>
  text
    .pipe(z.string().trim().refine((v) => v === '' || (/^\d{1,4}$/.test(v) && Number(v) >= min && Number(v) <= max), message))
    .transform((v) => (v === '' ? null : Number(v)));
const date = (message: string) => text.pipe(z.string().trim().refine(isIsoDate, message));

/** A booking request: the slot, the household's children it is for, and the keys that make retries safe. */
export const reserveSchema = z.object({
  slotId: text.pipe(z.uuid('bookings_error_slot_unknown')),
  childIds: z
    .preprocess((v) => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]), z.array(z.uuid('bookings_error_children_unknown')))
    .pipe(z.array(z.string()).max(MAX_CHILDREN_PER_BOOKING, 'bookings_error_children_too_many'))
    .transform((ids) => [...new Set(ids)]),
  adults: optionalInt(0, 5, 'bookings_error_adults_invalid').transform((v) => v ?? 0),
  joinWaitlist: checkbox.default(false),
  idempotencyKey: text.pipe(z.string().trim().max(100, 'bookings_error_key_invalid')).transform((v) => (v === '' ? null : v)),
  noticeId: text.pipe(z.string().trim().max(100, 'bookings_error_notice_invalid').regex(/^[A-Za-z0-9_.:-]*$/, 'bookings_error_notice_invalid')).transform((v) => (v === '' ? null : v))
});
export type ReserveInput = z.output<typeof reserveSchema>;

export const serviceSchema = z
  .object({
    kind: text.pipe(z.enum(SERVICE_KINDS, 'bookings_error_kind_invalid')),
    name: freeText(80, 'bookings_error_name_required', 'bookings_error_name_too_long'),
    description: freeText(1000, undefined, 'bookings_error_description_too_long'),
    capacityUnit: text.pipe(z.enum(CAPACITY_UNITS, 'bookings_error_unit_invalid')),
    minAgeMonths: optionalInt(0, 216, 'bookings_error_age_invalid'),
    maxAgeMonths: optionalInt(0, 216, 'bookings_error_age_invalid'),
    requiresRegistration: checkbox,
    requiresApproval: checkbox,
    opensDaysAhead: int(0, 365, 'bookings_error_days_invalid'),
    opensAtTime: time('bookings_error_time_invalid'),
    cancelHoursBefore: int(0, 720, 'bookings_error_hours_invalid'),
    cancelByTime: optionalTime('bookings_error_time_invalid'),
    monthlyCap: optionalInt(1, 100, 'bookings_error_cap_invalid'),
    offerHours: int(1, 168, 'bookings_error_offer_hours_invalid'),
    isActive: checkbox.default(true)
  })
  .superRefine((v, ctx) => {
    if (v.minAgeMonths !== null && v.maxAgeMonths !== null && v.minAgeMonths > v.maxAgeMonths) {
      ctx.addIssue({ code: 'custom', path: ['maxAgeMonths'], message: 'bookings_error_age_order' });
    }
  });
export type ServiceInput = z.output<typeof serviceSchema>;

export function patternSchema(today: string) {
  return z
    .object({
      weekday: int(0, 6, 'bookings_error_weekday_invalid'),
      startTime: time('bookings_error_time_invalid'),
      endTime: time('bookings_error_time_invalid'),
      capacity: int(1, 500, 'bookings_error_capacity_invalid'),
      validFrom: date('bookings_error_date_invalid'),
      validUntil: text.pipe(z.string().trim().refine((v) => v === '' || isIsoDate(v), 'bookings_error_date_invalid')).transform((v) => (v === '' ? null : v)),
      skipHolidays: checkbox
    })
    .superRefine((v, ctx) => {
      if (v.startTime >= v.endTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'bookings_error_time_order' });
      if (v.validUntil && v.validUntil < v.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'bookings_error_date_order' });
      if (v.validUntil && v.validUntil < today) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'bookings_error_date_past' });
    });
}
export type PatternInput = z.output<ReturnType<typeof patternSchema>>;

export function closureSchema(today: string) {
  return z.object({
    closedOn: date('bookings_error_date_invalid').refine((v) => v >= today, 'bookings_error_date_past'),
    reason: freeText(200, undefined, 'bookings_error_reason_too_long')
  });
}

export const messageSchema = z.object({
  subject: freeText(100, 'bookings_error_subject_required', 'bookings_error_subject_too_long'),
  body: freeText(2000, 'bookings_error_body_required', 'bookings_error_body_too_long')
});

export const closeSlotSchema = z.object({ reason: freeText(200, 'bookings_error_reason_required', 'bookings_error_reason_too_long') });

/** field → message key of the first issue for each field. */
export function fieldErrors(issues: z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!(field in fields)) fields[field] = issue.message;
  }
  return fields;
}
