import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard } from '../testing/fixtures.ts';
import { addDays, setClock, today } from '../platform/clock.ts';
import { listDistricts } from '../municipalities/index.ts';
import { acceptMemberInvitation, inviteMember, registerOrganization, type OrgActor } from '../organizations/index.ts';
import { cancelBooking, reserveSlot } from '../bookings/index.ts';
import { createHouseholds } from '../bookings/bookings.testing.queries.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { eventForm as baseForm } from './events.testing.ts';
import { createEvent, getEventForEditing, getPublicEvent, listOrganizationEvents, listPublicEvents, publishEvent, unpublishEvent, updateEvent } from './index.ts';

let app: TestApp;
let municipalityId: string;
let districtIds: string[];
let owner: OrgActor;
let editor: OrgActor;
let viewer: OrgActor;
let placeId: string;
let counter = 0;
const linkFor = (path: string) => `http://sakura.test${path}`;

async function newPerson(label: string): Promise<OrgActor & { email: string }> {
  counter += 1;
  const email = `${label}${counter}@example.jp`;
  const userId = await createPerson(app, municipalityId, email, `${label} ${counter}`);
  return { userId, municipalityId, email };
}

async function join(orgId: string, by: OrgActor, orgRole: 'editor' | 'viewer'): Promise<OrgActor> {
  const person = await newPerson(orgRole);
  const invited = await inviteMember(app, by, orgId, { email: person.email, orgRole }, linkFor);
  if (!invited.ok) throw new Error(JSON.stringify(invited.error));
  const token = decodeURIComponent(/token=([A-Za-z0-9_-]+)/.exec(app.sentMail.at(-1)?.text ?? '')![1]);
  const accepted = await acceptMemberInvitation(app, person, token);
  if (!accepted.ok) throw new Error(JSON.stringify(accepted.error));
  return { userId: person.userId, municipalityId };
}

beforeAll(async () => {
  app = await openTestApp();
  const ward = await seedWard(app);
  municipalityId = ward.municipalityId;
  districtIds = (await listDistricts(app.database.db, municipalityId)).map((d) => d.id);
  owner = { userId: ward.userIds.org, municipalityId };
  editor = await join('demo-npo', owner, 'editor');
  viewer = await join('demo-npo', owner, 'viewer');
  placeId = (await app.database.db.selectFrom('place').select('id').where('municipality_id', '=', municipalityId).where('is_published', '=', true).orderBy('name').executeTakeFirstOrThrow()).id;
});
afterAll(() => app.stop());
const eventForm = (overrides: Record<string, unknown> = {}) => baseForm(placeId, overrides);
afterEach(() => setClock(undefined));

async function created(actor: OrgActor, overrides: Record<string, unknown> = {}, publish = true): Promise<string> {
  const result = await createEvent(app, actor, 'demo-npo', eventForm(overrides), { publish });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.id;
}

