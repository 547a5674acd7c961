import type { Db } from '../db/database.ts';
import { findPlaceBySourceKey, insertPattern, insertPlaceIfMissing, insertService, listServicesOfPlaces } from './bookings.queries.ts';
import type { CapacityUnit, ServiceKind } from './bookings.table.ts';
import { generateSlots } from './slots.service.ts';

export interface DemoPlaceSpec {
  key: string;
  name: string;
  category: string;
  organizationId: string | null;
  address: string;
  service: {
    kind: ServiceKind;
    name: string;
    description: string;
    capacityUnit: CapacityUnit;
    minAgeMonths: number | null;
    maxAgeMonths: number | null;
    requiresRegistration: boolean;
    requiresApproval: boolean;
    opensDaysAhead: number;
    opensAtTime: string;
    cancelHoursBefore: number;
    cancelByTime: string | null;
    monthlyCap: number | null;
    offerHours: number;
  };
  patterns: { weekday: number; startTime: string; endTime: string; capacity: number }[];
}

/** Demo places (upserted by source key), one service each with weekly patterns, and their slots. */
export async function seedBookingDemo(db: Db, municipalityId: string, places: DemoPlaceSpec[], fromDate: string): Promise<void> {
  for (const spec of places) {
    await insertPlaceIfMissing(db, {
      municipalityId,
      organizationId: spec.organizationId,
      category: spec.category,
      name: spec.name,
      address: spec.address,
      sourceDataset: 'demo',
      sourceKey: spec.key
    });
    const place = await findPlaceBySourceKey(db, municipalityId, 'demo', spec.key);
    if (!place) continue;
    if ((await listServicesOfPlaces(db, [place.id])).some((s) => s.name === spec.service.name)) continue;
    const { id: serviceId } = await insertService(db, { ...spec.service, municipalityId, placeId: place.id });
    for (const p of spec.patterns) {
      await insertPattern(db, { ...p, municipalityId, serviceId, validFrom: fromDate, validUntil: null, skipHolidays: true });
    }
  }
  await generateSlots(db, { from: fromDate });
}
