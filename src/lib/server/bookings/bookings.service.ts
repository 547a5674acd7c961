import type { Db } from '../db/database.ts';
import type { PersonActor } from '../households/index.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type AppError, type Result } from '../platform/errors.ts';
import { availabilityBus } from './availability-bus.ts';
import { bookingOpensAt, cancelDeadline, isAgeAllowed, monthBounds, needsChildren, seatsFor } from './booking-rules.ts';
import { bookingTestHooks } from './booking-test-hooks.ts';
import { tellGuardian, type BookingDeps, type GuardianNoticeKind } from './booking-notices.ts';
import { bookingErrors } from './bookings.errors.ts';
import {
  ACTIVE,
  SEAT_HOLDING,
  claimAlerts,
  countHouseholdBookingsInMonth,
  findActiveBookingOfHousehold,
  findActiveHouseholdId,
  findBooking,
  findBookingByIdempotencyKey,
  findService,
  findSlot,
  findSlotAnyMunicipality,
  listExpiredOffers,
  findUserContact,
  insertBooking,
  isUniqueViolation,
  listChildrenOfBookings,
  listChildrenOfHousehold,
  listRegistrationsOfHousehold,
  lockBooking,
  lockHouseholdRow,
  lockSlot,
  notifyAvailability,
  releaseSeats,
  setBookingStatus,
  takeSeats,
  writeSeatsTaken,
  type ServiceRecord,
  type SlotRecord
} from './bookings.queries.ts';
import { fieldErrors, idSchema, reserveSchema } from './bookings.schemas.ts';
import type { BookingChannel, BookingStatus } from './bookings.table.ts';
import { promoteWaitlist, type Promotion } from './waitlist.ts';

/** Aborts a booking transaction with a domain error (everything in it is rolled back). */
class Refusal extends Error {
  readonly appError: AppError;
  constructor(error: AppError) {
    super(error.code);
    this.appError = error;
  }
}

export interface ReserveOutcome {
  bookingId: string;
  status: BookingStatus;
  seats: number;
  /** True when an earlier request with the same Idempotency-Key made this booking. */
  replayed: boolean;
}

async function replayOf(db: Db, actor: PersonActor, key: string, slotId: string): Promise<Result<ReserveOutcome> | undefined> {
  const existing = await findBookingByIdempotencyKey(db, actor.userId, key);
  if (!existing) return undefined;
  if (existing.slot_id !== slotId) return failure(bookingErrors.idempotencyConflict);
  return ok({ bookingId: existing.id, status: existing.status, seats: existing.seats, replayed: true });
}

/**
 * Books a slot for children of the actor's household: k seats in one step or none. The seat rule is
 * one conditional UPDATE in the transaction (`seats_taken + k <= capacity`), so parallel requests can
 * never oversell; a retry with the same idempotency key returns the first booking. When the slot is
 * full and the guardian asked for it, the request joins the waiting list instead.
 */
