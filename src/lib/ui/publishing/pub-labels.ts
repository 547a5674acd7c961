import { m } from '#lib/paraglide/messages.js';

const KINDS: Record<string, () => string> = { news: () => m.pub_kind_news(), activity: () => m.pub_kind_activity(), volunteer: () => m.pub_kind_volunteer() };
export const postKindLabel = (kind: string): string => KINDS[kind]?.() ?? kind;

const STATUSES: Record<string, () => string> = {
  draft: () => m.pub_status_draft(),
  scheduled: () => m.pub_status_scheduled(),
  published: () => m.pub_status_published(),
  unpublished: () => m.pub_status_unpublished()
};
export const postStatusLabel = (status: string): string => STATUSES[status]?.() ?? status;

const APPLICATIONS: Record<string, () => string> = { pending: () => m.pub_app_pending(), accepted: () => m.pub_app_accepted(), declined: () => m.pub_app_declined() };
export const applicationStatusLabel = (status: string): string => APPLICATIONS[status]?.() ?? status;

export const sideLabel = (side: string): string => (side === 'organization' ? m.pub_side_organization() : m.pub_side_resident());

/** The Tokyo calendar date of an instant, as 'YYYY-MM-DD'. */
export function tokyoDate(at: Date | string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

/** The Tokyo time of day of an instant, as 'HH:MM'. */
export function tokyoTime(at: Date | string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
}

export const KIND_OPTIONS = () => [
  { value: 'news', label: m.pub_kind_news() },
  { value: 'activity', label: m.pub_kind_activity() },
  { value: 'volunteer', label: m.pub_kind_volunteer() }
];
