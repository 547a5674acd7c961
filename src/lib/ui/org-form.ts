import { error, fail } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { AppError } from '#lib/server/platform/errors.ts';

type Message = (inputs?: Record<string, string>) => string;

/** A catalogue key from the organizations domain in the reader's language; an unknown key shows as itself. */
export function orgMessage(key: string | null | undefined, params: Record<string, string> = {}): string {
  if (!key) return '';
  const message = (m as unknown as Record<string, Message | undefined>)[key];
  return message ? message(params) : key;
}

/** Field errors (field → key) as the reader reads them (field → text). */
export function orgMessages(errors: Record<string, string> | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(errors ?? {}).map(([field, key]) => [field, orgMessage(key)]));
}

/**
 * A submitted form as the services take it: every field as a string, and the fields that may repeat
 * (checkbox groups) as lists.
 */
export function orgFormInput(form: FormData, lists: readonly string[] = []): { values: Record<string, string>; input: Record<string, unknown> } {
  const values: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    if (lists.includes(key)) continue;
    if (!(key in values)) values[key] = value;
  }
  Object.assign(input, values);
  for (const key of lists) input[key] = form.getAll(key).filter((v): v is string => typeof v === 'string');
  return { values, input };
}

/**
 * A service error as the action's answer: not found is a plain 404 that reveals nothing; field
 * problems go back with what was typed; other refusals show above the form.
 */
export function orgFailure(appError: AppError, values: Record<string, string> = {}, lists: Record<string, string[]> = {}, action?: string) {
  if (appError.status === 404 && appError.code === 'platform.not_found') error(404, { message: m.error_not_found() });
  return fail(appError.status, {
    action: action ?? null,
    values,
    lists,
    errors: appError.fields ?? null,
    formError: appError.fields ? null : appError.messageKey
  });
}

export function orgNotFound(): never {
  error(404, { message: m.error_not_found() });
}

const TYPE_LABELS: Record<string, () => string> = {
  npo: () => m.org_type_npo(),
  general_incorporated: () => m.org_type_general_incorporated(),
  company: () => m.org_type_company(),
  voluntary: () => m.org_type_voluntary(),
  social_welfare_council: () => m.org_type_social_welfare_council(),
  ward_department: () => m.org_type_ward_department()
};
export const orgTypeLabel = (type: string): string => TYPE_LABELS[type]?.() ?? type;

const ROLE_LABELS: Record<string, () => string> = {
  owner: () => m.org_role_owner(),
  editor: () => m.org_role_editor(),
  viewer: () => m.org_role_viewer()
};
export const orgRoleLabel = (role: string): string => ROLE_LABELS[role]?.() ?? role;

const STATUS_LABELS: Record<string, () => string> = {
  pending: () => m.org_status_pending(),
  needs_info: () => m.org_status_needs_info(),
  verified: () => m.org_status_verified(),
  refused: () => m.org_status_refused()
};
export const orgStatusLabel = (status: string): string => STATUS_LABELS[status]?.() ?? status;

const REVIEW_LABELS: Record<string, () => string> = {
  submitted: () => m.org_review_submitted(),
  resubmitted: () => m.org_review_resubmitted(),
  approved: () => m.org_review_approved(),
  needs_info: () => m.org_review_needs_info(),
  refused: () => m.org_review_refused(),
  suspended: () => m.org_review_suspended(),
  unsuspended: () => m.org_review_unsuspended(),
  created_official: () => m.org_review_created_official()
};
export const orgReviewLabel = (action: string): string => REVIEW_LABELS[action]?.() ?? action;

/** A district's name in the reader's language. */
export function districtName(district: { name: string; nameEn?: string | null }): string {
  return getLocale() === 'en' && district.nameEn ? district.nameEn : district.name;
}
