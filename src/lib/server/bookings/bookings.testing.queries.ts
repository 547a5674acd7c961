import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { addDays, today } from '../platform/clock.ts';
import type { PersonActor } from '../households/index.ts';
import { tokyoInstant } from './booking-rules.ts';
import { insertPlaceIfMissing, insertService, findPlaceBySourceKey, type ServiceRow } from './bookings.queries.ts';

/** Test fixtures only: many households at once, written straight to the tables (no password hashing). */

export interface TestHousehold {
  actor: PersonActor;
  householdId: string;
  childIds: string[];
}

export async function createHouseholds(db: Db, municipalityId: string, count: number, childrenOf: (index: number) => number, birthDate = addDays(today(), -400)): Promise<TestHousehold[]> {
  const district = await db.selectFrom('district').select('id').where('municipality_id', '=', municipalityId).orderBy('sort_order').executeTakeFirstOrThrow();
  const households: TestHousehold[] = [];
  const run = randomUUID().slice(0, 8);
  for (let i = 0; i < count; i++) {
    const userId = `race-${run}-${i}`;
    await db
      .insertInto('user')
      .values({ id: userId, name: `利用者 ${i}`, email: `race-${run}-${i}@example.test`, emailVerified: true, image: null, createdAt: new Date(), updatedAt: new Date(), twoFactorEnabled: false })
      .execute();
    const { id: householdId } = await db.insertInto('household').values({ municipality_id: municipalityId, district_id: district.id }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('household_guardian').values({ household_id: householdId, user_id: userId, municipality_id: municipalityId, removed_at: null, removed_by: null }).execute();
    const childIds: string[] = [];
    for (let c = 0; c < childrenOf(i); c++) {
      const { id } = await db
        .insertInto('child')
        .values({ municipality_id: municipalityId, household_id: householdId, name: `子 ${i}-${c}`, birth_date: birthDate, sex: null, created_by: userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      childIds.push(id);
    }
    households.push({ actor: { userId, municipalityId, requestId: `race-${i}` }, householdId, childIds });
  }
  return households;
}

export const DEFAULT_TEST_SERVICE: Omit<ServiceRow, 'municipalityId' | 'placeId'> = {
  kind: 'temporary_care',
  name: 'テスト一時預かり',
  description: '',
  capacityUnit: 'children',
  minAgeMonths: null,
  maxAgeMonths: null,
  requiresRegistration: false,
  requiresApproval: false,
  opensDaysAhead: 30,
  opensAtTime: '00:00',
  cancelHoursBefore: 24,
  cancelByTime: null,
  monthlyCap: null,
  offerHours: 24
};

/** A place (run by `organizationId`, or the ward), a service with `overrides`, and one slot `daysAhead` from today. */
export async function createServiceWithSlot(
  db: Db,
  municipalityId: string,
  options: { capacity: number; daysAhead?: number; organizationId?: string | null; service?: Partial<ServiceRow>; startTime?: string; endTime?: string }
) {
  const key = `test-${randomUUID()}`;
  await insertPlaceIfMissing(db, { municipalityId, organizationId: options.organizationId ?? null, category: 'nursery', name: `テスト施設 ${key.slice(5, 13)}`, address: '', sourceDataset: 'test', sourceKey: key });
  const place = (await findPlaceBySourceKey(db, municipalityId, 'test', key))!;
  const { id: serviceId } = await insertService(db, { ...DEFAULT_TEST_SERVICE, ...options.service, municipalityId, placeId: place.id });
  const date = addDays(today(), options.daysAhead ?? 2);
  const slotId = await createSlot(db, { municipalityId, serviceId, placeId: place.id, date, startTime: options.startTime ?? '10:00', endTime: options.endTime ?? '12:00', capacity: options.capacity });
  return { placeId: place.id, serviceId, slotId, date };
}

export async function createSlot(db: Db, row: { municipalityId: string; serviceId: string; placeId: string; date: string; startTime: string; endTime: string; capacity: number }) {
  const { id } = await db
    .insertInto('booking_slot')
    .values({
      municipality_id: row.municipalityId,
      service_id: row.serviceId,
      place_id: row.placeId,
      pattern_id: null,
      slot_date: row.date,
      starts_at: tokyoInstant(row.date, row.startTime),
      ends_at: tokyoInstant(row.date, row.endTime),
      capacity: row.capacity
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** What the database holds for a slot: its counter and the seats of each status. */
export async function slotState(db: Db, slotId: string) {
  const slot = await db.selectFrom('booking_slot').select(['capacity', 'seats_taken', 'status']).where('id', '=', slotId).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('booking').select(['id', 'status', 'seats', 'household_id', 'idempotency_key', 'channel', 'notice_id']).where('slot_id', '=', slotId).execute();
  const seatsIn = (statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + r.seats, 0);
  return { ...slot, rows, heldSeats: seatsIn(['confirmed', 'pending', 'offered']), confirmedSeats: seatsIn(['confirmed']) };
}
