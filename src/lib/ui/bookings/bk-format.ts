/** Dates and times of slots, always in Tokyo time, in the reader's language. */
const TZ = 'Asia/Tokyo';

function tag(locale: string) {
  return locale === 'en' ? 'en-GB' : 'ja-JP';
}

export function slotDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: TZ, month: 'long', day: 'numeric', weekday: 'short' }).format(new Date(iso));
}

export function slotDateLong(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: TZ, year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }).format(new Date(iso));
}

export function clock(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function slotTimes(startsAt: string, endsAt: string): string {
  return `${clock(startsAt)}〜${clock(endsAt)}`;
}

export function dateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: TZ, month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function ageLabel(months: number | null): string {
  if (months === null) return '';
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return years ? (rest ? `${years}歳${rest}か月` : `${years}歳`) : `${rest}か月`;
}
