import { addDays, today } from '../platform/clock.ts';

/** For tests: a valid event form at a directory place, ten days ahead, registration for 3 households. */
export function eventForm(placeId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '親子リトミック',
    titleEn: 'Parent and child rhythmics',
    titleEasy: '',
    description: '音楽に合わせて親子で体を動かします。',
    descriptionEn: '',
    descriptionEasy: '',
    date: addDays(today(), 10),
    startTime: '10:00',
    endTime: '11:00',
    recurrence: 'single',
    repeatWeeks: '',
    placeMode: 'directory',
    placeId,
    placeName: '',
    address: '',
    districtId: '',
    minAge: '1',
    minAgeUnit: 'years',
    maxAge: '3',
    maxAgeUnit: 'years',
    feeKind: 'free',
    feeYen: '',
    feeNote: '',
    registration: 'bookings',
    capacity: '3',
    capacityUnit: 'households',
    ...overrides
  };
}
