import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import { today } from '../platform/clock.ts';
import { reserveSlot } from './bookings.service.ts';
import { getBookingKpi } from './kpi.service.ts';
import type { ProviderActor } from './provider.service.ts';
import { createHouseholds, createServiceWithSlot, createSlot } from './bookings.testing.queries.ts';

let app: TestApp;
let municipalityId: string;
let staff: ProviderActor;
let npo: ProviderActor;

async function providerOf(userId: string): Promise<ProviderActor> {
  return { userId, municipalityId, requestId: 'test', roles: await findActiveRoleAssignments(app.database.db, userId, municipalityId, today()) };
}

beforeAll(async () => {
  app = await openTestApp();
  const ward = await seedWard(app);
  municipalityId = ward.municipalityId;
  staff = await providerOf(ward.userIds.staff);
  npo = await providerOf(ward.userIds.org);
});
afterAll(() => app.stop());

/** Moves a booking to when it was made: the figures count by the month of booking. */
async function madeAt(bookingId: string, at: string) {
  await app.database.db.updateTable('booking').set({ created_at: new Date(at) }).where('id', '=', bookingId).execute();
}

describe('the bookings KPI page', () => {
  it('counts bookings by month of booking with the year before, the channel, the notices and the facilities', async () => {
    const first = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 10 });
    const second = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 2 });
    await createSlot(app.database.db, { municipalityId, serviceId: first.serviceId, placeId: first.placeId, date: '2026-05-20', startTime: '10:00', endTime: '11:00', capacity: 5 });
    await createSlot(app.database.db, { municipalityId, serviceId: second.serviceId, placeId: second.placeId, date: '2026-05-21', startTime: '10:00', endTime: '11:00', capacity: 5 });
    await createSlot(app.database.db, { municipalityId, serviceId: first.serviceId, placeId: first.placeId, date: '2026-06-03', startTime: '10:00', endTime: '11:00', capacity: 5 });
    const families = await createHouseholds(app.database.db, municipalityId, 4, () => 2);
    const book = async (index: number, slotId: string, channel: 'web' | 'api', noticeId?: string) => {
      const result = await reserveSlot(app, families[index].actor, { slotId, childIds: families[index].childIds, ...(noticeId ? { noticeId } : {}) }, channel);
      if (!result.ok) throw new Error(result.error.code);
      return result.value;
    };
    await madeAt((await book(0, first.slotId, 'web', 'notice-1')).bookingId, '2026-05-10T10:00:00+09:00');
    await madeAt((await book(1, first.slotId, 'api')).bookingId, '2026-05-31T23:30:00+09:00'); // still May in Tokyo
    await madeAt((await book(2, first.slotId, 'web')).bookingId, '2025-05-15T10:00:00+09:00'); // a year before
    await madeAt((await book(3, second.slotId, 'web')).bookingId, '2027-03-31T20:00:00+09:00'); // last day of FY2026

    const kpi = await getBookingKpi(app, staff, 2026);
    if (!kpi.ok) throw new Error(kpi.error.code);
    const may = kpi.value.months.find((r) => r.period === '2026-05');
    expect(may).toMatchObject({ bookings: 2, bookingsYearBefore: 1, viaWeb: 1, viaApi: 1, children: 4, fromNotices: 1, facilitiesWithSlots: 2 });
    expect(kpi.value.months.find((r) => r.period === '2026-06')).toMatchObject({ bookings: 0, facilitiesWithSlots: 1 });
    expect(kpi.value.months.find((r) => r.period === '2027-03')).toMatchObject({ bookings: 1, viaWeb: 1 });
    expect(kpi.value.months.map((r) => r.period)).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03']);
    // The demo ward books too (this month): the year row is the sum of its months.
    const sum = (key: 'bookings' | 'bookingsYearBefore' | 'fromNotices') => kpi.value.months.reduce((total, r) => total + r[key], 0);
    expect(kpi.value.total).toMatchObject({ period: 'FY2026', bookings: sum('bookings'), bookingsYearBefore: sum('bookingsYearBefore'), fromNotices: sum('fromNotices') });
    expect(kpi.value.total.bookings).toBeGreaterThanOrEqual(3);
    expect(kpi.value.total.facilitiesWithSlots).toBeGreaterThanOrEqual(2);
    expect(kpi.value.facilitiesWithOnlineBookingNow).toBeGreaterThanOrEqual(2);
  });

  it('only ward staff see it', async () => {
    expect(await getBookingKpi(app, npo, 2026)).toMatchObject({ ok: false, error: { code: 'bookings.forbidden' } });
  });
});
