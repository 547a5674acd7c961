// Quiet hours are wall-clock times in Asia/Tokyo ("22:00"–"07:00"). Japan has no daylight saving time,
// so a fixed +09:00 offset turns them into instants exactly.
const TOKYO_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

/**
 * When a send due at `at` may go out: `at` itself outside the person's quiet hours, else the moment
 * they end (the next time the clock in Tokyo shows `end`). A window may cross midnight; start = end
 * means no quiet hours.
 */
export function releaseTimeAfterQuietHours(at: Date, quiet: { start: string | null; end: string | null }): Date {
  if (!quiet.start || !quiet.end) return at;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return at;
  const tokyo = at.getTime() + TOKYO_OFFSET_MS;
  const msIntoDay = ((tokyo % DAY_MS) + DAY_MS) % DAY_MS;
  const minute = Math.floor(msIntoDay / 60_000);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return at;
  const dayStart = tokyo - msIntoDay;
  const endToday = dayStart + end * 60_000;
  const release = endToday > tokyo ? endToday : endToday + DAY_MS;
  return new Date(release - TOKYO_OFFSET_MS);
}
