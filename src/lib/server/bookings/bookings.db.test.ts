import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard, seedOtherMunicipality } from '../testing/fixtures.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import { addDays, now, setClock, today } from '../platform/clock.ts';
import { resolveAuthSecret } from '../auth/auth-secret.ts';
import { acceptOffer, cancelBooking, expireOffers, reserveSlot } from './bookings.service.ts';
import { requestRegistration, subscribeSeatAlert } from './alerts.service.ts';
import {
  addClosure,
  addPattern,
  checkInByToken,
  closeSlot,
  decideBooking,
  decideRegistration,
  getRoster,
  getServiceForProvider,
  listProviderPlaces,
  messageAttendees,
  setBookingAttendance,
  type ProviderActor
} from './provider.service.ts';
import { getPlaceAvailability, listMyBookings } from './availability.service.ts';
import { signCheckIn } from './check-in-token.ts';
import { createHouseholds, createServiceWithSlot, createSlot, slotState } from './bookings.testing.queries.ts';

let app: TestApp;
let municipalityId: string;
let userIds: Record<string, string>;
let npo: ProviderActor;
let staff: ProviderActor;

async function providerOf(userId: string): Promise<ProviderActor> {
  return { userId, municipalityId, requestId: 'test', roles: await findActiveRoleAssignments(app.database.db, userId, municipalityId, today()) };
}

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId, userIds } = await seedWard(app));
  npo = await providerOf(userIds.org);
  staff = await providerOf(userIds.staff);
});
afterAll(() => app.stop());
afterEach(() => setClock(undefined));

const mailTo = (email: string) => app.sentMail.filter((m) => m.to === email);

