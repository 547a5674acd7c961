import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

const STATUS: Record<string, () => string> = {
  draft: () => m.events_status_draft(),
  published: () => m.events_status_published(),
  unpublished: () => m.events_status_unpublished()
};
export const eventStatusLabel = (status: string): string => STATUS[status]?.() ?? status;

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** '2026-12-05' → 「12月5日（土）」 / "Sat 5 Dec 2026". */
export function eventDate(iso: string): string {
  const [y, mo, d] = iso.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  if (getLocale() === 'en') return `${WEEKDAYS_EN[weekday]} ${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][mo - 1]} ${y}`;
  return `${y}年${mo}月${d}日（${WEEKDAYS_JA[weekday]}）`;
}

/** When an event happens, in one line: the date (or first and last for a series) and the times. */
export function eventWhen(e: { startsOn: string; endsOn: string; startTime: string; endTime: string; recurrence: string }): string {
  const times = e.startTime === '00:00' && e.endTime === '00:00' ? '' : ` ${e.startTime}〜${e.endTime}`;
  if (e.startsOn === e.endsOn) return `${eventDate(e.startsOn)}${times}`;
  if (e.recurrence === 'weekly') return m.events_when_weekly({ first: eventDate(e.startsOn), last: eventDate(e.endsOn), times });
  return `${eventDate(e.startsOn)}〜${eventDate(e.endsOn)}${times}`;
}

/** A target age range from months: 「1歳〜3歳」, 「0か月〜11か月」, 「どなたでも」. */
export function eventAges(min: number | null, max: number | null): string {
  const part = (months: number, bound: 'min' | 'max') => {
    if (bound === 'max' && months % 12 === 11) return m.events_age_years({ years: String((months - 11) / 12) });
    if (months % 12 === 0 && bound === 'min') return m.events_age_years({ years: String(months / 12) });
    return m.events_age_months({ months: String(months) });
  };
  if (min === null && max === null) return m.events_age_any();
  if (max === null) return m.events_age_from({ from: part(min!, 'min') });
  if (min === null) return m.events_age_until({ until: part(max, 'max') });
  return m.events_age_range({ from: part(min, 'min'), until: part(max, 'max') });
}

/** The title in the reader's language when the publisher gave one. */
export function eventTitle(e: { title: string; titleEn: string; titleEasy: string }): string {
  const locale = getLocale();
  if (locale === 'en' && e.titleEn) return e.titleEn;
  if (locale === 'ja-x-easy' && e.titleEasy) return e.titleEasy;
  return e.title;
}

export function eventFee(e: { feeYen: number; feeNote: string }): string {
  const base = e.feeYen === 0 ? m.events_fee_free() : m.events_fee_amount({ amount: e.feeYen.toLocaleString('ja-JP') });
  return e.feeNote ? `${base}（${e.feeNote}）` : base;
}
