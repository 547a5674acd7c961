import type { App } from '../app.ts';
import { today } from '../platform/clock.ts';
import { seedBookingDemo, type DemoPlaceSpec } from '../bookings/index.ts';

/**
 * The demo ward's bookable places, each with a service and recurring slots over the coming weeks
 * (relative to today, so the demo always has something to book). The places domain seeds the same
 * source keys with fuller data; whichever runs first creates the row and the other leaves it.
 */
const PLACES: DemoPlaceSpec[] = [
  {
    key: 'sakura-hiroba',
    name: '子育てひろば さくら',
    category: 'kosodate_hiroba',
    organizationId: 'demo-npo',
    address: '東京都さくら区桜ヶ丘1-2-3',
    service: {
      kind: 'session',
      name: '親子ひろば 午前の回',
      description: '0〜3歳のお子さんと保護者の方の遊びの時間です。定員はお子さんの人数です。',
      capacityUnit: 'children',
      minAgeMonths: null,
      maxAgeMonths: 47,
      requiresRegistration: false,
      requiresApproval: false,
      opensDaysAhead: 14,
      opensAtTime: '09:00',
      cancelHoursBefore: 2,
      cancelByTime: null,
      monthlyCap: 8,
      offerHours: 12
    },
    patterns: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '10:00', endTime: '11:30', capacity: 10 }))
  },
  {
    // A second service at the same ひろば: a Saturday class whose capacity counts everyone who comes.
    key: 'sakura-hiroba',
    name: '子育てひろば さくら',
    category: 'kosodate_hiroba',
    organizationId: 'demo-npo',
    address: '東京都さくら区桜ヶ丘1-2-3',
    service: {
      kind: 'session',
      name: '親子で体操（土曜）',
      description: '保護者の方と一緒に体を動かします。定員は参加する人数（大人も含む）です。',
      capacityUnit: 'people',
      minAgeMonths: 12,
      maxAgeMonths: 71,
      requiresRegistration: false,
      requiresApproval: false,
      opensDaysAhead: 14,
      opensAtTime: '09:00',
      cancelHoursBefore: 24,
      cancelByTime: null,
      monthlyCap: null,
      offerHours: 12
    },
    patterns: [{ weekday: 6, startTime: '10:00', endTime: '11:00', capacity: 15 }]
  },
  {
    key: 'sakura-ichiji',
    name: '一時預かり さくら保育園',
    category: 'nursery',
    organizationId: null,
    address: '東京都さくら区本町2-4-6',
    service: {
      kind: 'temporary_care',
      name: '一時預かり（日中）',
      description: '生後6か月から就学前までのお子さんをお預かりします。初めての方は事前登録が必要です。',
      capacityUnit: 'children',
      minAgeMonths: 6,
      maxAgeMonths: 83,
      requiresRegistration: true,
      requiresApproval: false,
      opensDaysAhead: 7,
      opensAtTime: '09:00',
      cancelHoursBefore: 24,
      cancelByTime: null,
      monthlyCap: 4,
      offerHours: 24
    },
    patterns: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startTime: '09:00', endTime: '17:00', capacity: 6 }))
  },
  {
    key: 'sakura-byoji',
    name: '病児保育室 かわべ',
    category: 'sick_child_care',
    organizationId: null,
    address: '東京都さくら区川辺3-1-8',
    service: {
      kind: 'sick_child_care',
      name: '病児・病後児保育',
      description: '当日朝6時30分から予約できます。取り消しは当日8時まで。看護師が受け入れを確認します。',
      capacityUnit: 'children',
      minAgeMonths: 6,
      maxAgeMonths: 143,
      requiresRegistration: false,
      requiresApproval: true,
      opensDaysAhead: 0,
      opensAtTime: '06:30',
      cancelHoursBefore: 0,
      cancelByTime: '08:00',
      monthlyCap: null,
      offerHours: 2
    },
    patterns: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '08:30', endTime: '18:00', capacity: 4 }))
  },
  {
    key: 'sakura-hoken',
    name: 'さくら区保健センター',
    category: 'health_center',
    organizationId: null,
    address: '東京都さくら区緑町5-5-1',
    service: {
      kind: 'consultation',
      name: '子育て・栄養相談（個別）',
      description: '保健師・栄養士が個別にご相談をお受けします。1回30分、1家庭ずつです。',
      capacityUnit: 'households',
      minAgeMonths: null,
      maxAgeMonths: null,
      requiresRegistration: false,
      requiresApproval: false,
      opensDaysAhead: 30,
      opensAtTime: '09:00',
      cancelHoursBefore: 24,
      cancelByTime: null,
      monthlyCap: 2,
      offerHours: 24
    },
    patterns: [2, 4].flatMap((weekday) =>
      [
        ['13:30', '14:00'],
        ['14:00', '14:30'],
        ['14:30', '15:00']
      ].map(([startTime, endTime]) => ({ weekday, startTime, endTime, capacity: 1 }))
    )
  }
];

export async function seedDemoBookings(app: App, municipalityId: string): Promise<void> {
  await seedBookingDemo(app.database.db, municipalityId, PLACES, today());
}