async function eventCount(): Promise<number> {
  const row = await app.database.db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('who may publish events', () => {
  it('an editor of a verified organization publishes; the event is public and its registration opens through bookings', async () => {
    const id = await created(editor);
    const event = await getPublicEvent(app, municipalityId, id);
    expect(event.ok && event.value).toMatchObject({ title: '親子リトミック', registration: 'bookings', capacity: 3, capacityUnit: 'households', ageMinMonths: 12, ageMaxMonths: 47, isFree: true, seatsLeft: 3 });
    expect(event.ok && event.value.occurrences).toHaveLength(1);
    expect(event.ok && event.value.occurrences[0].slotId).toBeTruthy();
    const audit = await listAuditEntries(app.database.db, { municipalityId, recordType: 'event', recordId: id });
    expect(audit.map((a) => a.action)).toContain('event.publish');
  });

  it('a viewer cannot create, edit or publish, and nothing is written', async () => {
    const before = await eventCount();
    const result = await createEvent(app, viewer, 'demo-npo', eventForm(), { publish: true });
    expect(result.ok ? '' : result.error.code).toBe('events.cannot_publish');
    const id = await created(owner, {}, false);
    const edit = await updateEvent(app, viewer, 'demo-npo', id, eventForm({ title: '変更' }));
    expect(edit.ok ? '' : edit.error.code).toBe('events.cannot_publish');
    const publish = await publishEvent(app, viewer, 'demo-npo', id);
    expect(publish.ok ? '' : publish.error.code).toBe('events.cannot_publish');
    expect(await eventCount()).toBe(before + 1);
    const listed = await listOrganizationEvents(app, viewer, 'demo-npo');
    expect(listed.ok && listed.value.canPublish).toBe(false);
  });

  it('a member of organization A cannot see or edit organization B’s events (not found)', async () => {
    const other = await newPerson('other-owner');
    const registered = await registerOrganization(
      app,
      other,
      { type: 'voluntary', name: 'よその会', nameKana: 'よそのかい', purpose: '遊びます。', districtIds: [districtIds[0]], contactEmail: 'yoso@example.jp', contactPhone: '', url: '', corporateNumber: '' },
      linkFor
    );
    if (!registered.ok) throw new Error('register');
    const id = await created(owner);
    const edit = await updateEvent(app, other, 'demo-npo', id, eventForm({ title: '乗っ取り' }));
    expect(edit.ok ? '' : edit.error.code).toBe('platform.not_found');
    const viaOwnOrg = await updateEvent(app, other, registered.value.id, id, eventForm({ title: '乗っ取り' }));
    expect(viaOwnOrg.ok ? '' : viaOwnOrg.error.code).toBe('events.cannot_publish');
    const read = await getEventForEditing(app, other, 'demo-npo', id);
    expect(read.ok).toBe(false);
    // And an unverified organization cannot publish at all.
    const own = await createEvent(app, other, registered.value.id, eventForm(), { publish: true });
    expect(own.ok ? '' : own.error.code).toBe('events.cannot_publish');
    const event = await getPublicEvent(app, municipalityId, id);
    expect(event.ok && event.value.title).toBe('親子リトミック');
  });

  it('a draft and an unpublished event are not public', async () => {
    const id = await created(owner, { title: '下書きの会' }, false);
    expect((await getPublicEvent(app, municipalityId, id)).ok).toBe(false);
    expect((await publishEvent(app, owner, 'demo-npo', id)).ok).toBe(true);
    expect((await getPublicEvent(app, municipalityId, id)).ok).toBe(true);
    expect((await unpublishEvent(app, owner, 'demo-npo', id)).ok).toBe(true);
    expect((await getPublicEvent(app, municipalityId, id)).ok).toBe(false);
  });
});

describe('the event form refuses bad input beside the field, changing nothing', () => {
  it('a past date', async () => {
    const before = await eventCount();
    const result = await createEvent(app, owner, 'demo-npo', eventForm({ date: addDays(today(), -1) }), { publish: true });
    expect(result.ok ? null : result.error.fields).toEqual({ date: 'events_error_date_past' });
    expect(await eventCount()).toBe(before);
  });

  it('an end before the start, a missing title, registration at a free address, a paid event without a fee', async () => {
    const result = await createEvent(app, owner, 'demo-npo', eventForm({ title: ' ', endTime: '09:00', placeMode: 'address', address: '桜町1-1', feeKind: 'paid' }));
    expect(result.ok ? null : result.error.fields).toMatchObject({
      title: 'events_error_title_required',
      endTime: 'events_error_end_before_start',
      registration: 'events_error_registration_needs_place',
      feeYen: 'events_error_fee_invalid'
    });
  });

  it('a capacity below the current registrations is refused and the event stays as it was; a larger one moves the waiting list in', async () => {
    const id = await created(owner, { capacity: '2', capacityUnit: 'households' });
    const event = await getPublicEvent(app, municipalityId, id);
    const slotId = event.ok ? event.value.occurrences[0].slotId! : '';
    const [a, b, c] = await createHouseholds(app.database.db, municipalityId, 3, () => 1, addDays(today(), -600));
    expect((await reserveSlot(app, a.actor, { slotId, childIds: a.childIds }, 'web')).ok).toBe(true);
    expect((await reserveSlot(app, b.actor, { slotId, childIds: b.childIds }, 'web')).ok).toBe(true);
    const waiting = await reserveSlot(app, c.actor, { slotId, childIds: c.childIds, joinWaitlist: 'on' }, 'web');
    expect(waiting.ok && waiting.value.status).toBe('waitlisted');

    const smaller = await updateEvent(app, owner, 'demo-npo', id, eventForm({ capacity: '1', title: '名前も変えたい' }));
    expect(smaller.ok ? null : smaller.error.fields).toEqual({ capacity: 'events_error_capacity_below_registrations' });
    const unchanged = await getPublicEvent(app, municipalityId, id);
    expect(unchanged.ok && unchanged.value).toMatchObject({ title: '親子リトミック', capacity: 2 });
    expect(unchanged.ok && unchanged.value.occurrences[0]).toMatchObject({ capacity: 2, seatsLeft: 0, waiting: 1 });

    const moved = await updateEvent(app, owner, 'demo-npo', id, eventForm({ date: addDays(today(), 11) }));
    expect(moved.ok ? null : moved.error.fields).toEqual({ date: 'events_error_schedule_locked' });

    const larger = await updateEvent(app, owner, 'demo-npo', id, eventForm({ capacity: '3' }));
    expect(larger.ok).toBe(true);
    const after = await getPublicEvent(app, municipalityId, id);
    expect(after.ok && after.value.occurrences[0]).toMatchObject({ capacity: 3, seatsLeft: 0, waiting: 0 });
    expect(after.ok && after.value.capacity).toBe(3);
  });

  it('editing an event nobody registered for may move it; the old slot goes and the new one takes bookings', async () => {
    const id = await created(owner);
    const moved = await updateEvent(app, owner, 'demo-npo', id, eventForm({ date: addDays(today(), 20), startTime: '13:00', endTime: '14:00' }));
    expect(moved.ok).toBe(true);
    const event = await getPublicEvent(app, municipalityId, id);
    expect(event.ok && event.value.occurrences.map((o) => o.date)).toEqual([addDays(today(), 20)]);
    const [family] = await createHouseholds(app.database.db, municipalityId, 1, () => 1, addDays(today(), -600));
    const booked = await reserveSlot(app, family.actor, { slotId: event.ok ? event.value.occurrences[0].slotId : '', childIds: family.childIds }, 'web');
    expect(booked.ok && booked.value.status).toBe('confirmed');
  });
});

describe('changing an event that had registrations', () => {
  it('with only a cancelled registration the date may move; the old slot closes so nobody books the old time', async () => {
    const id = await created(owner);
    const before = await getPublicEvent(app, municipalityId, id);
    const oldSlot = before.ok ? before.value.occurrences[0].slotId! : '';
    const [family] = await createHouseholds(app.database.db, municipalityId, 1, () => 1, addDays(today(), -600));
    const booked = await reserveSlot(app, family.actor, { slotId: oldSlot, childIds: family.childIds }, 'web');
    expect((await cancelBooking(app, family.actor, booked.ok ? booked.value.bookingId : '')).ok).toBe(true);
    expect((await updateEvent(app, owner, 'demo-npo', id, eventForm({ date: addDays(today(), 15) }))).ok).toBe(true);
    const [other] = await createHouseholds(app.database.db, municipalityId, 1, () => 1, addDays(today(), -600));
    const stale = await reserveSlot(app, other.actor, { slotId: oldSlot, childIds: other.childIds }, 'web');
    expect(stale.ok).toBe(false);
    const after = await getPublicEvent(app, municipalityId, id);
    expect(after.ok && after.value.occurrences.map((o) => o.date)).toEqual([addDays(today(), 15)]);
  });

  it('with a registration held, how the capacity is counted cannot change', async () => {
    const id = await created(owner, { capacityUnit: 'households', capacity: '5' });
    const event = await getPublicEvent(app, municipalityId, id);
    const [family] = await createHouseholds(app.database.db, municipalityId, 1, () => 1, addDays(today(), -600));
    await reserveSlot(app, family.actor, { slotId: event.ok ? event.value.occurrences[0].slotId : '', childIds: family.childIds }, 'web');
    const changed = await updateEvent(app, owner, 'demo-npo', id, eventForm({ capacityUnit: 'people', capacity: '5' }));
    expect(changed.ok ? null : changed.error.fields).toEqual({ capacityUnit: 'events_error_unit_locked' });
  });
});

describe('recurring events and registration', () => {
  it('a weekly event for 4 weeks has 4 occurrences, each a slot; a registration from a notice records the notice id', async () => {
    const first = addDays(today(), 3);
    const id = await created(owner, { recurrence: 'weekly', repeatWeeks: '4', date: first, capacityUnit: 'people', capacity: '10' });
    const event = await getPublicEvent(app, municipalityId, id);
    if (!event.ok) throw new Error('not public');
    expect(event.value.occurrences.map((o) => o.date)).toEqual([first, addDays(first, 7), addDays(first, 14), addDays(first, 21)]);
    expect(event.value.endsOn).toBe(addDays(first, 21));
    const [family] = await createHouseholds(app.database.db, municipalityId, 1, () => 2, addDays(today(), -700));
    const booked = await reserveSlot(app, family.actor, { slotId: event.value.occurrences[1].slotId, childIds: family.childIds, adults: '1', noticeId: 'guidance-notice-7' }, 'web');
    expect(booked.ok && booked.value).toMatchObject({ status: 'confirmed', seats: 3 });
    const row = await app.database.db.selectFrom('booking').select(['notice_id', 'seats']).where('id', '=', booked.ok ? booked.value.bookingId : '').executeTakeFirstOrThrow();
    expect(row).toEqual({ notice_id: 'guidance-notice-7', seats: 3 });
    const after = await getPublicEvent(app, municipalityId, id);
    expect(after.ok && after.value.occurrences[1].seatsLeft).toBe(7);
    expect(after.ok && after.value.occurrences[0].seatsLeft).toBe(10);
    expect((await cancelBooking(app, family.actor, booked.ok ? booked.value.bookingId : '')).ok).toBe(true);
  });

  it('an unpublished event takes no new registrations', async () => {
    const id = await created(owner);
    const event = await getPublicEvent(app, municipalityId, id);
    const slotId = event.ok ? event.value.occurrences[0].slotId : '';
    await unpublishEvent(app, owner, 'demo-npo', id);
    const [family] = await createHouseholds(app.database.db, municipalityId, 1, () => 1, addDays(today(), -600));
    const booked = await reserveSlot(app, family.actor, { slotId, childIds: family.childIds }, 'web');
    expect(booked.ok).toBe(false);
  });
});

describe('the public list', () => {
  it('filters by date range, age, district, free and seats, and pages with a cursor', async () => {
    const day = addDays(today(), 40);
    const tag = `フィルタ${Date.now()}`;
    const baby = await created(owner, { title: `${tag} 赤ちゃん`, date: day, minAge: '0', minAgeUnit: 'months', maxAge: '11', maxAgeUnit: 'months', districtId: districtIds[1] });
    const paid = await created(owner, { title: `${tag} 有料`, date: day, minAge: '', maxAge: '', feeKind: 'paid', feeYen: '500', registration: 'none', capacity: '' });
    const full = await created(owner, { title: `${tag} 満席`, date: addDays(day, 1), capacity: '1', minAge: '', maxAge: '' });
    const [family] = await createHouseholds(app.database.db, municipalityId, 1, () => 1, addDays(today(), -600));
    const fullEvent = await getPublicEvent(app, municipalityId, full);
    await reserveSlot(app, family.actor, { slotId: fullEvent.ok ? fullEvent.value.occurrences[0].slotId : '', childIds: family.childIds }, 'web');
    const ids = async (filter: Record<string, string>) => {
      const page = await listPublicEvents(app, municipalityId, { from: day, to: addDays(day, 1), ...filter }, { limit: 50 });
      if (!page.ok) throw new Error(JSON.stringify(page.error));
      return page.value.items.filter((i) => i.title.startsWith(tag)).map((i) => i.id);
    };
    expect(await ids({})).toEqual([baby, paid, full].sort((a, b) => (a === full ? 1 : b === full ? -1 : a.localeCompare(b))));
    expect(await ids({ age: '0' })).toEqual(expect.arrayContaining([baby, paid, full]));
    expect(await ids({ age: '2' })).not.toContain(baby);
    expect(await ids({ free: '1' })).not.toContain(paid);
    expect(await ids({ has_seats: '1', hasSeats: '1' })).not.toContain(full);
    expect(await ids({ district: districtIds[0] })).not.toContain(baby);
    expect(await ids({ district: districtIds[1] })).toContain(baby);
    expect(await ids({ to: addDays(day, 0) })).not.toContain(full);

    const first = await listPublicEvents(app, municipalityId, { from: day, to: addDays(day, 1) }, { limit: 1 });
    expect(first.ok && first.value.nextCursor).toBeTruthy();
    const second = await listPublicEvents(app, municipalityId, { from: day, to: addDays(day, 1), cursor: first.ok ? first.value.nextCursor! : '' }, { limit: 1 });
    expect(second.ok && second.value.items[0].id).not.toBe(first.ok && first.value.items[0].id);
  });

  it('refuses bad filters per field instead of failing', async () => {
    const result = await listPublicEvents(app, municipalityId, { from: '2026-13-01', age: 'abc', district: 'x', cursor: '!!' });
    expect(result.ok ? null : result.error.fields).toMatchObject({ from: 'events_error_date_invalid', age: 'events_error_age_invalid', district: 'events_error_district_invalid' });
    const cursor = await listPublicEvents(app, municipalityId, { cursor: 'bm9wZQ' });
    expect(cursor.ok ? '' : cursor.error.code).toBe('events.invalid_query');
  });

  it('hides the events of a suspended organization', async () => {
    const id = await created(owner, { title: '停止される団体の会' });
    await app.database.db.updateTable('organization').set({ suspended_at: new Date() }).where('id', '=', 'demo-npo').execute();
    try {
      expect((await getPublicEvent(app, municipalityId, id)).ok).toBe(false);
    } finally {
      await app.database.db.updateTable('organization').set({ suspended_at: null }).where('id', '=', 'demo-npo').execute();
    }
  });
});
