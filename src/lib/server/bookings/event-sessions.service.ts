import type { Db } from '../db/database.ts';
import { markPlaceBookable } from '../places/index.ts';
import { tokyoInstant } from './booking-rules.ts';
import type { BookingDeps } from './booking-notices.ts';
import { announceFreedSeats } from './bookings.service.ts';
import { findService, insertService, insertSlots, notifyAvailability, placeHasActiveService } from './bookings.queries.ts';
import {
  closeSlotsNotAt,
  countActiveBookingsOfService,
  countSeatHoldingBookings,
  deleteUnbookedSlots,
  listSlotIdsOfService,
  listSlotSeats,
  lockSlotsOfService,
  setServiceDetails,
  setSlotCapacity
} from './event-sessions.queries.ts';
import { promoteWaitlist, type Promotion } from './waitlist.ts';

// Events (the events domain) take registrations as a bookings service of kind 'session' with one
// slot per occurrence, so seats, the waiting list and live availability work as for any booking.

export interface EventSessionDetails {
  name: string;
  description: string;
  capacityUnit: 'people' | 'households';
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
  isActive: boolean;
}

export interface EventOccurrenceTimes {
  date: string;
  startTime: string;
  endTime: string;
}

/** Slot id per occurrence start (ISO instant). */
export type SessionSlots = Map<string, string>;

async function slotsByStart(db: Db, serviceId: string): Promise<SessionSlots> {
  return new Map((await listSlotIdsOfService(db, serviceId)).map((s) => [s.starts_at.toISOString(), s.id]));
}

async function writeSlots(db: Db, municipalityId: string, placeId: string, serviceId: string, capacity: number, occurrences: EventOccurrenceTimes[]) {
  await insertSlots(
    db,
    occurrences.map((o) => ({
      municipalityId,
      serviceId,
      placeId,
      patternId: null,
      slotDate: o.date,
      startsAt: tokyoInstant(o.date, o.startTime),
      endsAt: tokyoInstant(o.date, o.endTime),
      capacity
    }))
  );
}

/**
 * Opens registration for an event at a place: a session service (open for booking as soon as the
 * event is published, cancellable until it starts) and one slot per occurrence. Run inside the
 * event's transaction; the caller authorised the organization.
 */
export async function openEventSessions(
  trx: Db,
  spec: EventSessionDetails & { municipalityId: string; placeId: string; capacity: number; occurrences: EventOccurrenceTimes[] }
): Promise<{ serviceId: string; slots: SessionSlots }> {
  const { id: serviceId } = await insertService(trx, {
    municipalityId: spec.municipalityId,
    placeId: spec.placeId,
    kind: 'session',
    name: spec.name,
    description: spec.description,
    capacityUnit: spec.capacityUnit,
    minAgeMonths: spec.minAgeMonths,
    maxAgeMonths: spec.maxAgeMonths,
    requiresRegistration: false,
    requiresApproval: false,
    opensDaysAhead: 365,
    opensAtTime: '00:00',
    cancelHoursBefore: 0,
    cancelByTime: null,
    monthlyCap: null,
    offerHours: 24
  });
  await setServiceDetails(trx, serviceId, spec);
  await writeSlots(trx, spec.municipalityId, spec.placeId, serviceId, spec.capacity, spec.occurrences);
  await markPlaceBookable(trx, spec.municipalityId, spec.placeId, await placeHasActiveService(trx, spec.placeId));
  await notifyAvailability(trx, spec.placeId);
  return { serviceId, slots: await slotsByStart(trx, serviceId) };
}

/** Updates the event's session: name, ages, unit and whether it takes bookings (published or not). */
export async function updateEventSessionDetails(trx: Db, municipalityId: string, serviceId: string, details: EventSessionDetails): Promise<void> {
  const service = await findService(trx, municipalityId, serviceId);
  if (!service) return;
  await setServiceDetails(trx, serviceId, details);
  await markPlaceBookable(trx, municipalityId, service.place_id, await placeHasActiveService(trx, service.place_id));
  await notifyAvailability(trx, service.place_id);
}

