import { z } from 'zod';

export const POST_KINDS = ['news', 'activity', 'volunteer'] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const POST_STATUSES = ['draft', 'scheduled', 'published', 'unpublished'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
/** The reader languages a post may be written in; Japanese is always there and is the fallback. */
export const POST_LANGUAGES = ['ja', 'en', 'ja-x-easy'] as const;

export const TITLE_MAX = 120;
export const BODY_MAX = 10_000;
export const SHORT_MAX = 1_000;
export const MESSAGE_MAX = 4_000;
export const REASON_MAX = 1_000;
export const ALT_MAX = 300;
export const SUBJECT_MAX = 120;

export const uuidSchema = z.string().uuid();

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);
const required = (max: number, missing: string, tooLong: string) => z.string().trim().min(1, missing).max(max, tooLong);

export const postSchema = z
  .object({
    kind: z.enum(POST_KINDS, { message: 'pub_error_kind' }),
    titleJa: required(TITLE_MAX, 'pub_error_title_required', 'pub_error_title_too_long'),
    bodyJa: required(BODY_MAX, 'pub_error_body_required', 'pub_error_body_too_long'),
    titleEn: text(TITLE_MAX, 'pub_error_title_too_long').default(''),
    bodyEn: text(BODY_MAX, 'pub_error_body_too_long').default(''),
    titleEasy: text(TITLE_MAX, 'pub_error_title_too_long').default(''),
    bodyEasy: text(BODY_MAX, 'pub_error_body_too_long').default(''),
    volunteerRoles: text(SHORT_MAX, 'pub_error_text_too_long').default(''),
    volunteerDates: text(SHORT_MAX, 'pub_error_text_too_long').default(''),
    volunteerRequirements: text(SHORT_MAX, 'pub_error_text_too_long').default('')
  })
  .superRefine((value, ctx) => {
    // A translation is a title and a body together, or nothing.
    for (const [title, body] of [['titleEn', 'bodyEn'], ['titleEasy', 'bodyEasy']] as const) {
      if (value[title] && !value[body]) ctx.addIssue({ code: 'custom', path: [body], message: 'pub_error_translation_pair' });
      if (!value[title] && value[body]) ctx.addIssue({ code: 'custom', path: [title], message: 'pub_error_translation_pair' });
    }
    if (value.kind === 'volunteer' && !value.volunteerRoles) ctx.addIssue({ code: 'custom', path: ['volunteerRoles'], message: 'pub_error_roles_required' });
  });
export type PostInput = z.infer<typeof postSchema>;

/** A Tokyo date and time from the form ('YYYY-MM-DD' + 'HH:MM'). */
export const scheduleSchema = z.object({
  publishDate: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'pub_error_schedule_date'),
  publishTime: z.string().trim().regex(/^\d{2}:\d{2}$/, 'pub_error_schedule_time')
});

export const reasonSchema = z.object({ reason: required(REASON_MAX, 'pub_error_reason_required', 'pub_error_reason_too_long') });
export const altTextSchema = z.object({ altText: required(ALT_MAX, 'pub_error_alt_required', 'pub_error_alt_too_long') });
export const messageSchema = z.object({ body: required(MESSAGE_MAX, 'pub_error_message_required', 'pub_error_message_too_long') });
export const applicationSchema = z.object({ message: required(MESSAGE_MAX, 'pub_error_message_required', 'pub_error_message_too_long') });
export const inquirySchema = z.object({
  subject: required(SUBJECT_MAX, 'pub_error_subject_required', 'pub_error_subject_too_long'),
  body: required(MESSAGE_MAX, 'pub_error_message_required', 'pub_error_message_too_long'),
  /** Set when the question is about an event (the events domain's id). */
  eventId: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_-]*$/, 'pub_error_event_id')
    .optional()
    .transform((v) => v || null)
});
export const decisionSchema = z.object({
  decision: z.enum(['accepted', 'declined'], { message: 'pub_error_decision' }),
  message: text(MESSAGE_MAX, 'pub_error_message_too_long').default('')
});

/** zod issues as field → message key (the first problem of each field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!(field in fields)) fields[field] = issue.message.startsWith('pub_') ? issue.message : 'pub_error_invalid';
  }
  return fields;
}
