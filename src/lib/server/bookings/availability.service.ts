import QRCode from 'qrcode';
import type { PersonActor } from '../households/index.ts';
import { addDays, now, today } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { bookingOpensAt, cancelDeadline, holidayName, isAgeAllowed, needsChildren } from './booking-rules.ts';
import type { BookingDeps } from './booking-notices.ts';
import { bookingErrors } from './bookings.errors.ts';
import {
  ACTIVE,
  findActiveBookingOfHousehold,
  findActiveHouseholdId,
  findAlert,
  findPlace,
  findService,
  findSlot,
  listAlertsOfUser,
  listBookablePlaces as listBookablePlaceRows,
  listBookingsOfHousehold,
  listChildrenOfBookings,
  listChildrenOfHousehold,
  listRegistrationsOfHousehold,
  listServicesOfPlaces,
  listSlots,
  type ServiceRecord,
  type ServiceRow,
  type SlotRecord
} from './bookings.queries.ts';
import { idSchema } from './bookings.schemas.ts';
import type { BookingStatus, ServiceKind } from './bookings.table.ts';
import { signCheckIn } from './check-in-token.ts';
import { resolveAuthSecret } from '../auth/auth-secret.ts';

/** How many days of slots the availability page shows. */
export const AVAILABILITY_DAYS = 28;

export interface SlotView {
  id: string;
  date: string;
  holiday: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  seatsLeft: number;
  status: 'open' | 'closed';
  /** open: bookable now; not_yet: the window opens later; past: started; closed: closed by the provider */
  bookable: 'open' | 'not_yet' | 'past' | 'closed';
  opensAt: string;
}

/** A service as guardians read it: its rules, without the provider's internals. */
export type ServiceView = { id: string } & Omit<ServiceRow, 'municipalityId' | 'placeId' | 'offerHours'>;

export interface PlaceAvailability {
  place: { id: string; name: string; address: string; category: string };
  services: (ServiceView & { slots: SlotView[] })[];
  /** The viewer's household's live bookings here, by slot. */
  mine: Record<string, BookingStatus>;
}

function serviceView(s: ServiceRecord): ServiceView {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    description: s.description,
    capacityUnit: s.capacity_unit,
    minAgeMonths: s.min_age_months,
    maxAgeMonths: s.max_age_months,
    requiresRegistration: s.requires_registration,
    requiresApproval: s.requires_approval,
    opensDaysAhead: s.opens_days_ahead,
    opensAtTime: s.opens_at_time,
    cancelHoursBefore: s.cancel_hours_before,
    cancelByTime: s.cancel_by_time,
    monthlyCap: s.monthly_cap
  };
}

export function slotView(slot: SlotRecord, service: Pick<ServiceRecord, 'opens_days_ahead' | 'opens_at_time'>, at: Date = now()): SlotView {
  const opensAt = bookingOpensAt(service, slot.slot_date);
  const bookable = slot.status === 'closed' ? 'closed' : slot.starts_at <= at ? 'past' : at < opensAt ? 'not_yet' : 'open';
  return {
    id: slot.id,
    date: slot.slot_date,
    holiday: holidayName(slot.slot_date) ?? null,
    startsAt: slot.starts_at.toISOString(),
    endsAt: slot.ends_at.toISOString(),
    capacity: slot.capacity,
    seatsLeft: slot.status === 'closed' ? 0 : Math.max(slot.capacity - slot.seats_taken, 0),
    status: slot.status,
    bookable,
    opensAt: opensAt.toISOString()
  };
}

/**
 * The public availability of a place: its active services and their slots over the coming weeks with
 * the seats left. Anyone may read it; a signed-in guardian also sees which slots their household holds.
 */
