import type { Db } from '../db/database.ts';
import { addDays, today } from '../platform/clock.ts';
import { patternDates, tokyoInstant } from './booking-rules.ts';
import { insertSlots, listClosureDates, listPatternsInForce } from './bookings.queries.ts';

/** How far ahead recurring patterns are turned into bookable slots. */
export const SLOT_HORIZON_DAYS = 56;

/**
 * Turns recurring patterns (weekday + times) into slots for the coming weeks, leaving out national
 * holidays (when the pattern says so) and the service's closures. Idempotent: a slot that exists is
 * kept as it is (with its bookings), so the daily job and a new pattern can both call it.
 */
export async function generateSlots(db: Db, options: { serviceId?: string; from?: string; horizonDays?: number } = {}): Promise<number> {
  const from = options.from ?? today();
  const until = addDays(from, options.horizonDays ?? SLOT_HORIZON_DAYS);
  const patterns = (await listPatternsInForce(db, from)).filter((p) => !options.serviceId || p.service_id === options.serviceId);
  const closures = new Map<string, Set<string>>();
  for (const c of await listClosureDates(db, [...new Set(patterns.map((p) => p.service_id))])) {
    if (!closures.has(c.service_id)) closures.set(c.service_id, new Set());
    closures.get(c.service_id)!.add(c.closed_on);
  }
  let created = 0;
  for (const pattern of patterns) {
    const dates = patternDates(pattern, from, until, closures.get(pattern.service_id) ?? new Set());
    created += await insertSlots(
      db,
      dates.map((date) => ({
        municipalityId: pattern.municipality_id,
        serviceId: pattern.service_id,
        placeId: pattern.place_id,
        patternId: pattern.id,
        slotDate: date,
        startsAt: tokyoInstant(date, pattern.start_time),
        endsAt: tokyoInstant(date, pattern.end_time),
        capacity: pattern.capacity
      }))
    );
  }
  return created;
}
