import { z } from 'zod';
import { containsMyNumber } from '../platform/my-number.ts';
import { isValidCorporateNumber } from './corporate-number.ts';

/**
 * Input schemas of the organizations domain. Each issue's message is a catalogue key
 * (messages/orgs), shown beside the field it names.
 */

/** Every kind of organization. A ward department is official and only staff create one. */
export const ORGANIZATION_TYPES = ['npo', 'general_incorporated', 'company', 'voluntary', 'social_welfare_council', 'ward_department'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
/** What an organization can choose when it registers itself. */
export const SELF_REGISTRABLE_TYPES = ['npo', 'general_incorporated', 'company', 'voluntary', 'social_welfare_council'] as const;

export const ORG_ROLES = ['owner', 'editor', 'viewer'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const ORGANIZATION_STATUSES = ['pending', 'needs_info', 'verified', 'refused'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

export const NAME_MAX = 100;
export const PURPOSE_MAX = 2000;
export const REASON_MAX = 1000;

const text = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string());
const noMyNumber = (v: string) => !containsMyNumber(v);

/** Organization ids are text (uuid text by default; seeded ones like 'demo-npo'). */
export const organizationIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
export const uuidSchema = z.uuid();
/** better-auth user ids: random URL-safe strings. */
export const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・ー\s0-9A-Za-z&＆.・-]+$/u;

const profileFields = {
  // Names keep the characters as typed (full-width brackets and the like are part of many names).
  name: text.pipe(
    z.string().trim().min(1, 'org_error_name_required').max(NAME_MAX, 'org_error_name_too_long').refine(noMyNumber, 'org_error_my_number')
  ),
  nameKana: text.pipe(
    z
      .string()
      .normalize('NFKC')
      .trim()
      .min(1, 'org_error_kana_required')
      .max(NAME_MAX, 'org_error_name_too_long')
      .refine((v) => KANA.test(v), 'org_error_kana_invalid')
      .refine(noMyNumber, 'org_error_my_number')
  ),
  purpose: text.pipe(
    z.string().trim().min(1, 'org_error_purpose_required').max(PURPOSE_MAX, 'org_error_purpose_too_long').refine(noMyNumber, 'org_error_my_number')
  ),
  districtIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []),
    z.array(z.string()).min(1, 'org_error_districts_required').max(50, 'org_error_districts_unknown').pipe(z.array(z.uuid('org_error_districts_unknown')))
  ),
  contactEmail: text.pipe(
    z
      .string()
      .normalize('NFKC')
      .trim()
      .toLowerCase()
      .max(254, 'org_error_email_invalid')
      .refine((v) => v === '' || z.email().safeParse(v).success, 'org_error_email_invalid')
  ),
  contactPhone: text.pipe(
    z
      .string()
      .normalize('NFKC')
      .trim()
      .refine((v) => v === '' || (/^[0-9()\- ]+$/.test(v) && /^\d{10,11}$/.test(v.replace(/[()\- ]/g, ''))), 'org_error_phone_invalid')
  ),
  url: text.pipe(
    z
      .string()
      .normalize('NFKC')
      .trim()
      .max(500, 'org_error_url_invalid')
      .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), 'org_error_url_invalid')
  ),
  corporateNumber: text.pipe(
    z
      .string()
      .normalize('NFKC')
      .transform((v) => v.replace(/[\s-]/g, ''))
      .refine((v) => v === '' || /^\d{13}$/.test(v), 'org_error_corporate_number_format')
      .refine((v) => v === '' || !/^\d{13}$/.test(v) || isValidCorporateNumber(v), 'org_error_corporate_number_check')
      .transform((v) => (v === '' ? null : v))
  )
};

/** At least one way to reach the organization; checked even when other fields have problems. */
const hasContact = (value: { contactEmail?: unknown; contactPhone?: unknown; url?: unknown }) => Boolean(value.contactEmail || value.contactPhone || value.url);
function contactRule() {
  return {
    path: ['contactEmail'],
    message: 'org_error_contact_required',
    when: (payload: { value: unknown }) => {
      const v = (payload.value ?? {}) as Record<string, unknown>;
      return typeof v.contactEmail === 'string' && typeof v.contactPhone === 'string' && typeof v.url === 'string';
    }
  };
}

/** What an organization gives about itself; the same for registering and for editing. */
export const profileSchema = z.object(profileFields).refine(hasContact, contactRule());
export type ProfileInput = z.output<typeof profileSchema>;

/** The profile's columns out of any validated input that carries them. */
export function profileColumns(data: ProfileInput) {
  const { name, nameKana, purpose, contactEmail, contactPhone, url, corporateNumber } = data;
  return { name, nameKana, purpose, contactEmail, contactPhone, url, corporateNumber };
}

export const registrationSchema = z
  .object({ type: text.pipe(z.enum(SELF_REGISTRABLE_TYPES, 'org_error_type_required')), ...profileFields })
  .refine(hasContact, contactRule());
export type RegistrationInput = z.output<typeof registrationSchema>;

/** A ward department's organization, created by staff with the person who will own it. */
export const officialSchema = z
  .object({
    departmentCode: text.pipe(z.string().trim().min(1, 'org_error_department_required')),
    ownerEmail: text.pipe(z.string().normalize('NFKC').trim().toLowerCase().min(1, 'org_error_email_required').pipe(z.email('org_error_email_invalid'))),
    ...profileFields
  })
  .refine(hasContact, contactRule());
export type OfficialInput = z.output<typeof officialSchema>;

export const invitationSchema = z.object({
  email: text.pipe(
    z
      .string()
      .normalize('NFKC')
      .trim()
      .toLowerCase()
      .min(1, 'org_error_email_required')
      .max(254, 'org_error_email_invalid')
      .pipe(z.email('org_error_email_invalid'))
  ),
  orgRole: text.pipe(z.enum(ORG_ROLES, 'org_error_role_required'))
});

export const roleChangeSchema = z.object({ orgRole: text.pipe(z.enum(ORG_ROLES, 'org_error_role_required')) });

/** A reason or message from staff: required, shown to the organization's owners. */
export const reasonSchema = z.object({
  reason: text.pipe(z.string().trim().min(1, 'org_error_reason_required').max(REASON_MAX, 'org_error_reason_too_long').refine(noMyNumber, 'org_error_my_number'))
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
