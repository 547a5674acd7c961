import { z } from 'zod';

/** What a person decides for themselves. Issue messages are catalogue keys (messages/people). */

export const LANGUAGES = ['ja', 'en', 'ja-x-easy'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CONSENT_PURPOSES = ['personalised_notices', 'share_screening_with_coordinator', 'contact_by_coordinator'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

const text = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string());
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

export const preferencesSchema = z
  .object({
    language: text.pipe(z.enum(LANGUAGES, 'people_error_language')),
    notifyEmail: checkbox,
    notifyPush: checkbox,
    quietHours: text.pipe(z.enum(['none', 'set'], 'people_error_quiet_hours_choice')),
    quietStart: text.pipe(z.string().trim()),
    quietEnd: text.pipe(z.string().trim())
  })
  .transform((input, ctx) => {
    let quietHoursStart: string | null = null;
    let quietHoursEnd: string | null = null;
    if (input.quietHours === 'set') {
      const startOk = clockTime.test(input.quietStart);
      const endOk = clockTime.test(input.quietEnd);
      if (!startOk) ctx.addIssue({ code: 'custom', path: ['quietStart'], message: input.quietStart ? 'people_error_time_invalid' : 'people_error_time_required' });
      if (!endOk) ctx.addIssue({ code: 'custom', path: ['quietEnd'], message: input.quietEnd ? 'people_error_time_invalid' : 'people_error_time_required' });
      if (startOk && endOk && input.quietStart === input.quietEnd) ctx.addIssue({ code: 'custom', path: ['quietEnd'], message: 'people_error_quiet_same' });
      quietHoursStart = input.quietStart;
      quietHoursEnd = input.quietEnd;
    }
    return { language: input.language, notifyEmail: input.notifyEmail, notifyPush: input.notifyPush, quietHoursStart, quietHoursEnd };
  });
export type PreferencesInput = z.output<typeof preferencesSchema>;

export const consentSchema = z.object({
  purpose: text.pipe(z.enum(CONSENT_PURPOSES, 'people_error_purpose')),
  decision: text.pipe(z.enum(['give', 'withdraw'], 'people_error_decision'))
});

export const deletionSchema = z.object({
  password: text.pipe(z.string().min(1, 'people_error_password_required').max(128, 'people_error_password_wrong'))
});

export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  return fields;
}
