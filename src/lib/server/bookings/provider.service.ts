import type { PersonActor } from '../households/index.ts';
import { hasRole, type RoleAssignment } from '../auth/roles.ts';
import { resolveAuthSecret } from '../auth/auth-secret.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { markPlaceBookable } from '../places/index.ts';
import { addDays, now, today } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { slotView } from './availability.service.ts';
import { availabilityBus } from './availability-bus.ts';
import { sendAttendeeMessage, type BookingDeps } from './booking-notices.ts';
import { announceFreedSeats, tellAbout } from './bookings.service.ts';
import { bookingErrors } from './bookings.errors.ts';
import {
  ACTIVE,
  SEAT_HOLDING,
  closeSlotRow,
  decideRegistrationRow,
  findBooking,
  findPlace,
  findRegistration,
  findService,
  findSlot,
  insertClosure,
  insertPattern,
  insertService,
  placeHasActiveService,
  listAttendeeEmails,
  listChildrenOfBookings,
  listClosures,
  listOpenSlotsOn,
  listPatterns,
  listPlacesForProvider,
  listRegistrationsForPlaces,
  listRoster,
  listServicesOfPlaces,
  listSlots,
  lockBooking,
  lockSlot,
  notifyAvailability,
  releaseSeats,
  setAttendance,
  setBookingStatus,
  updateService,
  type ServiceRecord
} from './bookings.queries.ts';
import { closeSlotSchema, closureSchema, fieldErrors, idSchema, messageSchema, patternSchema, serviceSchema } from './bookings.schemas.ts';
import { verifyCheckIn } from './check-in-token.ts';
import { generateSlots, SLOT_HORIZON_DAYS } from './slots.service.ts';
import { promoteWaitlist } from './waitlist.ts';

/** A signed-in provider: an organization member, or ward staff for the ward's own places. */
export interface ProviderActor extends PersonActor {
  roles: RoleAssignment[];
}

/** Which console is asking: the organization console sees its organizations' places, the staff console the ward-run ones. */
export type ProviderConsole = 'org' | 'staff';

type FormInput = Record<string, unknown>;

function mayProvideAt(actor: ProviderActor, console: ProviderConsole, place: { organization_id: string | null }): boolean {
  if (console === 'org') {
    return place.organization_id !== null && hasRole(actor.roles, 'org_member', { type: 'organization', id: place.organization_id });
  }
  return place.organization_id === null && (hasRole(actor.roles, 'ward_staff') || hasRole(actor.roles, 'supervisor') || hasRole(actor.roles, 'admin'));
}

function scopeOf(actor: ProviderActor, console: ProviderConsole) {
  if (console === 'org') {
    return { organizationIds: actor.roles.filter((r) => r.role === 'org_member' && r.scopeType === 'organization' && r.scopeId).map((r) => r.scopeId!), ward: false };
  }
  return { organizationIds: [], ward: hasRole(actor.roles, 'ward_staff') || hasRole(actor.roles, 'supervisor') || hasRole(actor.roles, 'admin') };
}

/** A service the actor provides, or undefined (which callers show as not found). */
async function providedService(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, serviceId: string): Promise<ServiceRecord | undefined> {
  if (!idSchema.safeParse(serviceId).success) return undefined;
  const service = await findService(deps.database.db, actor.municipalityId, serviceId);
  return service && mayProvideAt(actor, console, service) ? service : undefined;
}

async function providedSlot(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, slotId: string) {
  if (!idSchema.safeParse(slotId).success) return undefined;
  const slot = await findSlot(deps.database.db, actor.municipalityId, slotId);
  const service = slot && (await providedService(deps, actor, console, slot.service_id));
  return slot && service ? { slot, service } : undefined;
}

async function providedBooking(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, bookingId: string) {
  if (!idSchema.safeParse(bookingId).success) return undefined;
  const booking = await findBooking(deps.database.db, actor.municipalityId, bookingId);
  const found = booking && (await providedSlot(deps, actor, console, booking.slot_id));
  return booking && found ? { booking, ...found } : undefined;
}

export interface ProviderPlace {
  id: string;
  name: string;
  category: string;
  services: { id: string; name: string; kind: ServiceRecord['kind']; isActive: boolean }[];
  registrations: { id: string; status: string; childName: string; birthDate: string; guardianName: string; requestedAt: string }[];
}