describe('booking', () => {
  it('records the channel, the time and the notice it came from, and emails the guardian a confirmation', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 5 });
    const [family] = await createHouseholds(app.database.db, municipalityId, 1, () => 2);
    const result = await reserveSlot(app, family.actor, { slotId: slot.slotId, childIds: family.childIds, noticeId: 'notice-2026-04' }, 'api');
    expect(result.ok && result.value).toMatchObject({ status: 'confirmed', seats: 2, replayed: false });
    const state = await slotState(app.database.db, slot.slotId);
    expect(state.rows[0]).toMatchObject({ channel: 'api', notice_id: 'notice-2026-04', seats: 2 });
    const email = (await app.database.db.selectFrom('user').select('email').where('id', '=', family.actor.userId).executeTakeFirstOrThrow()).email;
    expect(mailTo(email).at(-1)?.subject).toContain('予約が確定しました');
    expect(mailTo(email).at(-1)?.text).toContain('子 0-0、子 0-1');
  });

  it('a session counted in people takes a seat per child and per adult; a consultation counted in households takes one', async () => {
    const session = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 5, service: { kind: 'session', capacityUnit: 'people' } });
    const consultation = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 1, service: { kind: 'consultation', capacityUnit: 'households' } });
    const [a, b] = await createHouseholds(app.database.db, municipalityId, 2, () => 2);
    const three = await reserveSlot(app, a.actor, { slotId: session.slotId, childIds: a.childIds, adults: '1' }, 'web');
    expect(three.ok && three.value.seats).toBe(3);
    const tooMany = await reserveSlot(app, b.actor, { slotId: session.slotId, childIds: b.childIds, adults: '2' }, 'web');
    expect(tooMany.ok ? '' : tooMany.error.code).toBe('bookings.slot_full');
    const adultsOnly = await reserveSlot(app, b.actor, { slotId: session.slotId, childIds: [], adults: '2' }, 'web');
    expect(adultsOnly.ok && adultsOnly.value.seats).toBe(2);
    const household = await reserveSlot(app, a.actor, { slotId: consultation.slotId, childIds: a.childIds }, 'web');
    expect(household.ok && household.value.seats).toBe(1);
    const second = await reserveSlot(app, b.actor, { slotId: consultation.slotId, childIds: [] }, 'web');
    expect(second.ok ? '' : second.error.code).toBe('bookings.slot_full');
  });

  it('a household cannot hold two bookings in one slot, and only its own children can be booked', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 5 });
    const [a, b] = await createHouseholds(app.database.db, municipalityId, 2, () => 1);
    expect((await reserveSlot(app, a.actor, { slotId: slot.slotId, childIds: a.childIds }, 'web')).ok).toBe(true);
    const again = await reserveSlot(app, a.actor, { slotId: slot.slotId, childIds: a.childIds }, 'web');
    expect(again.ok ? '' : again.error.code).toBe('bookings.already_booked');
    const others = await reserveSlot(app, b.actor, { slotId: slot.slotId, childIds: a.childIds }, 'web');
    expect(others.ok ? {} : others.error.fields).toEqual({ childIds: 'bookings_error_children_unknown' });
  });

  it('opens N days ahead at the set hour; 病児保育 opens the same morning and can be cancelled until its hour', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipalityId, {
      capacity: 2,
      daysAhead: 1,
      service: { kind: 'sick_child_care', opensDaysAhead: 0, opensAtTime: '06:30', cancelByTime: '08:00', cancelHoursBefore: 0 },
      startTime: '08:30',
      endTime: '18:00'
    });
    const [family] = await createHouseholds(app.database.db, municipalityId, 1, () => 1);
    setClock(`${slot.date}T06:29:00+09:00`);
    const early = await reserveSlot(app, family.actor, { slotId: slot.slotId, childIds: family.childIds }, 'web');
    expect(early.ok ? '' : early.error.code).toBe('bookings.not_open_yet');
    setClock(`${slot.date}T06:30:00+09:00`);
    const booked = await reserveSlot(app, family.actor, { slotId: slot.slotId, childIds: family.childIds }, 'web');
    if (!booked.ok) throw new Error(booked.error.code);
    setClock(`${slot.date}T08:01:00+09:00`);
    const late = await cancelBooking(app, family.actor, booked.value.bookingId);
    expect(late.ok ? '' : late.error.code).toBe('bookings.cancel_deadline_passed');
    setClock(`${slot.date}T07:59:00+09:00`);
    expect((await cancelBooking(app, family.actor, booked.value.bookingId)).ok).toBe(true);
  });

  it('keeps to age limits, the monthly cap per household, and 事前登録 confirmed by the provider', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 10, service: { minAgeMonths: 6, maxAgeMonths: 12, requiresRegistration: true, monthlyCap: 1 } });
    const [family] = await createHouseholds(app.database.db, municipalityId, 1, () => 1, addDays(today(), -270));
    const [older] = await createHouseholds(app.database.db, municipalityId, 1, () => 1, addDays(today(), -800));
    const tooOld = await reserveSlot(app, older.actor, { slotId: slot.slotId, childIds: older.childIds }, 'web');
    expect(tooOld.ok ? '' : tooOld.error.code).toBe('bookings.child_not_eligible');
    const unregistered = await reserveSlot(app, family.actor, { slotId: slot.slotId, childIds: family.childIds }, 'web');
    expect(unregistered.ok ? '' : unregistered.error.code).toBe('bookings.registration_required');
    expect((await requestRegistration(app, family.actor, slot.serviceId, family.childIds[0])).ok).toBe(true);
    const places = await listProviderPlaces(app, staff, 'staff');
    const registration = places.find((p) => p.id === slot.placeId)!.registrations[0];
    expect(registration.status).toBe('requested');
    expect((await decideRegistration(app, npo, 'org', registration.id, 'approve')).ok).toBe(false);
    expect((await decideRegistration(app, staff, 'staff', registration.id, 'approve')).ok).toBe(true);
    expect((await reserveSlot(app, family.actor, { slotId: slot.slotId, childIds: family.childIds }, 'web')).ok).toBe(true);
    const second = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 10, service: { monthlyCap: 1 } });
    const secondSlot = await createSlot(app.database.db, {
      municipalityId,
      serviceId: second.serviceId,
      placeId: second.placeId,
      date: second.date,
      startTime: '14:00',
      endTime: '15:00',
      capacity: 10
    });
    expect((await reserveSlot(app, family.actor, { slotId: second.slotId, childIds: family.childIds }, 'web')).ok).toBe(true);
    const capped = await reserveSlot(app, family.actor, { slotId: secondSlot, childIds: family.childIds }, 'web');
    expect(capped.ok ? '' : capped.error.code).toBe('bookings.monthly_cap_reached');
  });
});