export async function getPlaceAvailability(deps: BookingDeps, municipalityId: string, placeId: string, viewer?: PersonActor): Promise<Result<PlaceAvailability>> {
  if (!idSchema.safeParse(placeId).success) return failure(bookingErrors.notFound);
  const db = deps.database.db;
  const place = await findPlace(db, municipalityId, placeId);
  if (!place) return failure(bookingErrors.notFound);
  const at = now();
  const services = (await listServicesOfPlaces(db, [place.id])).filter((s) => s.is_active);
  const slots = await listSlots(db, { placeId: place.id }, new Date(at.getTime() - 3 * 3_600_000), new Date(`${addDays(today(), AVAILABILITY_DAYS)}T00:00:00+09:00`));
  const mine: Record<string, BookingStatus> = {};
  if (viewer) {
    const householdId = await findActiveHouseholdId(db, viewer.userId, municipalityId);
    if (householdId) {
      for (const b of await listBookingsOfHousehold(db, householdId)) if (b.place_id === place.id && ACTIVE.includes(b.status)) mine[b.slot_id] = b.status;
    }
  }
  return ok({
    place: { id: place.id, name: place.name, address: place.address, category: place.category },
    services: services.map((s) => ({
      ...serviceView(s),
      slots: slots.filter((sl) => sl.service_id === s.id).map((sl) => slotView(sl, s, at))
    })),
    mine
  });
}

/** The seats left per slot of a place: what the live stream and the API send. */
export async function getAvailabilitySnapshot(deps: BookingDeps, municipalityId: string, placeId: string) {
  const result = await getPlaceAvailability(deps, municipalityId, placeId);
  if (!result.ok) return result;
  return ok({
    placeId,
    at: now().toISOString(),
    slots: result.value.services.flatMap((s) => s.slots.map((sl) => ({ id: sl.id, serviceId: s.id, seatsLeft: sl.seatsLeft, capacity: sl.capacity, status: sl.status, bookable: sl.bookable })))
  });
}

export interface ChildChoice {
  id: string;
  name: string;
  birthDate: string;
  ageAllowed: boolean;
  registration: 'approved' | 'requested' | 'declined' | 'none' | 'not_needed';
}

export interface SlotBookingView {
  place: { id: string; name: string };
  service: ServiceView;
  slot: SlotView;
  hasHousehold: boolean;
  children: ChildChoice[];
  needsChildren: boolean;
  myBooking: { id: string; status: BookingStatus; seats: number } | null;
  alertSubscribed: boolean;
  cancelDeadline: string;
}

/** One slot with what the viewer needs to book it: their children and whether each may come. */
export async function getSlotBookingView(deps: BookingDeps, municipalityId: string, slotId: string, viewer?: PersonActor): Promise<Result<SlotBookingView>> {
  if (!idSchema.safeParse(slotId).success) return failure(bookingErrors.notFound);
  const db = deps.database.db;
  const slot = await findSlot(db, municipalityId, slotId);
  const service = slot && (await findService(db, municipalityId, slot.service_id));
  if (!slot || !service || !service.is_active) return failure(bookingErrors.notFound);
  let children: ChildChoice[] = [];
  let myBooking: SlotBookingView['myBooking'] = null;
  let hasHousehold = false;
  let alertSubscribed = false;
  if (viewer) {
    const householdId = await findActiveHouseholdId(db, viewer.userId, municipalityId);
    alertSubscribed = Boolean(await findAlert(db, slot.id, viewer.userId));
    if (householdId) {
      hasHousehold = true;
      const registrations = service.requires_registration ? await listRegistrationsOfHousehold(db, householdId, service.place_id) : [];
      children = (await listChildrenOfHousehold(db, householdId)).map((c) => ({
        id: c.id,
        name: c.name,
        birthDate: c.birth_date,
        ageAllowed: isAgeAllowed(service, c.birth_date, slot.slot_date),
        registration: service.requires_registration ? (registrations.find((r) => r.child_id === c.id)?.status ?? 'none') : 'not_needed'
      }));
      const booking = await findActiveBookingOfHousehold(db, slot.id, householdId);
      if (booking) myBooking = { id: booking.id, status: booking.status, seats: booking.seats };
    }
  }
  return ok({
    place: { id: slot.place_id, name: service.place_name },
    service: serviceView(service),
    slot: slotView(slot, service),
    hasHousehold,
    children,
    needsChildren: needsChildren(service.kind),
    myBooking,
    alertSubscribed,
    cancelDeadline: cancelDeadline(service, slot).toISOString()
  });
}