/** How many households hold or wait for a seat at the event (any occurrence). */
export function countEventRegistrations(db: Db, serviceId: string): Promise<number> {
  return countActiveBookingsOfService(db, serviceId);
}

/** A new schedule for an event nobody has registered for yet: the old slots go, new ones come. */
export async function replaceEventSchedule(trx: Db, municipalityId: string, serviceId: string, capacity: number, occurrences: EventOccurrenceTimes[]): Promise<SessionSlots> {
  const service = await findService(trx, municipalityId, serviceId);
  if (!service) return new Map();
  await deleteUnbookedSlots(trx, serviceId);
  await writeSlots(trx, municipalityId, service.place_id, serviceId, capacity, occurrences);
  // A slot left with only cancelled bookings (kept for their history) must not stay bookable.
  await closeSlotsNotAt(trx, serviceId, occurrences.map((o) => tokyoInstant(o.date, o.startTime)));
  await notifyAvailability(trx, service.place_id);
  return slotsByStart(trx, serviceId);
}

export type Resize = { ok: true; promoted: { slotId: string; promotions: Promotion[] }[] } | { ok: false; taken: number };

/**
 * Sets the capacity of every slot of the event's session, with the slots locked: refused when an
 * occurrence already holds more seats than the new capacity; a larger capacity moves waiting
 * households in (announce them with `announceEventPromotions` after the commit).
 */
export async function resizeEventSessions(trx: Db, municipalityId: string, serviceId: string, capacity: number): Promise<Resize> {
  const service = await findService(trx, municipalityId, serviceId);
  if (!service) return { ok: true, promoted: [] };
  const slots = await lockSlotsOfService(trx, serviceId);
  const taken = Math.max(0, ...slots.map((s) => s.seats_taken));
  if (taken > capacity) return { ok: false, taken };
  const promoted: { slotId: string; promotions: Promotion[] }[] = [];
  for (const slot of slots) {
    if (slot.capacity === capacity) continue;
    await setSlotCapacity(trx, slot.id, capacity);
    if (capacity > slot.capacity) {
      const promotions = await promoteWaitlist(trx, { ...slot, capacity }, service);
      if (promotions.length) promoted.push({ slotId: slot.id, promotions });
    }
  }
  await notifyAvailability(trx, service.place_id);
  return { ok: true, promoted };
}

/** After the commit: tells promoted households and pushes the new seats to open pages. */
export async function announceEventPromotions(deps: BookingDeps, municipalityId: string, resize: Resize): Promise<void> {
  if (!resize.ok) return;
  for (const p of resize.promoted) await announceFreedSeats(deps, p.slotId, municipalityId, p.promotions);
}

export interface SlotSeats {
  slotId: string;
  placeId: string;
  capacity: number;
  seatsTaken: number;
  seatsLeft: number;
  waiting: number;
  isOpen: boolean;
}

/** Seats of the given slots (for event lists and pages). */
export async function listEventSeats(db: Db, slotIds: string[]): Promise<Map<string, SlotSeats>> {
  const rows = await listSlotSeats(db, slotIds);
  return new Map(
    rows.map((r) => [
      r.id,
      { slotId: r.id, placeId: r.place_id, capacity: r.capacity, seatsTaken: r.seats_taken, seatsLeft: Math.max(0, r.capacity - r.seats_taken), waiting: Number(r.waiting ?? 0), isOpen: r.status === 'open' }
    ])
  );
}

/** Registrations (seat-holding bookings) and the seats they hold, per slot. */
export async function countSlotRegistrations(db: Db, slotIds: string[]): Promise<Map<string, { bookings: number; seats: number }>> {
  return new Map((await countSeatHoldingBookings(db, slotIds)).map((r) => [r.slot_id, { bookings: r.bookings, seats: r.seats }]));
}