/** The console home: the places the actor provides at, their services and 事前登録 requests. */
export async function listProviderPlaces(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole): Promise<ProviderPlace[]> {
  const db = deps.database.db;
  const places = await listPlacesForProvider(db, actor.municipalityId, scopeOf(actor, console));
  const services = await listServicesOfPlaces(db, places.map((p) => p.id));
  const registrations = await listRegistrationsForPlaces(db, places.map((p) => p.id));
  return places.map((p) => ({
    id: p.id,
    name: p.name,
    category: p.category,
    services: services.filter((s) => s.place_id === p.id).map((s) => ({ id: s.id, name: s.name, kind: s.kind, isActive: s.is_active })),
    registrations: registrations
      .filter((r) => r.place_id === p.id)
      .map((r) => ({ id: r.id, status: r.status, childName: r.child_name, birthDate: r.birth_date, guardianName: r.guardian_name, requestedAt: r.requested_at.toISOString() }))
  }));
}

/** Adds a bookable service at a place the actor provides at. */
export async function createService(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, placeId: string, input: FormInput): Promise<Result<{ id: string }>> {
  if (!idSchema.safeParse(placeId).success) return failure(bookingErrors.notFound);
  const db = deps.database.db;
  const place = await findPlace(db, actor.municipalityId, placeId);
  if (!place || !mayProvideAt(actor, console, place)) return failure(bookingErrors.notFound);
  const parsed = serviceSchema.safeParse(input);
  if (!parsed.success) return failure(bookingErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const v = parsed.data;
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertService(trx, { ...v, municipalityId: actor.municipalityId, placeId });
    await markPlaceBookable(trx, actor.municipalityId, placeId, true);
    await writeAudit(trx, actor, { action: 'create', recordType: 'booking_service', recordId: id });
    return id;
  });
  return ok({ id });
}

export async function updateServiceSettings(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, serviceId: string, input: FormInput): Promise<Result<{ id: string }>> {
  const service = await providedService(deps, actor, console, serviceId);
  if (!service) return failure(bookingErrors.notFound);
  const parsed = serviceSchema.safeParse(input);
  if (!parsed.success) return failure(bookingErrors.invalidInput(fieldErrors(parsed.error.issues)));
  await deps.database.db.transaction().execute(async (trx) => {
    await updateService(trx, service.id, parsed.data);
    await markPlaceBookable(trx, actor.municipalityId, service.place_id, await placeHasActiveService(trx, service.place_id));
    await writeAudit(trx, actor, { action: 'update', recordType: 'booking_service', recordId: service.id });
  });
  return ok({ id: service.id });
}

/** A service as its provider manages it: rules, recurring patterns, closures and the coming slots. */
export async function getServiceForProvider(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, serviceId: string) {
  const service = await providedService(deps, actor, console, serviceId);
  if (!service) return failure(bookingErrors.notFound);
  const db = deps.database.db;
  const at = now();
  const slots = await listSlots(db, { serviceId: service.id }, new Date(at.getTime() - 12 * 3_600_000), new Date(`${addDays(today(), SLOT_HORIZON_DAYS + 1)}T00:00:00+09:00`));
  return ok({
    service,
    patterns: await listPatterns(db, service.id),
    closures: await listClosures(db, service.id, today()),
    slots: slots.map((s) => ({ ...slotView(s, service, at), seatsTaken: s.seats_taken }))
  });
}

