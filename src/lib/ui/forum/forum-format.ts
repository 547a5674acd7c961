import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

/** Pseudonym parts as the server sends them (never an account). */
export interface PseudonymParts {
  ageKey: string;
  persona: string;
  letter: string;
}
export type AuthorView = { kind: 'guardian'; pseudonym: PseudonymParts } | { kind: 'professional'; role: string; label: string };

type Locale = 'ja' | 'en' | 'ja-x-easy';
type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const AGE: Record<string, Message> = {
  pregnancy: m.forum_age_pregnancy,
  age_0: m.forum_age_0,
  age_1: m.forum_age_1,
  age_2: m.forum_age_2,
  age_3: m.forum_age_3,
  age_4: m.forum_age_4,
  age_5: m.forum_age_5,
  school: m.forum_age_school,
  teen: m.forum_age_teen,
  parent: m.forum_age_parent
};
const PERSONA: Record<string, Message> = { guardian: m.forum_persona_guardian, mama: m.forum_persona_mama, papa: m.forum_persona_papa };

/**
 * 「3歳児のママさん A」: made from the household when the writer first wrote in the thread. In the
 * reader's language (pages) or in the one asked for (the API).
 */
export function pseudonymLabel(parts: PseudonymParts, locale?: Locale): string {
  const options = locale ? { locale } : {};
  const age = (AGE[parts.ageKey] ?? m.forum_age_parent)({}, options);
  const persona = (PERSONA[parts.persona] ?? m.forum_persona_guardian)({}, options);
  return m.forum_pseudonym({ age, persona, letter: parts.letter }, options);
}

const QUALIFICATIONS: Record<string, () => string> = { 保健師: m.forum_badge_public_health_nurse, 助産師: m.forum_badge_midwife };

/** A professional's verified badge text: the checked qualification, else the role. */
export function badgeLabel(author: { role: string; label: string }): string {
  if (author.label && QUALIFICATIONS[author.label]) return QUALIFICATIONS[author.label]();
  if (author.label) return author.label;
  return author.role === 'coordinator' ? m.forum_badge_coordinator() : m.forum_badge_health_professional();
}

export function authorLabel(author: AuthorView): string {
  return author.kind === 'guardian' ? pseudonymLabel(author.pseudonym) : badgeLabel(author);
}

export interface TopicOption {
  code: string;
  kind: string;
  name: string;
  nameEn: string;
  nameEasy: string;
}

export function topicName(topics: TopicOption[], code: string): string {
  const topic = topics.find((t) => t.code === code);
  if (!topic) return code;
  const locale = getLocale();
  return locale === 'en' ? topic.nameEn || topic.name : locale === 'ja-x-easy' ? topic.nameEasy || topic.name : topic.name;
}

const CATEGORY: Record<string, () => string> = {
  self_harm: m.forum_category_self_harm,
  child_harm: m.forum_category_child_harm,
  dv: m.forum_category_dv,
  acute_crisis: m.forum_category_acute_crisis,
  innocent: m.forum_category_innocent,
  sick_child: m.forum_category_sick_child,
  ward: m.forum_category_ward
};
export const categoryLabel = (c: string) => (CATEGORY[c] ?? (() => c))();

const FLAG_REASON: Record<string, () => string> = {
  harassment: m.forum_flag_reason_harassment,
  personal_info: m.forum_flag_reason_personal_info,
  spam: m.forum_flag_reason_spam,
  inappropriate: m.forum_flag_reason_inappropriate,
  worried: m.forum_flag_reason_worried,
  other: m.forum_flag_reason_other
};
export const flagReasonLabel = (r: string) => (FLAG_REASON[r] ?? (() => r))();

const NOTICE: Record<string, () => string> = {
  reply: m.forum_notice_reply,
  private_reply: m.forum_notice_private_reply,
  consultation_offer: m.forum_notice_consultation_offer,
  held_for_review: m.forum_notice_held_for_review,
  approved: m.forum_notice_approved,
  hidden: m.forum_notice_hidden,
  edited: m.forum_notice_edited,
  warned: m.forum_notice_warned,
  suspended: m.forum_notice_suspended,
  released: m.forum_notice_released
};
export const noticeText = (kind: string) => (NOTICE[kind] ?? (() => kind))();

const STATUS: Record<string, () => string> = {
  public: m.forum_status_public,
  held: m.forum_status_held,
  hidden: m.forum_status_hidden,
  deleted: m.forum_status_deleted,
  blocked: m.forum_status_hidden
};
export const statusLabel = (s: string) => (STATUS[s] ?? (() => s))();

const CONSULTATION_STATUS: Record<string, () => string> = { new: m.forum_consultation_status_new, contacted: m.forum_consultation_status_contacted, closed: m.forum_consultation_status_closed };
export const consultationStatusLabel = (s: string) => (CONSULTATION_STATUS[s] ?? (() => s))();

