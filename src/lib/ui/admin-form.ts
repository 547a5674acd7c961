import { m } from '#lib/paraglide/messages.js';

/** A message to show: a catalogue key and the values it names. Serialisable, so actions can return it. */
export interface AdminMessageRef {
  key: string;
  params?: Record<string, string>;
}

/** What a failed admin form action returns beside the typed values. */
export interface AdminFormErrors {
  fields: Record<string, AdminMessageRef>;
  /** A problem that is not about one field (e.g. "the last admin cannot be ended"). */
  form?: AdminMessageRef;
}

export interface AdminFormFailure {
  /** Which form of the page failed, when a page has several. */
  action?: string;
  values: Record<string, string>;
  errors: AdminFormErrors;
}

type Message = (inputs?: Record<string, string>) => string;

/** Translates a catalogue key in the current language; unknown keys show as themselves (a bug to see). */
export function adminMessage(ref: AdminMessageRef | string | undefined): string {
  if (!ref) return '';
  const { key, params } = typeof ref === 'string' ? { key: ref, params: undefined } : ref;
  const message = (m as unknown as Record<string, Message | undefined>)[key];
  return message ? message(params ?? {}) : key;
}

/** The field errors of a failed admin form as the reader reads them (field → text), for the error summary. */
export function adminFieldMessages(errors: AdminFormErrors | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(errors?.fields ?? {}).map(([field, ref]) => [field, adminMessage(ref)]));
}

/** A service's form error (AppError with fields and values for the messages) as the page shows it. */
export function toAdminFormErrors(error: {
  messageKey: string;
  fields?: Record<string, string>;
  fieldParams?: Record<string, Record<string, string>>;
}): AdminFormErrors {
  const fields: Record<string, AdminMessageRef> = {};
  for (const [field, key] of Object.entries(error.fields ?? {})) fields[field] = { key, params: error.fieldParams?.[field] };
  return Object.keys(fields).length ? { fields } : { fields, form: { key: error.messageKey } };
}

/** The typed values of a form, to put back into its fields (never passwords: admin forms have none). */
export function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string' && !(key in values)) values[key] = value;
  return values;
}

/** An ISO date for people: 2026年11月27日 in Japanese, 2026-11-27 in English. */
export function displayDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const [y, mo, d] = iso.split('-').map(Number);
  return locale === 'en' ? iso : `${y}年${mo}月${d}日`;
}

const ROLE_LABELS: Record<string, () => string> = {
  ward_staff: () => m.admin_role_ward_staff(),
  supervisor: () => m.admin_role_supervisor(),
  moderator: () => m.admin_role_moderator(),
  health_professional: () => m.admin_role_health_professional(),
  coordinator: () => m.admin_role_coordinator(),
  admin: () => m.admin_role_admin(),
  org_member: () => m.admin_role_org_member()
};

/** The name of a role for people, in the current language. */
export function roleLabel(role: string): string {
  return ROLE_LABELS[role]?.() ?? role;
}

const QUALIFICATION_LABELS: Record<string, () => string> = {
  保健師: () => m.admin_qualification_public_health_nurse(),
  助産師: () => m.admin_qualification_midwife()
};

/** 保健師 / 助産師 in the current language (stored in Japanese, as the law names them). */
export function qualificationLabel(qualification: string): string {
  return QUALIFICATION_LABELS[qualification]?.() ?? qualification;
}

const STATUS_LABELS: Record<string, () => string> = {
  active: () => m.admin_status_active(),
  future: () => m.admin_status_future(),
  ended: () => m.admin_status_ended(),
  cancelled: () => m.admin_status_cancelled()
};

export function assignmentStatusLabel(status: string): string {
  return STATUS_LABELS[status]?.() ?? status;
}
