import { getLocale } from '#lib/paraglide/runtime.js';

function intlLocale(): string {
  return getLocale() === 'en' ? 'en-GB' : 'ja-JP';
}

/** A business date ('YYYY-MM-DD') in the reader's language, never shifted by a time zone. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant, shown in Tokyo time. */
export function formatDateTime(at: Date | string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(at));
}
