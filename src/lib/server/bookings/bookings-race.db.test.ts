import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { bookingTestHooks } from './booking-test-hooks.ts';
import { cancelBooking, reserveSlot } from './bookings.service.ts';
import { createHouseholds, createServiceWithSlot, slotState } from './bookings.testing.queries.ts';

// The booking rule under concurrency, on whichever database the run uses (PGlite by default,
// PostgreSQL with TEST_DATABASE_URL). On PostgreSQL the pool has 10 connections, so transactions
// really interleave; on PGlite the one connection runs them one after another.

let app: TestApp;
let municipalityId: string;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
});
afterAll(() => app.stop());
afterEach(() => {
  bookingTestHooks.betweenCheckAndWrite = undefined;
  bookingTestHooks.unprotected = undefined;
});

const pause = (ms: number) => () => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** 1, 2 or 3 children per household, in a fixed mix. */
const childrenOf = (i: number) => (i % 3) + 1;

async function raceFor(capacity: number, households: number) {
  const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity });
  const people = await createHouseholds(app.database.db, municipalityId, households, childrenOf);
  const results = await Promise.all(
    people.map((p) => reserveSlot(app, p.actor, { slotId: slot.slotId, childIds: p.childIds }, 'web'))
  );
  const state = await slotState(app.database.db, slot.slotId);
  const confirmedByClients = results.filter((r) => r.ok).reduce((sum, r) => sum + (r.ok ? r.value.seats : 0), 0);
  return { slot, people, results, state, confirmedByClients };
}

describe('capacity is never exceeded', () => {
  it('240 parallel requests for 1–3 children on a 20-seat slot confirm exactly 20 seats, and every refusal says the slot is full', async () => {
    const { results, state, confirmedByClients } = await raceFor(20, 240);
    expect(state.confirmedSeats).toBe(20);
    expect(state.seats_taken).toBe(20);
    expect(confirmedByClients).toBe(20);
    const refusals = results.filter((r) => !r.ok);
    expect(refusals.length).toBeGreaterThan(200);
    expect(new Set(refusals.map((r) => (r.ok ? '' : r.error.code)))).toEqual(new Set(['bookings.slot_full']));
  });

  it('with a pause injected between the checks and the seat write, 200 parallel requests still confirm exactly the 15 seats', async () => {
    bookingTestHooks.betweenCheckAndWrite = pause(3);
    const { state, confirmedByClients } = await raceFor(15, 200);
    expect(state.confirmedSeats).toBe(15);
    expect(state.seats_taken).toBe(15);
    expect(confirmedByClients).toBe(15);
  });

  it('when demand fits, every request is confirmed and the seats add up', async () => {
    const { results, state } = await raceFor(500, 200);
    expect(results.every((r) => r.ok)).toBe(true);
    const demand = Array.from({ length: 200 }, (_, i) => childrenOf(i)).reduce((a, b) => a + b, 0);
    expect(state.confirmedSeats).toBe(demand);
    expect(state.seats_taken).toBe(demand);
  });

  it('control: with the protection switched off (check in the app, then write), the same race oversells on PostgreSQL', async () => {
    bookingTestHooks.unprotected = true;
    bookingTestHooks.betweenCheckAndWrite = pause(5);
    const { state } = await raceFor(20, 200);
    if (app.database.kind === 'postgres') {
      // Several transactions read the same count, each adds its own seats and the last write wins:
      // the bookings hold more seats than the slot has. This is what the conditional update prevents.
      expect(state.confirmedSeats).toBeGreaterThan(20);
      expect(state.seats_taken).toBeLessThan(state.confirmedSeats);
    } else {
      // PGlite has one connection, so whole transactions run one at a time and even this path holds:
      // the race can only be shown (and the protection only matters) on a PostgreSQL server.
      expect(state.confirmedSeats).toBeLessThanOrEqual(20);
      expect(state.seats_taken).toBe(state.confirmedSeats);
    }
  });
});

describe('retries', () => {
  it('the same request sent 25 times in parallel with one Idempotency-Key makes one booking, and every answer names it', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 10 });
    const [person] = await createHouseholds(app.database.db, municipalityId, 1, () => 2);
    const input = { slotId: slot.slotId, childIds: person.childIds, idempotencyKey: 'retry-key-1' };
    const results = await Promise.all(Array.from({ length: 25 }, () => reserveSlot(app, person.actor, input, 'api')));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.value.bookingId : '')));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.value.replayed)).toHaveLength(1);
    const state = await slotState(app.database.db, slot.slotId);
    expect(state.rows).toHaveLength(1);
    expect(state.seats_taken).toBe(2);
  });

  it('a key reused for another slot is refused instead of returning the wrong booking', async () => {
    const first = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 10 });
    const second = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 10 });
    const [person] = await createHouseholds(app.database.db, municipalityId, 1, () => 1);
    expect((await reserveSlot(app, person.actor, { slotId: first.slotId, childIds: person.childIds, idempotencyKey: 'k' }, 'api')).ok).toBe(true);
    const reused = await reserveSlot(app, person.actor, { slotId: second.slotId, childIds: person.childIds, idempotencyKey: 'k' }, 'api');
    expect(reused.ok ? 'ok' : reused.error.code).toBe('bookings.idempotency_key_reused');
  });
});

describe('cancellations and the waiting list under concurrency', () => {
  it('cancelling every confirmed booking at once promotes exactly as many waiting households as seats freed, never two into one seat', async () => {
    const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 6 });
    const people = await createHouseholds(app.database.db, municipalityId, 40, (i) => (i < 6 ? 1 : (i % 2) + 1));
    const holders = people.slice(0, 6);
    const holderIds: string[] = [];
    for (const p of holders) {
      const booked = await reserveSlot(app, p.actor, { slotId: slot.slotId, childIds: p.childIds }, 'web');
      if (!booked.ok) throw new Error(booked.error.code);
      holderIds.push(booked.value.bookingId);
    }
    const waiting = await Promise.all(people.slice(6).map((p) => reserveSlot(app, p.actor, { slotId: slot.slotId, childIds: p.childIds, joinWaitlist: 'on' }, 'web')));
    expect(waiting.every((r) => r.ok && r.value.status === 'waitlisted')).toBe(true);

    // Everyone who holds a seat cancels at the same moment, while waiting households also give up.
    const quitters = people.slice(30, 40);
    const waitingIds = new Map(people.slice(6).map((p, i) => [p, waiting[i].ok ? waiting[i].value.bookingId : '']));
    const results = await Promise.all([
      ...holders.map((p, i) => cancelBooking(app, p.actor, holderIds[i])),
      ...quitters.map((p) => cancelBooking(app, p.actor, waitingIds.get(p)!))
    ]);
    // A waiting household may have been promoted a moment before it gave up: its cancel still succeeds.
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual([]);

    const state = await slotState(app.database.db, slot.slotId);
    expect(state.heldSeats).toBeLessThanOrEqual(6);
    expect(state.seats_taken).toBe(state.heldSeats);
    // Someone was promoted into every seat that a waiting household could fill.
    expect(state.heldSeats).toBeGreaterThanOrEqual(5);
    const promotedHouseholds = state.rows.filter((r) => r.status === 'confirmed').map((r) => r.household_id);
    expect(new Set(promotedHouseholds).size).toBe(promotedHouseholds.length);
  });
});
