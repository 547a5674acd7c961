import { z } from 'zod';
import { addMonths, addDays, isIsoDate } from '../platform/clock.ts';
import { containsMyNumber } from '../platform/my-number.ts';
import { dueDateFromWeek } from './pregnancy-dates.ts';

/**
 * Input schemas for household forms. Each issue's message is a catalogue key (messages/households),
 * shown beside the field it names. Date rules depend on today (Asia/Tokyo), so the schemas that need
 * it are built per call.
 */

export const NAME_MAX = 50;
export const FETUS_MAX = 5;
export const WEEK_MAX = 42;
/** A child record is for children: up to the day before their 18th birthday. */
export const CHILD_MAX_YEARS = 18;
/** A due date can be up to 3 weeks past (the baby may not have arrived) and up to 10 months ahead. */
export const DUE_DATE_PAST_DAYS = 21;
export const DUE_DATE_AHEAD_MONTHS = 10;

const text = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string());

export const idSchema = z.uuid();

/** better-auth user ids: random URL-safe strings. */
export const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const householdSchema = z.object({
  districtId: text.pipe(z.string().trim().min(1, 'hh_error_district_required').pipe(z.uuid('hh_error_district_unknown')))
});

const childName = text.pipe(
  z
    .string()
    .trim()
    .min(1, 'hh_error_name_required')
    .max(NAME_MAX, 'hh_error_name_too_long')
    .refine((v) => !containsMyNumber(v), 'hh_error_my_number')
);

function birthDateField(today: string) {
  return text.pipe(
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        if (!value) ctx.addIssue({ code: 'custom', message: 'hh_error_birth_date_required' });
        else if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', message: 'hh_error_birth_date_invalid' });
        else if (value > today) ctx.addIssue({ code: 'custom', message: 'hh_error_birth_date_future' });
        else if (value <= addMonths(today, -12 * CHILD_MAX_YEARS)) ctx.addIssue({ code: 'custom', message: 'hh_error_birth_date_too_old' });
      })
  );
}

const sexField = text.pipe(z.enum(['', 'female', 'male'], 'hh_error_sex_invalid')).transform((v) => (v === '' ? null : v));

export function childSchema(today: string) {
  return z.object({ name: childName, birthDate: birthDateField(today), sex: sexField });
}
export type ChildInput = z.output<ReturnType<typeof childSchema>>;

function checkDueDate(value: string, today: string): string | undefined {
  if (!isIsoDate(value)) return 'hh_error_due_date_invalid';
  if (value < addDays(today, -DUE_DATE_PAST_DAYS)) return 'hh_error_due_date_past';
  if (value > addMonths(today, DUE_DATE_AHEAD_MONTHS)) return 'hh_error_due_date_too_far';
  return undefined;
}

const wholeNumber = /^\d{1,3}$/;

/** Due date OR current week (+ days), and the number of fetuses; gives the due date either way. */
export function pregnancySchema(today: string) {
  return z
    .object({
      basis: text.pipe(z.enum(['due_date', 'week'], 'hh_error_basis_required')),
      dueDate: text.pipe(z.string().trim()),
      weeks: text.pipe(z.string().trim().normalize('NFKC')),
      days: text.pipe(z.string().trim().normalize('NFKC')),
      fetusCount: text.pipe(z.string().trim().normalize('NFKC'))
    })
    .transform((input, ctx) => {
      let dueDate = '';
      if (input.basis === 'due_date') {
        const problem = input.dueDate ? checkDueDate(input.dueDate, today) : 'hh_error_due_date_required';
        if (problem) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: problem });
        else dueDate = input.dueDate;
      } else {
        const weeksOk = wholeNumber.test(input.weeks) && Number(input.weeks) <= WEEK_MAX;
        const daysOk = input.days === '' || (wholeNumber.test(input.days) && Number(input.days) <= 6);
        if (!input.weeks) ctx.addIssue({ code: 'custom', path: ['weeks'], message: 'hh_error_week_required' });
        else if (!weeksOk) ctx.addIssue({ code: 'custom', path: ['weeks'], message: 'hh_error_week_range' });
        if (!daysOk) ctx.addIssue({ code: 'custom', path: ['days'], message: 'hh_error_days_range' });
        if (weeksOk && daysOk) dueDate = dueDateFromWeek(today, Number(input.weeks), Number(input.days || 0));
      }
      const fetusCount = Number(input.fetusCount);
      if (!wholeNumber.test(input.fetusCount) || fetusCount < 1 || fetusCount > FETUS_MAX) {
        ctx.addIssue({ code: 'custom', path: ['fetusCount'], message: 'hh_error_fetus_count' });
      }
      return { dueDate, fetusCount };
    });
}
export type PregnancyInput = z.output<ReturnType<typeof pregnancySchema>>;

/** Editing a pregnancy: the due date as recorded, and the number of fetuses. */
export function pregnancyEditSchema(today: string) {
  return z.object({
    dueDate: text.pipe(
      z
        .string()
        .trim()
        .superRefine((value, ctx) => {
          const problem = value ? checkDueDate(value, today) : 'hh_error_due_date_required';
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
    ),
    fetusCount: text.pipe(
      z
        .string()
        .trim()
        .normalize('NFKC')
        .refine((v) => wholeNumber.test(v) && Number(v) >= 1 && Number(v) <= FETUS_MAX, 'hh_error_fetus_count')
        .transform(Number)
    )
  });
}

export function outcomeSchema(today: string) {
  return z.object({
    outcome: text.pipe(z.enum(['birth', 'loss', 'moved_away'], 'hh_error_outcome_required')),
    outcomeDate: text.pipe(
      z
        .string()
        .trim()
        .superRefine((value, ctx) => {
          if (!value) ctx.addIssue({ code: 'custom', message: 'hh_error_outcome_date_required' });
          else if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', message: 'hh_error_outcome_date_invalid' });
          else if (value > today) ctx.addIssue({ code: 'custom', message: 'hh_error_outcome_date_future' });
          else if (value < addMonths(today, -24)) ctx.addIssue({ code: 'custom', message: 'hh_error_outcome_date_too_old' });
        })
    )
  });
}

export const invitationSchema = z.object({
  email: text.pipe(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'hh_error_email_required')
      .max(254, 'hh_error_email_invalid')
      .refine((v) => !containsMyNumber(v), 'hh_error_my_number')
      .pipe(z.email('hh_error_email_invalid'))
  )
});

/** Field → message key, the first problem of each field (zod reports in field order). */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    fields[field] ??= issue.message;
  }
  return fields;
}
