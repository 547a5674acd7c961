import { z } from 'zod';
import { containsMyNumber } from '../platform/my-number.ts';
import { isSafeRegex } from './risk/screen.ts';

/** Input schemas of the forum. Each issue's message is a catalogue key (messages/forum). */

export const TITLE_MAX = 80;
export const BODY_MAX = 4000;
export const REASON_MAX = 500;
export const PERSONAS = ['guardian', 'mama', 'papa'] as const;
export const FLAG_REASONS = ['harassment', 'personal_info', 'spam', 'inappropriate', 'worried', 'other'] as const;
export const CONTACT_METHODS = ['phone', 'email', 'visit', 'online'] as const;
export const RISK_TERM_CATEGORIES = ['self_harm', 'child_harm', 'dv', 'acute_crisis', 'innocent'] as const;
export const WATCH_ACTIONS = ['block', 'hold', 'flag', 'replace'] as const;
export const MODERATION_ACTIONS = ['approve', 'hide', 'edit', 'warn', 'suspend'] as const;
export const CONTACT_CATEGORIES = ['self_harm', 'child_harm', 'dv', 'acute_crisis', 'sick_child', 'ward'] as const;

const text = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string());
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const noMyNumber = (v: string) => !containsMyNumber(v);

export const idSchema = z.uuid();

const body = text.pipe(
  z
    .string()
    .trim()
    .min(1, 'forum_error_body_required')
    .max(BODY_MAX, 'forum_error_body_too_long')
    .refine(noMyNumber, 'forum_error_my_number')
);

export const replySchema = z.object({
  body,
  persona: text.pipe(z.enum(['', ...PERSONAS], 'forum_error_persona')).transform((v) => v || 'guardian'),
  asProfessional: checkbox
});

export const threadSchema = z.object({
  title: text.pipe(
    z
      .string()
      .trim()
      .min(1, 'forum_error_title_required')
      .max(TITLE_MAX, 'forum_error_title_too_long')
      .refine(noMyNumber, 'forum_error_my_number')
  ),
  body,
  ageTopic: text.pipe(z.string().min(1, 'forum_error_topic_required')),
  themeTopic: text.pipe(z.string().min(1, 'forum_error_topic_required')),
  persona: text.pipe(z.enum(['', ...PERSONAS], 'forum_error_persona')).transform((v) => v || 'guardian')
});

export const editSchema = z.object({ body });

export const flagSchema = z.object({
  reason: text.pipe(z.enum(FLAG_REASONS, 'forum_error_flag_reason')),
  note: text.pipe(z.string().trim().max(REASON_MAX, 'forum_error_note_too_long').refine(noMyNumber, 'forum_error_my_number'))
});

export const consultationSchema = z
  .object({
    contactMethod: text.pipe(z.enum(CONTACT_METHODS, 'forum_error_contact_method')),
    contactDetail: text.pipe(z.string().trim().max(200, 'forum_error_contact_detail_too_long').refine(noMyNumber, 'forum_error_my_number')),
    preferredTime: text.pipe(
      z.string().trim().min(1, 'forum_error_preferred_time_required').max(200, 'forum_error_preferred_time_too_long').refine(noMyNumber, 'forum_error_my_number')
    ),
    consent: checkbox
  })
  .superRefine((input, ctx) => {
    if (!input.consent) ctx.addIssue({ code: 'custom', path: ['consent'], message: 'forum_error_consent_required' });
    if ((input.contactMethod === 'phone' || input.contactMethod === 'email') && !input.contactDetail) {
      ctx.addIssue({ code: 'custom', path: ['contactDetail'], message: 'forum_error_contact_detail_required' });
    }
  });

export const privateReplySchema = z.object({ body, offerConsultation: checkbox });

export const consultationUpdateSchema = z.object({
  status: text.pipe(z.enum(['new', 'contacted', 'closed'], 'forum_error_status')),
  note: text.pipe(z.string().trim().max(2000, 'forum_error_note_too_long').refine(noMyNumber, 'forum_error_my_number'))
});