describe('the waiting list', () => {
  it('with approval on: a freed seat is offered for a time, the offer expires by the job, and the next household gets it', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 1, daysAhead: 3, service: { requiresApproval: true, offerHours: 2 } });
    const [holder, first, second] = await createHouseholds(app.database.db, municipalityId, 3, () => 1);
    const held = await reserveSlot(app, holder.actor, { slotId: slot.slotId, childIds: holder.childIds }, 'web');
    expect(held.ok && held.value.status).toBe('pending');
    const w1 = await reserveSlot(app, first.actor, { slotId: slot.slotId, childIds: first.childIds, joinWaitlist: true }, 'web');
    const w2 = await reserveSlot(app, second.actor, { slotId: slot.slotId, childIds: second.childIds, joinWaitlist: true }, 'web');
    expect([w1.ok && w1.value.status, w2.ok && w2.value.status]).toEqual(['waitlisted', 'waitlisted']);

    // The ward declines the first request: the seat is offered to the first household in line.
    expect((await decideBooking(app, staff, 'staff', held.ok ? held.value.bookingId : '', 'decline')).ok).toBe(true);
    let state = await slotState(app.database.db, slot.slotId);
    expect(state.rows.find((r) => r.household_id === first.householdId)?.status).toBe('offered');
    expect(state.seats_taken).toBe(1);

    // Nobody answers; three hours later the job gives the seat to the next household.
    setClock(new Date(now().getTime() + 3 * 3_600_000));
    expect(await expireOffers(app)).toBe(1);
    state = await slotState(app.database.db, slot.slotId);
    expect(state.rows.find((r) => r.household_id === first.householdId)?.status).toBe('expired');
    const offered = state.rows.find((r) => r.household_id === second.householdId)!;
    expect(offered.status).toBe('offered');
    expect(state.seats_taken).toBe(1);
    expect(await expireOffers(app)).toBe(0);

    // The second household accepts in time, and the ward approves.
    expect((await acceptOffer(app, second.actor, offered.id)).ok).toBe(true);
    expect((await decideBooking(app, staff, 'staff', offered.id, 'approve')).ok).toBe(true);
    state = await slotState(app.database.db, slot.slotId);
    expect(state.confirmedSeats).toBe(1);
    expect(state.heldSeats).toBe(1);
  });

  it('"tell me when a seat opens" sends one mail when a seat frees up', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 1 });
    const [holder, watcher] = await createHouseholds(app.database.db, municipalityId, 2, () => 1);
    const held = await reserveSlot(app, holder.actor, { slotId: slot.slotId, childIds: holder.childIds }, 'web');
    expect((await subscribeSeatAlert(app, watcher.actor, slot.slotId)).ok).toBe(true);
    await cancelBooking(app, holder.actor, held.ok ? held.value.bookingId : '');
    const email = (await app.database.db.selectFrom('user').select('email').where('id', '=', watcher.actor.userId).executeTakeFirstOrThrow()).email;
    expect(mailTo(email).map((m) => m.subject)).toEqual([expect.stringContaining('空きが出ました')]);
  });
});