/** Adds a recurring slot pattern (weekday + times) and creates its slots for the coming weeks. */
export async function addPattern(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, serviceId: string, input: FormInput): Promise<Result<{ id: string; slots: number }>> {
  const service = await providedService(deps, actor, console, serviceId);
  if (!service) return failure(bookingErrors.notFound);
  const parsed = patternSchema(today()).safeParse(input);
  if (!parsed.success) return failure(bookingErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const result = await deps.database.db.transaction().execute(async (trx) => {
    const { id } = await insertPattern(trx, { ...parsed.data, municipalityId: actor.municipalityId, serviceId: service.id });
    const slots = await generateSlots(trx, { serviceId: service.id });
    await notifyAvailability(trx, service.place_id);
    await writeAudit(trx, actor, { action: 'create', recordType: 'booking_pattern', recordId: id });
    return { id, slots };
  });
  availabilityBus(deps.database, deps.config.databaseUrl).afterCommit([service.place_id]);
  return ok(result);
}

/** Closes the service on a day (a closure): its slots that day are closed and their attendees told. */
export async function addClosure(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, serviceId: string, input: FormInput): Promise<Result<{ closed: number }>> {
  const service = await providedService(deps, actor, console, serviceId);
  if (!service) return failure(bookingErrors.notFound);
  const parsed = closureSchema(today()).safeParse(input);
  if (!parsed.success) return failure(bookingErrors.invalidInput(fieldErrors(parsed.error.issues)));
  await deps.database.db.transaction().execute(async (trx) => {
    await insertClosure(trx, { municipalityId: actor.municipalityId, serviceId: service.id, ...parsed.data });
    await writeAudit(trx, actor, { action: 'create', recordType: 'booking_closure', recordId: service.id });
  });
  let closed = 0;
  for (const slot of await listOpenSlotsOn(deps.database.db, service.id, parsed.data.closedOn)) {
    const result = await closeSlot(deps, actor, console, slot.id, { reason: parsed.data.reason || '休館日' });
    if (result.ok) closed += 1;
  }
  return ok({ closed });
}

export interface RosterEntry {
  id: string;
  status: string;
  seats: number;
  adults: number;
  guardianName: string;
  children: string[];
  channel: string;
  attendance: 'checked_in' | 'no_show' | null;
  attendanceAt: string | null;
  offerExpiresAt: string | null;
  createdAt: string;
}

/** The roster of a slot: who comes (with the children's names), who waits, and who was checked in. */
export async function getRoster(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, slotId: string) {
  const found = await providedSlot(deps, actor, console, slotId);
  if (!found) return failure(bookingErrors.notFound);
  const db = deps.database.db;
  const rows = await listRoster(db, found.slot.id);
  const children = await listChildrenOfBookings(db, rows.map((r) => r.id));
  await writeAudit(db, actor, { action: 'read', recordType: 'booking_roster', recordId: found.slot.id });
  const entries: RosterEntry[] = rows.map((r) => ({
    id: r.id,
    status: r.status,
    seats: r.seats,
    adults: r.adults,
    guardianName: r.guardian_name,
    children: children.filter((c) => c.booking_id === r.id).map((c) => c.name),
    channel: r.channel,
    attendance: r.attendance,
    attendanceAt: r.attendance_at?.toISOString() ?? null,
    offerExpiresAt: r.offer_expires_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString()
  }));
  return ok({ service: found.service, slot: { ...slotView(found.slot, found.service), seatsTaken: found.slot.seats_taken }, entries });
}

/** Records that a booked household arrived (by name on the roster, or by the QR code). Idempotent. */
export async function checkInBooking(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, bookingId: string): Promise<Result<{ id: string; slotId: string; guardianName: string; children: string[]; already: boolean }>> {
  const found = await providedBooking(deps, actor, console, bookingId);
  if (!found) return failure(bookingErrors.notFound);
  if (found.booking.status !== 'confirmed') return failure(bookingErrors.notPending);
  const already = found.booking.attendance === 'checked_in';
  if (!already) {
    await deps.database.db.transaction().execute(async (trx) => {
      await setAttendance(trx, found.booking.id, 'checked_in');
      await writeAudit(trx, actor, { action: 'check_in', recordType: 'booking', recordId: found.booking.id });
    });
  }
  const roster = await listRoster(deps.database.db, found.slot.id);
  const entry = roster.find((r) => r.id === found.booking.id);
  const children = (await listChildrenOfBookings(deps.database.db, [found.booking.id])).map((c) => c.name);
  return ok({ id: found.booking.id, slotId: found.slot.id, guardianName: entry?.guardian_name ?? '', children, already });
}

/** Checks in from the QR code the guardian shows: the signed token names the booking. */
export async function checkInByToken(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, token: string) {
  const bookingId = verifyCheckIn(resolveAuthSecret(deps.config.authSecret, deps.config.dataDir), token);
  if (!bookingId) return failure(bookingErrors.invalidCheckIn);
  return checkInBooking(deps, actor, console, bookingId);
}

/** Marks a booked household that did not come (or undoes a check-in or no-show by mistake). */
export async function setBookingAttendance(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, bookingId: string, attendance: 'no_show' | 'none'): Promise<Result<{ id: string; slotId: string }>> {
  const found = await providedBooking(deps, actor, console, bookingId);
  if (!found) return failure(bookingErrors.notFound);
  if (found.booking.status !== 'confirmed') return failure(bookingErrors.notPending);
  await deps.database.db.transaction().execute(async (trx) => {
    await setAttendance(trx, found.booking.id, attendance === 'none' ? null : 'no_show');
    await writeAudit(trx, actor, { action: attendance === 'none' ? 'clear_attendance' : 'no_show', recordType: 'booking', recordId: found.booking.id });
  });
  return ok({ id: found.booking.id, slotId: found.slot.id });
}

/** The provider approves or declines a booking waiting for approval; a declined booking's seats go to the waiting list. */
export async function decideBooking(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, bookingId: string, decision: 'approve' | 'decline'): Promise<Result<{ id: string; slotId: string }>> {
  const found = await providedBooking(deps, actor, console, bookingId);
  if (!found) return failure(bookingErrors.notFound);
  const { slot, service } = found;
  const db = deps.database.db;
  const result = await db.transaction().execute(async (trx) => {
    const locked = await lockSlot(trx, slot.id);
    const current = await lockBooking(trx, bookingId);
    if (!locked || !current || current.status !== 'pending') return undefined;
    if (decision === 'approve') {
      await setBookingStatus(trx, current.id, ['pending'], { status: 'confirmed', confirmed: true });
      await writeAudit(trx, actor, { action: 'approve', recordType: 'booking', recordId: current.id });
      return { booking: current, promoted: [] };
    }
    await setBookingStatus(trx, current.id, ['pending'], { status: 'declined', cancelled: true });
    await releaseSeats(trx, slot.id, current.seats);
    const promoted = await promoteWaitlist(trx, { ...locked, seats_taken: Math.max(locked.seats_taken - current.seats, 0) }, service);
    await notifyAvailability(trx, slot.place_id);
    await writeAudit(trx, actor, { action: 'decline', recordType: 'booking', recordId: current.id });
    return { booking: current, promoted };
  });
  if (!result) return failure(bookingErrors.notPending);
  await tellAbout(deps, result.booking.id, result.booking.booked_by, decision === 'approve' ? 'approved' : 'declined', slot, service);
  if (decision === 'decline') await announceFreedSeats(deps, slot.id, actor.municipalityId, result.promoted);
  return ok({ id: bookingId, slotId: slot.id });
}

/** Sends the provider's message to everyone holding or waiting for a seat in the slot. */
export async function messageAttendees(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, slotId: string, input: FormInput): Promise<Result<{ sent: number }>> {
  const found = await providedSlot(deps, actor, console, slotId);
  if (!found) return failure(bookingErrors.notFound);
  const parsed = messageSchema.safeParse(input);
  if (!parsed.success) return failure(bookingErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const recipients = await listAttendeeEmails(deps.database.db, found.slot.id, ACTIVE);
  const seen = new Set<string>();
  for (const r of recipients) {
    if (seen.has(r.email)) continue;
    seen.add(r.email);
    await sendAttendeeMessage(deps, { email: r.email, name: r.name }, { placeName: found.service.place_name, ...parsed.data });
  }
  await writeAudit(deps.database.db, actor, { action: 'message_attendees', recordType: 'booking_slot', recordId: found.slot.id });
  return ok({ sent: seen.size });
}

/** Closes a slot: no more bookings, every live booking is cancelled and its household told why. */
export async function closeSlot(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, slotId: string, input: FormInput): Promise<Result<{ cancelled: number }>> {
  const found = await providedSlot(deps, actor, console, slotId);
  if (!found) return failure(bookingErrors.notFound);
  const parsed = closeSlotSchema.safeParse(input);
  if (!parsed.success) return failure(bookingErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const { slot, service } = found;
  const db = deps.database.db;
  const cancelled = await db.transaction().execute(async (trx) => {
    const locked = await lockSlot(trx, slot.id);
    if (!locked || locked.status === 'closed') return [];
    const live = (await listAttendeeEmails(trx, slot.id, ACTIVE)).map((b) => b.id);
    const bookings = [];
    for (const id of live) {
      const current = await lockBooking(trx, id);
      if (!current || !ACTIVE.includes(current.status)) continue;
      await setBookingStatus(trx, id, [current.status], { status: 'cancelled', cancelled: true });
      bookings.push(current);
    }
    await closeSlotRow(trx, slot.id, parsed.data.reason);
    await notifyAvailability(trx, slot.place_id);
    await writeAudit(trx, actor, { action: 'close', recordType: 'booking_slot', recordId: slot.id });
    return bookings;
  });
  availabilityBus(deps.database, deps.config.databaseUrl).afterCommit([slot.place_id]);
  for (const b of cancelled) {
    await tellAbout(deps, b.id, b.booked_by, 'slot_closed', slot, service, { reason: parsed.data.reason });
  }
  return ok({ cancelled: cancelled.filter((b) => SEAT_HOLDING.includes(b.status) || b.status === 'waitlisted').length });
}

/** Confirms or refuses a child's 事前登録 at a place the actor provides at. */
export async function decideRegistration(deps: BookingDeps, actor: ProviderActor, console: ProviderConsole, registrationId: string, decision: 'approve' | 'decline'): Promise<Result<{ id: string }>> {
  if (!idSchema.safeParse(registrationId).success) return failure(bookingErrors.notFound);
  const db = deps.database.db;
  const registration = await findRegistration(db, actor.municipalityId, registrationId);
  const place = registration && (await findPlace(db, actor.municipalityId, registration.place_id));
  if (!registration || !place || !mayProvideAt(actor, console, place)) return failure(bookingErrors.notFound);
  await db.transaction().execute(async (trx) => {
    await decideRegistrationRow(trx, registrationId, decision === 'approve' ? 'approved' : 'declined', actor.userId);
    await writeAudit(trx, actor, { action: decision === 'approve' ? 'approve' : 'decline', recordType: 'booking_registration', recordId: registrationId });
  });
  return ok({ id: registrationId });
}