export async function reserveSlot(deps: BookingDeps, actor: PersonActor, input: Record<string, unknown>, channel: BookingChannel): Promise<Result<ReserveOutcome>> {
  const parsed = reserveSchema.safeParse(input);
  if (!parsed.success) return failure(bookingErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const request = parsed.data;
  const db = deps.database.db;

  const householdId = await findActiveHouseholdId(db, actor.userId, actor.municipalityId);
  if (!householdId) return failure(bookingErrors.noHousehold);
  if (request.idempotencyKey) {
    const replay = await replayOf(db, actor, request.idempotencyKey, request.slotId);
    if (replay) return replay;
  }

  const slot = await findSlot(db, actor.municipalityId, request.slotId);
  const service = slot && (await findService(db, actor.municipalityId, slot.service_id));
  if (!slot || !service || !service.is_active) return failure(bookingErrors.notFound);
  const at = now();
  if (slot.status !== 'open') return failure(bookingErrors.slotClosed);
  if (slot.starts_at <= at) return failure(bookingErrors.slotPast);
  if (at < bookingOpensAt(service, slot.slot_date)) return failure(bookingErrors.notOpenYet);

  // A request that cannot fit even now is refused without a transaction (a rush is mostly these).
  // Only a hint: the seat itself is taken by the conditional update below.
  if (!request.joinWaitlist && slot.capacity - slot.seats_taken < Math.max(request.childIds.length, 1) && service.capacity_unit !== 'households') {
    return failure(bookingErrors.slotFull);
  }
  if (!request.joinWaitlist && service.capacity_unit === 'households' && slot.seats_taken >= slot.capacity) return failure(bookingErrors.slotFull);

  const children = await listChildrenOfHousehold(db, householdId);
  const chosen = request.childIds.map((id) => children.find((c) => c.id === id));
  if (chosen.some((c) => !c)) return failure(bookingErrors.invalidInput({ childIds: 'bookings_error_children_unknown' }));
  if ((needsChildren(service.kind) || service.capacity_unit === 'children') && chosen.length === 0) return failure(bookingErrors.invalidInput({ childIds: 'bookings_error_children_required' }));
  const seats = seatsFor(service.capacity_unit, chosen.length, request.adults);
  if (seats < 1) return failure(bookingErrors.invalidInput({ childIds: 'bookings_error_people_required' }));
  if (chosen.some((c) => !isAgeAllowed(service, c!.birth_date, slot.slot_date))) return failure(bookingErrors.childNotEligible);
  if (service.requires_registration && chosen.length) {
    const registrations = await listRegistrationsOfHousehold(db, householdId, service.place_id);
    const approved = new Set(registrations.filter((r) => r.status === 'approved').map((r) => r.child_id));
    if (chosen.some((c) => !approved.has(c!.id))) return failure(bookingErrors.registrationRequired);
  }

  let outcome: ReserveOutcome;
  try {
    outcome = await db.transaction().execute(async (trx) => {
      await lockHouseholdRow(trx, householdId);
      if (request.idempotencyKey) {
        const existing = await findBookingByIdempotencyKey(trx, actor.userId, request.idempotencyKey);
        if (existing) {
          if (existing.slot_id !== slot.id) throw new Refusal(bookingErrors.idempotencyConflict);
          return { bookingId: existing.id, status: existing.status, seats: existing.seats, replayed: true };
        }
      }
      if (await findActiveBookingOfHousehold(trx, slot.id, householdId)) throw new Refusal(bookingErrors.alreadyBooked);
      if (service.monthly_cap !== null) {
        const { start, end } = monthBounds(slot.slot_date);
        if ((await countHouseholdBookingsInMonth(trx, householdId, service.id, start, end)) >= service.monthly_cap) throw new Refusal(bookingErrors.monthlyCap);
      }
      let hasSeats: boolean;
      if (bookingTestHooks.unprotected) hasSeats = await takeSeatsWithoutProtection(trx, slot.id, seats);
      else {
        await bookingTestHooks.betweenCheckAndWrite?.();
        hasSeats = Boolean(await takeSeats(trx, slot.id, seats));
      }
      let status: BookingStatus;
      if (hasSeats) status = service.requires_approval ? 'pending' : 'confirmed';
      else if (request.joinWaitlist) status = 'waitlisted';
      else throw new Refusal(bookingErrors.slotFull);
      const booking = await insertBooking(
        trx,
        {
          municipalityId: actor.municipalityId,
          slotId: slot.id,
          serviceId: service.id,
          householdId,
          bookedBy: actor.userId,
          seats,
          adults: request.adults,
          status,
          channel,
          noticeId: request.noticeId,
          idempotencyKey: request.idempotencyKey,
          confirmedAt: status === 'confirmed' ? at : null
        },
        chosen.map((c) => c!.id)
      );
      if (hasSeats) await notifyAvailability(trx, slot.place_id);
      await writeAudit(trx, actor, { action: 'create', recordType: 'booking', recordId: booking.id });
      return { bookingId: booking.id, status, seats, replayed: false };
    });
  } catch (error) {
    if (error instanceof Refusal) return failure(error.appError);
    if (request.idempotencyKey && isUniqueViolation(error, 'booking_booked_by_idempotency_key_key')) {
      const replay = await replayOf(db, actor, request.idempotencyKey, slot.id);
      if (replay) return replay;
    }
    if (isUniqueViolation(error, 'booking_one_active_per_household')) return failure(bookingErrors.alreadyBooked);
    throw error;
  }
  if (!outcome.replayed) {
    if (outcome.status !== 'waitlisted') availabilityBus(deps.database, deps.config.databaseUrl).afterCommit([slot.place_id]);
    const kind: GuardianNoticeKind = outcome.status === 'confirmed' ? 'confirmed' : outcome.status === 'pending' ? 'pending' : 'waitlisted';
    await tellAbout(deps, outcome.bookingId, actor.userId, kind, slot, service);
  }
  return ok(outcome);
}

/** The control path of the race test: check in the application, then overwrite the count. */
async function takeSeatsWithoutProtection(trx: Db, slotId: string, seats: number): Promise<boolean> {
  const current = await findSlotAnyMunicipality(trx, slotId);
  if (!current || current.status !== 'open' || current.seats_taken + seats > current.capacity) return false;
  await bookingTestHooks.betweenCheckAndWrite?.();
  await writeSeatsTaken(trx, slotId, current.seats_taken + seats);
  return true;
}

export async function tellAbout(
  deps: BookingDeps,
  bookingId: string,
  userId: string,
  kind: GuardianNoticeKind,
  slot: Pick<SlotRecord, 'slot_date' | 'starts_at' | 'ends_at' | 'place_id' | 'municipality_id'>,
  service: Pick<ServiceRecord, 'name' | 'place_name'>,
  extra: { offerExpiresAt?: Date | null; reason?: string | null } = {}
): Promise<void> {
  const db = deps.database.db;
  const contact = await findUserContact(db, userId);
  if (!contact) return;
  const children = (await listChildrenOfBookings(db, [bookingId])).map((c) => c.name);
  await tellGuardian(deps, {
    kind,
    municipalityId: slot.municipality_id,
    to: { userId: contact.id, name: contact.name },
    key: `${bookingId}:${kind}${extra.offerExpiresAt ? `:${extra.offerExpiresAt.toISOString()}` : ''}`,
    placeName: service.place_name,
    serviceName: service.name,
    slotDate: slot.slot_date,
    startsAt: slot.starts_at,
    endsAt: slot.ends_at,
    children,
    offerExpiresAt: extra.offerExpiresAt,
    reason: extra.reason,
    path: '/bookings'
  });
}

/** After seats were freed: tell the promoted households, and the seat-alert subscribers if seats remain. */
export async function announceFreedSeats(deps: BookingDeps, slotId: string, municipalityId: string, promotions: Promotion[]): Promise<void> {
  const db = deps.database.db;
  const slot = await findSlot(db, municipalityId, slotId);
  const service = slot && (await findService(db, municipalityId, slot.service_id));
  if (!slot || !service) return;
  availabilityBus(deps.database, deps.config.databaseUrl).afterCommit([slot.place_id]);
  for (const p of promotions) {
    await tellAbout(deps, p.bookingId, p.userId, p.status === 'offered' ? 'offered' : 'promoted', slot, service, { offerExpiresAt: p.offerExpiresAt });
  }
  if (slot.status === 'open' && slot.seats_taken < slot.capacity && slot.starts_at > now()) {
    for (const alert of await claimAlerts(db, slot.id)) {
      await tellGuardian(deps, {
        kind: 'seat_open',
        municipalityId,
        to: { userId: alert.user_id, name: alert.name },
        key: `seat-open:${slot.id}:${alert.notified_at?.toISOString()}`,
        placeName: service.place_name,
        serviceName: service.name,
        slotDate: slot.slot_date,
        startsAt: slot.starts_at,
        endsAt: slot.ends_at,
        path: `/places/${slot.place_id}/availability/${slot.id}`
      });
    }
  }
}

async function householdBooking(deps: BookingDeps, actor: PersonActor, bookingId: string) {
  if (!idSchema.safeParse(bookingId).success) return undefined;
  const db = deps.database.db;
  const householdId = await findActiveHouseholdId(db, actor.userId, actor.municipalityId);
  if (!householdId) return undefined;
  const booking = await findBooking(db, actor.municipalityId, bookingId);
  return booking && booking.household_id === householdId ? booking : undefined;
}

/**
 * Cancels a booking of the actor's household before the service's deadline (a waiting-list place or
 * an offer can always be given up). Freed seats go to the waiting list in the same transaction.
 */
export async function cancelBooking(deps: BookingDeps, actor: PersonActor, bookingId: string): Promise<Result<{ id: string; promoted: number }>> {
  const booking = await householdBooking(deps, actor, bookingId);
  if (!booking) return failure(bookingErrors.notFound);
  const db = deps.database.db;
  const slot = await findSlot(db, actor.municipalityId, booking.slot_id);
  const service = slot && (await findService(db, actor.municipalityId, booking.service_id));
  if (!slot || !service) return failure(bookingErrors.notFound);
  if (!ACTIVE.includes(booking.status)) return failure(bookingErrors.notCancellable);
  if ((booking.status === 'confirmed' || booking.status === 'pending') && now() > cancelDeadline(service, slot)) return failure(bookingErrors.cancelDeadlinePassed);

  let promotions: Promotion[];
  try {
    promotions = await db.transaction().execute(async (trx) => {
      const locked = await lockSlot(trx, slot.id);
      const current = await lockBooking(trx, booking.id);
      if (!locked || !current || !ACTIVE.includes(current.status)) throw new Refusal(bookingErrors.notCancellable);
      await setBookingStatus(trx, current.id, [current.status], { status: 'cancelled', cancelled: true });
      await writeAudit(trx, actor, { action: 'cancel', recordType: 'booking', recordId: current.id });
      if (!SEAT_HOLDING.includes(current.status)) return [];
      await releaseSeats(trx, slot.id, current.seats);
      const promoted = await promoteWaitlist(trx, { ...locked, seats_taken: Math.max(locked.seats_taken - current.seats, 0) }, service);
      await notifyAvailability(trx, slot.place_id);
      return promoted;
    });
  } catch (error) {
    if (error instanceof Refusal) return failure(error.appError);
    throw error;
  }
  await tellAbout(deps, booking.id, booking.booked_by, 'cancelled', slot, service);
  await announceFreedSeats(deps, slot.id, actor.municipalityId, promotions);
  return ok({ id: booking.id, promoted: promotions.length });
}

/** Accepts a waiting-list offer before it expires: the seat stays held, waiting for the provider's approval. */
export async function acceptOffer(deps: BookingDeps, actor: PersonActor, bookingId: string): Promise<Result<{ id: string }>> {
  const booking = await householdBooking(deps, actor, bookingId);
  if (!booking) return failure(bookingErrors.notFound);
  if (booking.status !== 'offered') return failure(bookingErrors.notPending);
  if (booking.offer_expires_at && booking.offer_expires_at < now()) return failure(bookingErrors.offerExpired);
  const db = deps.database.db;
  const changed = await db.transaction().execute(async (trx) => {
    const n = await setBookingStatus(trx, booking.id, ['offered'], { status: 'pending', offerExpiresAt: null });
    if (n) await writeAudit(trx, actor, { action: 'accept_offer', recordType: 'booking', recordId: booking.id });
    return n;
  });
  return changed ? ok({ id: booking.id }) : failure(bookingErrors.notPending);
}

/**
 * The offer-expiry job: offers past their time are given up and their seats go to the next households
 * on the waiting list. Idempotent: an offer already handled is skipped.
 */
export async function expireOffers(deps: BookingDeps): Promise<number> {
  const db = deps.database.db;
  let expired = 0;
  for (const offer of await listExpiredOffers(db, now())) {
    const slot = await findSlot(db, offer.municipality_id, offer.slot_id);
    const service = slot && (await findService(db, offer.municipality_id, slot.service_id));
    if (!slot || !service) continue;
    const result = await db.transaction().execute(async (trx) => {
      const locked = await lockSlot(trx, slot.id);
      const current = await lockBooking(trx, offer.id);
      if (!locked || !current || current.status !== 'offered' || !current.offer_expires_at || current.offer_expires_at >= now()) return undefined;
      await setBookingStatus(trx, current.id, ['offered'], { status: 'expired' });
      await releaseSeats(trx, slot.id, current.seats);
      const promoted = await promoteWaitlist(trx, { ...locked, seats_taken: Math.max(locked.seats_taken - current.seats, 0) }, service);
      await notifyAvailability(trx, slot.place_id);
      await writeAudit(trx, { userId: null, municipalityId: offer.municipality_id, requestId: 'bookings.expire-offers' }, { action: 'expire_offer', recordType: 'booking', recordId: current.id });
      return { booking: current, promoted };
    });
    if (!result) continue;
    expired += 1;
    await tellAbout(deps, result.booking.id, result.booking.booked_by, 'expired', slot, service);
    await announceFreedSeats(deps, slot.id, offer.municipality_id, result.promoted);
  }
  return expired;
}