export interface BookablePlace {
  id: string;
  name: string;
  category: string;
  address: string;
  kinds: ServiceKind[];
  openSlots: number;
}

/** Places with something to book, for the "予約できる施設" list. */
export async function listBookablePlaces(deps: BookingDeps, municipalityId: string): Promise<BookablePlace[]> {
  const rows = await listBookablePlaceRows(deps.database.db, municipalityId, now());
  return rows.map((r) => ({ id: r.id, name: r.name, category: r.category, address: r.address, kinds: (r.kinds ?? '').split(',').filter(Boolean) as ServiceKind[], openSlots: Number(r.open_slots) }));
}

export interface MyBooking {
  id: string;
  status: BookingStatus;
  seats: number;
  placeId: string;
  placeName: string;
  serviceName: string;
  kind: ServiceKind;
  slotId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  children: string[];
  channel: string;
  attendance: 'checked_in' | 'no_show' | null;
  isUpcoming: boolean;
  canCancel: boolean;
  cancelDeadline: string;
  offerExpiresAt: string | null;
  closedReason: string | null;
  /** An SVG data URL of the check-in QR code, for upcoming confirmed bookings. */
  checkInQr: string | null;
  checkInUrl: string | null;
  /** The token in the QR code, to type in when a code cannot be scanned. */
  checkInCode: string | null;
}

/** The household's bookings (upcoming first), each with its check-in QR code, and the seat alerts. */
export async function listMyBookings(deps: BookingDeps, actor: PersonActor, origin: string) {
  const db = deps.database.db;
  const householdId = await findActiveHouseholdId(db, actor.userId, actor.municipalityId);
  const alerts = await listAlertsOfUser(db, actor.userId, actor.municipalityId);
  if (!householdId) return { hasHousehold: false, bookings: [] as MyBooking[], alerts };
  const rows = await listBookingsOfHousehold(db, householdId);
  const children = await listChildrenOfBookings(db, rows.map((r) => r.id));
  const at = now();
  const secret = resolveAuthSecret(deps.config.authSecret, deps.config.dataDir);
  const bookings: MyBooking[] = [];
  for (const r of rows) {
    const deadline = cancelDeadline(r, { slot_date: r.slot_date, starts_at: r.starts_at });
    const isUpcoming = r.ends_at > at;
    const holdsSeat = r.status === 'confirmed' || r.status === 'pending';
    let checkInUrl: string | null = null;
    let checkInQr: string | null = null;
    let checkInCode: string | null = null;
    if (isUpcoming && r.status === 'confirmed') {
      const console = r.organization_id ? 'org' : 'staff';
      checkInCode = signCheckIn(secret, r.id);
      checkInUrl = `${origin}/${console}/bookings/check-in?token=${encodeURIComponent(checkInCode)}`;
      const svg = await QRCode.toString(checkInUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      checkInQr = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    }
    bookings.push({
      id: r.id,
      status: r.status,
      seats: r.seats,
      placeId: r.place_id,
      placeName: r.place_name,
      serviceName: r.service_name,
      kind: r.kind,
      slotId: r.slot_id,
      date: r.slot_date,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      children: children.filter((c) => c.booking_id === r.id).map((c) => c.name),
      channel: r.channel,
      attendance: r.attendance,
      isUpcoming,
      canCancel: ACTIVE.includes(r.status) && isUpcoming && (!holdsSeat || at <= deadline),
      cancelDeadline: deadline.toISOString(),
      offerExpiresAt: r.offer_expires_at?.toISOString() ?? null,
      closedReason: r.slot_status === 'closed' ? r.closed_reason : null,
      checkInQr,
      checkInUrl,
      checkInCode
    });
  }
  bookings.sort((a, b) => Number(b.isUpcoming) - Number(a.isUpcoming) || (a.isUpcoming ? a.startsAt.localeCompare(b.startsAt) : b.startsAt.localeCompare(a.startsAt)));
  return { hasHousehold: true, bookings, alerts };
}