describe('providers', () => {
  it('see only their own places: the NPO member its ひろば, ward staff the ward-run places', async () => {
    const orgPlaces = (await listProviderPlaces(app, npo, 'org')).map((p) => p.name);
    const wardPlaces = (await listProviderPlaces(app, staff, 'staff')).map((p) => p.name);
    // The NPO runs several demo places; only the ひろば has a booking service, and no ward-run place is listed.
    expect(orgPlaces).toContain('子育てひろば さくら');
    expect(orgPlaces).not.toContain('一時預かり さくら保育園');
    expect(wardPlaces).toEqual(expect.arrayContaining(['一時預かり さくら保育園', '病児保育室 かわべ', 'さくら区保健センター']));
    expect(wardPlaces).not.toContain('子育てひろば さくら');
    const hiroba = (await listProviderPlaces(app, npo, 'org')).find((p) => p.name === '子育てひろば さくら')!;
    expect((await getServiceForProvider(app, staff, 'staff', hiroba.services[0].id)).ok).toBe(false);
    expect((await getServiceForProvider(app, npo, 'org', hiroba.services[0].id)).ok).toBe(true);
    expect((await listProviderPlaces(app, npo, 'staff')).length).toBe(0);
  });

  it('a place of another municipality is not found, even for its provider role', async () => {
    const other = await seedOtherMunicipality(app);
    const slot = await createServiceWithSlot(app.database.db, other.municipalityId, { capacity: 3 });
    expect((await getPlaceAvailability(app, municipalityId, slot.placeId)).ok).toBe(false);
    expect((await getRoster(app, staff, 'staff', slot.slotId)).ok).toBe(false);
  });

  it('check a family in by the QR code, see it on the roster, message the attendees and close the slot (everyone told)', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 4 });
    const [a, b] = await createHouseholds(app.database.db, municipalityId, 2, () => 1);
    const booked = await reserveSlot(app, a.actor, { slotId: slot.slotId, childIds: a.childIds }, 'web');
    const other = await reserveSlot(app, b.actor, { slotId: slot.slotId, childIds: b.childIds }, 'web');
    const bookingId = booked.ok ? booked.value.bookingId : '';
    const mine = await listMyBookings(app, a.actor, 'https://hagukumi.example');
    expect(mine.bookings[0].checkInUrl).toMatch(/^https:\/\/hagukumi\.example\/staff\/bookings\/check-in\?token=/);
    expect(mine.bookings[0].checkInQr).toMatch(/^data:image\/svg\+xml;base64,/);

    const secret = resolveAuthSecret(app.config.authSecret, app.config.dataDir);
    const forged = await checkInByToken(app, staff, 'staff', `${bookingId}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    expect(forged.ok ? '' : forged.error.code).toBe('bookings.invalid_check_in');
    const wrongConsole = await checkInByToken(app, npo, 'org', signCheckIn(secret, bookingId));
    expect(wrongConsole.ok).toBe(false);
    const checked = await checkInByToken(app, staff, 'staff', signCheckIn(secret, bookingId));
    expect(checked.ok && checked.value.already).toBe(false);
    const twice = await checkInByToken(app, staff, 'staff', signCheckIn(secret, bookingId));
    expect(twice.ok && twice.value.already).toBe(true);
    const otherId = other.ok ? other.value.bookingId : '';
    expect((await setBookingAttendance(app, staff, 'staff', otherId, 'no_show')).ok).toBe(true);
    let roster = await getRoster(app, staff, 'staff', slot.slotId);
    expect(roster.ok && roster.value.entries.map((e) => e.attendance)).toEqual(['checked_in', 'no_show']);
    expect((await setBookingAttendance(app, staff, 'staff', otherId, 'none')).ok).toBe(true);
    roster = await getRoster(app, staff, 'staff', slot.slotId);
    expect(roster.ok && roster.value.entries.map((e) => e.attendance)).toEqual(['checked_in', null]);
    expect((await setBookingAttendance(app, npo, 'org', otherId, 'no_show')).ok).toBe(false);

    const before = app.sentMail.length;
    const sent = await messageAttendees(app, staff, 'staff', slot.slotId, { subject: '持ち物', body: '着替えをお持ちください。' });
    expect(sent.ok && sent.value.sent).toBe(2);
    expect(app.sentMail.slice(before).every((m) => m.text.includes('着替えをお持ちください。'))).toBe(true);
    const noReason = await closeSlot(app, staff, 'staff', slot.slotId, { reason: '' });
    expect(noReason.ok ? {} : noReason.error.fields).toEqual({ reason: 'bookings_error_reason_required' });
    const closed = await closeSlot(app, staff, 'staff', slot.slotId, { reason: '臨時休館' });
    expect(closed.ok && closed.value.cancelled).toBe(2);
    const state = await slotState(app.database.db, slot.slotId);
    expect(state).toMatchObject({ status: 'closed', seats_taken: 0 });
    expect(state.rows.every((r) => r.status === 'cancelled')).toBe(true);
    expect(app.sentMail.slice(-2).every((m) => m.subject.includes('中止') && m.text.includes('臨時休館'))).toBe(true);
  });

  it('a weekly pattern creates slots for the coming weeks, leaving out national holidays and closures', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 3 });
    setClock('2026-11-16T09:00:00+09:00'); // a Monday; 23 Nov 2026 (Monday) is 勤労感謝の日
    const added = await addPattern(app, staff, 'staff', slot.serviceId, { weekday: '1', startTime: '13:00', endTime: '14:00', capacity: '3', validFrom: '2026-11-16', validUntil: '2026-12-14', skipHolidays: 'on' });
    expect(added.ok && added.value.slots).toBe(4); // 16 Nov, 30 Nov, 7 Dec, 14 Dec
    expect((await addClosure(app, staff, 'staff', slot.serviceId, { closedOn: '2026-12-07', reason: '設備点検' })).ok).toBe(true);
    const view = await getServiceForProvider(app, staff, 'staff', slot.serviceId);
    const mondays = view.ok ? view.value.slots.filter((s) => s.startsAt.endsWith('T04:00:00.000Z') && s.status === 'open').map((s) => s.date) : [];
    expect(mondays).toEqual(['2026-11-16', '2026-11-30', '2026-12-14']);
  });
});
