import type { Db } from '../db/database.ts';
import { now } from '../platform/clock.ts';
import { listWaitlisted, setBookingStatus, takeSeats, type ServiceRecord, type SlotRecord } from './bookings.queries.ts';

export interface Promotion {
  bookingId: string;
  userId: string;
  status: 'confirmed' | 'offered';
  offerExpiresAt: Date | null;
}

/**
 * Moves waiting households into freed seats, first come first served (a request that does not fit is
 * passed over for a smaller one behind it). Runs with the slot row locked by the caller, and takes
 * each seat with the same conditional update as a booking, so two promotions can never share a seat.
 * With provider approval, the seat is held as a time-boxed offer instead of confirmed.
 */
export async function promoteWaitlist(trx: Db, slot: SlotRecord, service: Pick<ServiceRecord, 'requires_approval' | 'offer_hours'>): Promise<Promotion[]> {
  const at = now();
  if (slot.status !== 'open' || slot.starts_at <= at) return [];
  const promotions: Promotion[] = [];
  for (const waiting of await listWaitlisted(trx, slot.id)) {
    const taken = await takeSeats(trx, slot.id, waiting.seats);
    if (!taken) continue;
    const offered = service.requires_approval;
    const offerExpiresAt = offered ? new Date(Math.min(at.getTime() + service.offer_hours * 3_600_000, slot.starts_at.getTime())) : null;
    const changed = await setBookingStatus(trx, waiting.id, ['waitlisted'], {
      status: offered ? 'offered' : 'confirmed',
      confirmed: !offered,
      offerExpiresAt
    });
    if (changed !== 1) throw new Error('waiting-list booking changed under a slot lock');
    promotions.push({ bookingId: waiting.id, userId: waiting.booked_by, status: offered ? 'offered' : 'confirmed', offerExpiresAt });
    if (taken.seats_taken >= taken.capacity) break;
  }
  return promotions;
}
