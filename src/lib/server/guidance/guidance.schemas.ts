import { z } from 'zod';
import { isIsoDate } from '../platform/clock.ts';
import { containsMyNumber } from '../platform/my-number.ts';
import { ROTA_BRANDS, VACCINES } from './rule-sets/immunisation-schedule.ts';
import type { RuleContent, RuleDefinition, Trigger } from './rules.ts';

/**
 * Input schemas for the timeline and rule forms. Each issue's message is a catalogue key
 * (messages/guidance) shown beside the field it names.
 */

const text = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string());

export const idSchema = z.uuid();
export const ruleKeySchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/);
export const subjectTypeSchema = z.enum(['child', 'pregnancy']);

function pastDate(today: string, required: string, invalid: string, future: string) {
  return text.pipe(
    z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        if (!value) ctx.addIssue({ code: 'custom', message: required });
        else if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', message: invalid });
        else if (value > today) ctx.addIssue({ code: 'custom', message: future });
      })
  );
}

export function itemTargetSchema() {
  return z.object({
    subjectType: text.pipe(subjectTypeSchema),
    subjectId: text.pipe(idSchema),
    ruleKey: text.pipe(ruleKeySchema)
  });
}

export function markDoneSchema(today: string) {
  return itemTargetSchema().extend({
    doneOn: pastDate(today, 'guidance_error_date_required', 'guidance_error_date_invalid', 'guidance_error_date_future')
  });
}

const brandField = text.pipe(z.enum(['', ...ROTA_BRANDS], 'guidance_error_brand_invalid')).transform((v) => (v === '' ? null : v));

export function doseSchema(today: string) {
  return z.object({
    childId: text.pipe(idSchema),
    vaccine: text.pipe(z.enum(VACCINES, 'guidance_error_vaccine_unknown')),
    dose: text.pipe(z.string().regex(/^[1-4]$/, 'guidance_error_dose_number')).transform(Number),
    givenOn: pastDate(today, 'guidance_error_date_required', 'guidance_error_date_invalid', 'guidance_error_date_future'),
    brand: brandField
  });
}

export const doseTargetSchema = z.object({
  childId: text.pipe(idSchema),
  vaccine: text.pipe(z.enum(VACCINES)),
  dose: text.pipe(z.string().regex(/^[1-4]$/)).transform(Number)
});

// ── staff: rule edit ───────────────────────────────────────────────────────────────────────────

export const TITLE_MAX = 120;
export const BODY_MAX = 2000;

const contentText = (max: number) =>
  text.pipe(
    z
      .string()
      .trim()
      .min(1, 'guidance_error_text_required')
      .max(max, 'guidance_error_text_too_long')
      .refine((v) => !containsMyNumber(v), 'guidance_error_my_number')
  );

const LOCALE_SUFFIX = { ja: 'ja', en: 'en', 'ja-x-easy': 'easy' } as const;
export const CONTENT_FIELDS = (['ja', 'en', 'ja-x-easy'] as const).flatMap((locale) =>
  (['title', 'what', 'why', 'where'] as const).map((part) => ({ locale, part, name: `${part}_${LOCALE_SUFFIX[locale]}` }))
);

const whole = (min: number, max: number, message: string) =>
  text.pipe(z.string().trim().regex(/^\d{1,4}$/, message)).transform(Number).pipe(z.number().min(min, message).max(max, message));
const optionalWhole = (min: number, max: number, message: string) =>
  text.pipe(z.string().trim()).pipe(z.union([z.literal('').transform(() => null), z.string().regex(/^\d{1,4}$/, message).transform(Number).pipe(z.number().min(min, message).max(max, message))]));
const unit = text.pipe(z.enum(['days', 'weeks', 'months', 'years'], 'guidance_error_unit'));
const isoDateField = text.pipe(z.string().trim().refine(isIsoDate, 'guidance_error_date_invalid'));

const TRIGGER_TYPES = { child: ['age', 'school_year', 'date_range'], pregnancy: ['pregnancy_week', 'pregnancy_loss', 'date_range'] } as const;