export const moderationSchema = z
  .object({
    action: text.pipe(z.enum(MODERATION_ACTIONS, 'forum_error_moderation_action')),
    reason: text.pipe(z.string().trim().max(REASON_MAX, 'forum_error_note_too_long').refine(noMyNumber, 'forum_error_my_number')),
    body: text.pipe(z.string().trim()),
    days: text.pipe(z.string().trim().normalize('NFKC'))
  })
  .transform((input, ctx) => {
    if (input.action !== 'approve' && !input.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'forum_error_reason_required' });
    // The edited text only matters (and is only checked) when the decision is to edit.
    if (input.action === 'edit') {
      const problem = !input.body ? 'forum_error_body_required' : input.body.length > BODY_MAX ? 'forum_error_body_too_long' : noMyNumber(input.body) ? '' : 'forum_error_my_number';
      if (problem) ctx.addIssue({ code: 'custom', path: ['body'], message: problem });
    }
    let days = 0;
    if (input.action === 'suspend') {
      days = Number(input.days);
      if (!/^\d{1,3}$/.test(input.days) || days < 1 || days > 365) ctx.addIssue({ code: 'custom', path: ['days'], message: 'forum_error_days' });
    }
    return { action: input.action, reason: input.reason, body: input.body, days };
  });

const count = (min: number, max: number) =>
  text.pipe(
    z
      .string()
      .trim()
      .normalize('NFKC')
      .refine((v) => /^\d{1,5}$/.test(v) && Number(v) >= min && Number(v) <= max, `forum_error_number_${min}_${max}`)
      .transform(Number)
  );

export const settingsSchema = z.object({
  newAccountDays: count(0, 365),
  newAccountPublicPosts: count(0, 100),
  newAccountDailyPosts: count(1, 100),
  editWindowMinutes: count(0, 10080),
  flagHideThreshold: count(1, 50)
});

export const riskTermSchema = z
  .object({
    category: text.pipe(z.enum(RISK_TERM_CATEGORIES, 'forum_error_category')),
    level: text.pipe(z.enum(['high', 'concern'], 'forum_error_level')),
    language: text.pipe(z.enum(['ja', 'ja-x-easy', 'en'], 'forum_error_language')),
    pattern: text.pipe(z.string().trim().min(1, 'forum_error_pattern_required').max(200, 'forum_error_pattern_too_long')),
    isRegex: checkbox
  })
  .superRefine((input, ctx) => {
    if (input.isRegex && !isSafeRegex(input.pattern)) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'forum_error_pattern_regex' });
  });

export const watchedWordSchema = z
  .object({
    pattern: text.pipe(z.string().trim().min(1, 'forum_error_pattern_required').max(200, 'forum_error_pattern_too_long')),
    isRegex: checkbox,
    action: text.pipe(z.enum(WATCH_ACTIONS, 'forum_error_watch_action')),
    replacement: text.pipe(z.string().trim().max(50, 'forum_error_replacement_too_long')),
    message: text.pipe(z.string().trim().max(300, 'forum_error_note_too_long'))
  })
  .superRefine((input, ctx) => {
    if (input.isRegex && !isSafeRegex(input.pattern)) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'forum_error_pattern_regex' });
    if (input.action === 'replace' && !input.replacement) ctx.addIssue({ code: 'custom', path: ['replacement'], message: 'forum_error_replacement_required' });
  });

export const contactSchema = z.object({
  name: text.pipe(z.string().trim().min(1, 'forum_error_contact_name_required').max(100, 'forum_error_contact_name_too_long')),
  phone: text.pipe(z.string().trim().max(40, 'forum_error_contact_phone_too_long')),
  hours: text.pipe(z.string().trim().max(100, 'forum_error_contact_hours_too_long')),
  description: text.pipe(z.string().trim().max(300, 'forum_error_note_too_long')),
  categories: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []),
    z.array(z.enum(CONTACT_CATEGORIES, 'forum_error_category')).min(1, 'forum_error_contact_categories_required')
  )
});

/** Field → message key, the first problem of each field. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    fields[field] ??= issue.message;
  }
  return fields;
}
