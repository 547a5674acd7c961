import { BUSINESS_TIME_ZONE, now } from '../platform/clock.ts';
import type { OpeningSpan } from './places.table.ts';

const weekday = new Intl.DateTimeFormat('en-US', { timeZone: BUSINESS_TIME_ZONE, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The day of the week (0 = Sunday) and 'HH:MM' in Tokyo at an instant. */
export function tokyoDayTime(at: Date = now()): { day: number; time: string } {
  const parts = Object.fromEntries(weekday.formatToParts(at).map((p) => [p.type, p.value]));
  return { day: DAYS.indexOf(parts.weekday), time: `${parts.hour}:${parts.minute}` };
}

export function isOpenAt(spans: OpeningSpan[], at: { day: number; time: string }): boolean {
  return spans.some((s) => s.days.includes(at.day) && s.open <= at.time && s.close > at.time);
}

const DAY_CHARS = ['日', '月', '火', '水', '木', '金', '土'];

/** 月火水木金 as 利用可能曜日 writes it. */
export function daysText(days: number[]): string {
  return [1, 2, 3, 4, 5, 6, 0].filter((d) => days.includes(d)).map((d) => DAY_CHARS[d]).join('');
}