const METHOD: Record<string, () => string> = { phone: m.forum_method_phone, email: m.forum_method_email, visit: m.forum_method_visit, online: m.forum_method_online };
export const methodLabel = (s: string) => (METHOD[s] ?? (() => s))();

const ACTION: Record<string, () => string> = {
  approve: m.forum_mod_action_approve,
  hide: m.forum_mod_action_hide,
  edit: m.forum_mod_action_edit,
  warn: m.forum_mod_action_warn,
  suspend: m.forum_mod_action_suspend,
  release: m.forum_mod_action_release,
  block: m.forum_watch_action_block,
  hold: m.forum_watch_action_hold,
  flag: m.forum_watch_action_flag,
  replace: m.forum_watch_action_replace
};
export const actionLabel = (s: string) => (ACTION[s] ?? (() => s))();

const formatter = () =>
  new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
export const formatWhen = (at: Date | string) => formatter().format(new Date(at));

/** Minutes as 「1時間5分」. */
export function formatWaiting(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return hours ? m.forum_waiting_hours({ hours, minutes: minutes % 60 }) : m.forum_waiting_minutes({ minutes });
}

const ERRORS: Record<string, () => string> = {
  forum_error_summary_title: m.forum_error_summary_title,
  forum_error_body_required: m.forum_error_body_required,
  forum_error_body_too_long: m.forum_error_body_too_long,
  forum_error_title_required: m.forum_error_title_required,
  forum_error_title_too_long: m.forum_error_title_too_long,
  forum_error_topic_required: m.forum_error_topic_required,
  forum_error_persona: m.forum_error_persona,
  forum_error_my_number: m.forum_error_my_number,
  forum_error_blocked: m.forum_error_blocked,
  forum_error_suspended: m.forum_error_suspended,
  forum_error_daily_limit: m.forum_error_daily_limit,
  forum_error_links_new_account: m.forum_error_links_new_account,
  forum_error_edit_window: m.forum_error_edit_window,
  forum_error_thread_not_public: m.forum_error_thread_not_public,
  forum_error_own_post: m.forum_error_own_post,
  forum_error_consultation_exists: m.forum_error_consultation_exists,
  forum_error_status_change: m.forum_error_status_change,
  forum_error_flag_reason: m.forum_error_flag_reason,
  forum_error_note_too_long: m.forum_error_note_too_long,
  forum_error_contact_method: m.forum_error_contact_method,
  forum_error_contact_detail_required: m.forum_error_contact_detail_required,
  forum_error_contact_detail_too_long: m.forum_error_contact_detail_too_long,
  forum_error_preferred_time_required: m.forum_error_preferred_time_required,
  forum_error_preferred_time_too_long: m.forum_error_preferred_time_too_long,
  forum_error_consent_required: m.forum_error_consent_required,
  forum_error_status: m.forum_error_status,
  forum_error_moderation_action: m.forum_error_moderation_action,
  forum_error_reason_required: m.forum_error_reason_required,
  forum_error_days: m.forum_error_days,
  forum_error_number_0_365: m.forum_error_number_0_365,
  forum_error_number_0_100: m.forum_error_number_0_100,
  forum_error_number_1_100: m.forum_error_number_1_100,
  forum_error_number_0_10080: m.forum_error_number_0_10080,
  forum_error_number_1_50: m.forum_error_number_1_50,
  forum_error_category: m.forum_error_category,
  forum_error_level: m.forum_error_level,
  forum_error_language: m.forum_error_language,
  forum_error_pattern_required: m.forum_error_pattern_required,
  forum_error_pattern_too_long: m.forum_error_pattern_too_long,
  forum_error_pattern_regex: m.forum_error_pattern_regex,
  forum_error_watch_action: m.forum_error_watch_action,
  forum_error_replacement_required: m.forum_error_replacement_required,
  forum_error_replacement_too_long: m.forum_error_replacement_too_long,
  forum_error_contact_name_required: m.forum_error_contact_name_required,
  forum_error_contact_name_too_long: m.forum_error_contact_name_too_long,
  forum_error_contact_phone_too_long: m.forum_error_contact_phone_too_long,
  forum_error_contact_hours_too_long: m.forum_error_contact_hours_too_long,
  forum_error_contact_categories_required: m.forum_error_contact_categories_required,
  forum_error_cursor: m.forum_error_cursor,
  error_not_found: m.error_not_found,
  error_forbidden: m.error_forbidden
};

/** A message key from the forum's services as text; a staff-written message (not a key) is shown as written. */
export function forumMessage(key: string | null | undefined): string {
  if (!key) return '';
  const message = ERRORS[key];
  return message ? message() : key;
}

export function forumMessages(errors: Record<string, string> | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(errors ?? {}).map(([field, key]) => [field, forumMessage(key)]));
}
