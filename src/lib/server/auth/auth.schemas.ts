import { containsMyNumber } from '../platform/my-number.ts';
import { z } from 'zod';

/*
 * One schema per form. Error messages are catalogue keys; the route turns them into text in the
 * person's language. Values arrive from forms as strings (absent fields as undefined).
 */

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 50;


function toHalfWidthDigits(value: string): string {
  return value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const text = (requiredKey: string) =>
  z
    .string({ error: requiredKey })
    .transform((v) => v.normalize('NFKC').trim())
    .pipe(z.string().min(1, { error: requiredKey }));

export const emailField = z
  .string({ error: 'auth_error_email_required' })
  .trim()
  .min(1, { error: 'auth_error_email_required' })
  .max(254, { error: 'auth_error_email_invalid' })
  .pipe(z.email({ error: 'auth_error_email_invalid' }))
  .transform((v) => v.toLowerCase());

const newPassword = z
  .string({ error: 'auth_error_password_required' })
  .min(1, { error: 'auth_error_password_required' })
  .min(PASSWORD_MIN, { error: 'auth_error_password_length' })
  .max(PASSWORD_MAX, { error: 'auth_error_password_length' });

const currentPassword = z
  .string({ error: 'auth_error_password_required' })
  .min(1, { error: 'auth_error_password_required' })
  .max(PASSWORD_MAX, { error: 'auth_error_password_length' });

const passwordConfirmation = z.string({ error: 'auth_error_password_confirm_required' }).min(1, { error: 'auth_error_password_confirm_required' });

export const signUpSchema = z
  .object({
    name: text('auth_error_name_required')
      .pipe(z.string().max(NAME_MAX, { error: 'auth_error_name_too_long' }))
      .refine((v) => !/[\p{Cc}]/u.test(v), { error: 'auth_error_name_invalid' })
      .refine((v) => !containsMyNumber(v), { error: 'auth_error_no_individual_number' }),
    email: emailField,
    password: newPassword,
    passwordConfirm: passwordConfirmation
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], error: 'auth_error_password_mismatch' });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({ email: emailField, password: currentPassword });
export type SignInInput = z.infer<typeof signInSchema>;

export const emailOnlySchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({
    token: z.string({ error: 'auth_error_reset_link_invalid' }).min(1, { error: 'auth_error_reset_link_invalid' }).max(200),
    password: newPassword,
    passwordConfirm: passwordConfirmation
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], error: 'auth_error_password_mismatch' });

export const verificationTokenSchema = z.string().min(1).max(2000);

/** A 6-digit authenticator code; spaces and full-width digits are forgiven. */
export const totpCodeSchema = z.object({
  code: z
    .string({ error: 'auth_error_code_format' })
    .transform((v) => toHalfWidthDigits(v).replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, { error: 'auth_error_code_format' }))
});

/** A backup code as shown to the person (e.g. "abcde-12345"). */
export const backupCodeSchema = z.object({
  backupCode: z
    .string({ error: 'auth_error_backup_code_format' })
    .transform((v) => v.normalize('NFKC').replace(/\s+/g, ''))
    .pipe(z.string().regex(/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/, { error: 'auth_error_backup_code_format' }))
    // Codes are stored as "abcde-12345"; a code typed without the hyphen still counts.
    .transform((v) => (v.includes('-') ? v : `${v.slice(0, 5)}-${v.slice(5)}`))
});

export const passwordOnlySchema = z.object({ password: currentPassword });

/** Changing the password while signed in: the current one, the new one twice, and whether to end other sessions. */
export const changePasswordSchema = z
  .object({
    currentPassword,
    password: newPassword,
    passwordConfirm: passwordConfirmation,
    signOutOthers: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], error: 'auth_error_password_mismatch' })
  .refine((v) => v.password !== v.currentPassword, { path: ['password'], error: 'auth_error_password_unchanged' });

export const sessionIdSchema = z.object({
  sessionId: z.string({ error: 'auth_error_session_not_found' }).min(1, { error: 'auth_error_session_not_found' }).max(200)
});

/** Field → first message key, for the messages beside each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!fields[field]) fields[field] = issue.message.startsWith('auth_') ? issue.message : 'auth_error_invalid_value';
  }
  return fields;
}
