import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { availabilityBus, closeAvailabilityBus } from './availability-bus.ts';
import { cancelBooking, reserveSlot } from './bookings.service.ts';
import { createHouseholds, createServiceWithSlot } from './bookings.testing.queries.ts';

// Live availability: a committed booking reaches the subscribers of its place. On PostgreSQL the
// subscriber sits on a second connection pool, as another server instance would, and hears the
// transaction's NOTIFY; on PGlite the in-process emitter carries it.

let app: TestApp;
let municipalityId: string;
let otherInstance: DatabaseHandle | undefined;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
  if (app.database.kind === 'postgres') otherInstance = await openDatabase({ databaseUrl: app.config.databaseUrl, dataDir: app.config.dataDir });
});
afterAll(async () => {
  await closeAvailabilityBus(app.database);
  if (otherInstance) {
    await closeAvailabilityBus(otherInstance);
    await otherInstance.close();
  }
  await app.stop();
});

function nextChange(bus: ReturnType<typeof availabilityBus>, placeId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = bus.subscribe(placeId, () => {
      stop();
      resolve();
    });
  });
}

it('a booking and a cancellation each tell the listeners of that place (another instance on PostgreSQL), and only of that place', async () => {
  const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 3 });
  const elsewhere = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 3 });
  const [family] = await createHouseholds(app.database.db, municipalityId, 1, () => 1);
  const bus = availabilityBus(otherInstance ?? app.database, app.config.databaseUrl);
  let heardElsewhere = 0;
  const stopElsewhere = bus.subscribe(elsewhere.placeId, () => heardElsewhere++);
  await bus.ready();

  const booked = nextChange(bus, slot.placeId);
  const result = await reserveSlot(app, family.actor, { slotId: slot.slotId, childIds: family.childIds }, 'web');
  expect(result.ok).toBe(true);
  await booked;

  const cancelled = nextChange(bus, slot.placeId);
  expect((await cancelBooking(app, family.actor, result.ok ? result.value.bookingId : '')).ok).toBe(true);
  await cancelled;
  stopElsewhere();
  expect(heardElsewhere).toBe(0);
});

it('a refused booking (slot full) tells nobody: nothing changed', async () => {
  const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 1 });
  const [a, b] = await createHouseholds(app.database.db, municipalityId, 2, () => 1);
  const bus = availabilityBus(otherInstance ?? app.database, app.config.databaseUrl);
  await bus.ready();
  // The first booking's own notice is awaited, so it cannot be counted below.
  const first = nextChange(bus, slot.placeId);
  expect((await reserveSlot(app, a.actor, { slotId: slot.slotId, childIds: a.childIds }, 'web')).ok).toBe(true);
  await first;
  let heard = 0;
  const stop = bus.subscribe(slot.placeId, () => heard++);
  await bus.ready();
  const refused = await reserveSlot(app, b.actor, { slotId: slot.slotId, childIds: b.childIds }, 'web');
  expect(refused.ok ? '' : refused.error.code).toBe('bookings.slot_full');
  // A later change at the place is heard, so the listener was live all along.
  const [c] = await createHouseholds(app.database.db, municipalityId, 1, () => 1);
  const other = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 2 });
  await app.database.db.updateTable('booking_slot').set({ place_id: slot.placeId }).where('id', '=', other.slotId).execute();
  const heardLater = nextChange(bus, slot.placeId);
  expect((await reserveSlot(app, c.actor, { slotId: other.slotId, childIds: c.childIds }, 'web')).ok).toBe(true);
  await heardLater;
  stop();
  expect(heard).toBe(1);
});
