import type { Db } from '../db/database.ts';
import { findPlaceBySourceKey, insertPattern, insertPlaceIfMissing, insertService, listServicesOfPlaces, type ServiceRow } from './bookings.queries.ts';
import { markPlaceBookable } from '../places/index.ts';
import { generateSlots } from './slots.service.ts';

export interface DemoPlaceSpec {
  key: string;
  name: string;
  category: string;
  organizationId: string | null;
  address: string;
  service: Omit<ServiceRow, 'municipalityId' | 'placeId'>;
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
    await markPlaceBookable(db, municipalityId, place.id, true);
    for (const p of spec.patterns) {
      await insertPattern(db, { ...p, municipalityId, serviceId, validFrom: fromDate, validUntil: null, skipHolidays: true });
    }
  }
  await generateSlots(db, { from: fromDate });
}