/** Reads and checks the trigger fields for the chosen type; immunisation triggers are not editable. */
function parseTrigger(input: Record<string, unknown>, subject: 'child' | 'pregnancy', current: Trigger): { trigger?: Trigger; errors: Record<string, string> } {
  if (current.type === 'immunisation') return { trigger: current, errors: {} };
  const errors: Record<string, string> = {};
  const type = String(input.triggerType ?? '');
  if (!(TRIGGER_TYPES[subject] as readonly string[]).includes(type)) return { errors: { triggerType: 'guidance_error_trigger_type' } };
  const field = <T>(name: string, schema: z.ZodType<T>): T | undefined => {
    const parsed = schema.safeParse(input[name]);
    if (parsed.success) return parsed.data;
    errors[name] ??= parsed.error.issues[0]?.message ?? 'guidance_error_number';
    return undefined;
  };
  let trigger: Trigger | undefined;
  if (type === 'age') {
    const fromValue = field('fromValue', whole(0, 9999, 'guidance_error_number'));
    const fromUnit = field('fromUnit', unit);
    const untilValue = field('untilValue', whole(1, 9999, 'guidance_error_number'));
    const untilUnit = field('untilUnit', unit);
    if (fromValue !== undefined && fromUnit && untilValue !== undefined && untilUnit) trigger = { type, from: { unit: fromUnit, value: fromValue }, until: { unit: untilUnit, value: untilValue } };
  } else if (type === 'school_year') {
    const fromTurning = field('fromTurning', whole(0, 22, 'guidance_error_turning'));
    const untilTurning = field('untilTurning', whole(0, 22, 'guidance_error_turning'));
    if (fromTurning !== undefined && untilTurning !== undefined) {
      if (untilTurning < fromTurning) errors.untilTurning = 'guidance_error_range_order';
      else trigger = { type, fromTurning, untilTurning };
    }
  } else if (type === 'pregnancy_week') {
    const fromWeeks = field('fromWeeks', whole(0, 44, 'guidance_error_week'));
    const fromDays = field('fromDays', whole(0, 6, 'guidance_error_day'));
    const untilWeeks = field('untilWeeks', optionalWhole(0, 44, 'guidance_error_week'));
    const untilDays = field('untilDays', optionalWhole(0, 6, 'guidance_error_day'));
    if (fromWeeks !== undefined && fromDays !== undefined && untilWeeks !== undefined && untilDays !== undefined) {
      const until = untilWeeks === null ? null : { weeks: untilWeeks, days: untilDays ?? 0 };
      if (until && until.weeks * 7 + until.days < fromWeeks * 7 + fromDays) errors.untilWeeks = 'guidance_error_range_order';
      else trigger = { type, from: { weeks: fromWeeks, days: fromDays }, until };
    }
  } else if (type === 'pregnancy_loss') {
    const withinDays = field('withinDays', whole(1, 3650, 'guidance_error_number'));
    if (withinDays !== undefined) trigger = { type, withinDays };
  } else if (type === 'date_range') {
    const from = field('fromDate', isoDateField);
    const until = field('untilDate', isoDateField);
    if (from && until) {
      if (until < from) errors.untilDate = 'guidance_error_range_order';
      else trigger = { type, from, until };
    }
  }
  if (trigger?.type === 'age') {
    // Compare on a sample birth date: the window must not end before it starts.
    const order = (a: { unit: string; value: number }) => ({ days: 1, weeks: 7, months: 30.44, years: 365.25 })[a.unit as 'days'] * a.value;
    if (order(trigger.until) <= order(trigger.from)) {
      errors.untilValue = 'guidance_error_range_order';
      trigger = undefined;
    }
  }
  return { trigger: Object.keys(errors).length ? undefined : trigger, errors };
}

export interface RuleEdit {
  trigger: Trigger;
  filters: RuleDefinition['filters'];
  departmentCode: string;
  content: RuleContent;
  isPublished: boolean;
}

/** Checks a staff edit of one rule against its subject and the municipality's departments and districts. */
export function parseRuleEdit(
  input: Record<string, unknown>,
  rule: { subject: 'child' | 'pregnancy'; trigger: Trigger },
  known: { departments: string[]; districts: string[] }
): { ok: true; value: RuleEdit } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const content = { ja: {}, en: {}, 'ja-x-easy': {} } as Record<keyof RuleContent, Record<string, string>>;
  for (const f of CONTENT_FIELDS) {
    const parsed = contentText(f.part === 'title' ? TITLE_MAX : BODY_MAX).safeParse(input[f.name]);
    if (parsed.success) content[f.locale][f.part] = parsed.data;
    else errors[f.name] = parsed.error.issues[0]?.message ?? 'guidance_error_text_required';
  }
  const { trigger, errors: triggerErrors } = parseTrigger(input, rule.subject, rule.trigger);
  Object.assign(errors, triggerErrors);
  const department = String(input.departmentCode ?? '');
  if (!known.departments.includes(department)) errors.departmentCode = 'guidance_error_department';
  const rawCodes = input.districtCodes;
  const districtCodes = (Array.isArray(rawCodes) ? rawCodes : rawCodes ? [rawCodes] : []).map(String);
  if (districtCodes.some((c) => !known.districts.includes(c))) errors.districtCodes = 'guidance_error_district';
  let minFetusCount: number | null = null;
  if (rule.subject === 'pregnancy') {
    const parsed = optionalWhole(2, 5, 'guidance_error_fetus_count').safeParse(input.minFetusCount);
    if (parsed.success) minFetusCount = parsed.data;
    else errors.minFetusCount = 'guidance_error_fetus_count';
  }
  if (Object.keys(errors).length || !trigger) return { ok: false, errors: Object.keys(errors).length ? errors : { triggerType: 'guidance_error_trigger_type' } };
  return {
    ok: true,
    value: {
      trigger,
      filters: { districtCodes: [...new Set(districtCodes)], minFetusCount },
      departmentCode: department,
      content: content as unknown as RuleContent,
      isPublished: input.isPublished === 'on' || input.isPublished === 'true' || input.isPublished === true
    }
  };
}

export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    fields[field] ??= issue.message;
  }
  return fields;
}
