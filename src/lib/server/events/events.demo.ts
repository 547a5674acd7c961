import type { App } from '../app.ts';
import { getHousehold } from '../households/index.ts';
import { listMyOrganizations } from '../organizations/index.ts';
import { reserveSlot } from '../bookings/index.ts';
import { addDays, today } from '../platform/clock.ts';
import { logger } from '../platform/logger.ts';
import { createEvent } from './events.service.ts';
import { findPlaceIdBySourceKey } from './events.queries.ts';
import { getPublicEvent } from './public.service.ts';

function form(values: Record<string, string>): Record<string, string> {
  return {
    titleEn: '',
    titleEasy: '',
    descriptionEn: '',
    descriptionEasy: '',
    recurrence: 'single',
    repeatWeeks: '',
    placeMode: 'directory',
    placeId: '',
    placeName: '',
    address: '',
    districtId: '',
    minAge: '',
    minAgeUnit: 'months',
    maxAge: '',
    maxAgeUnit: 'years',
    feeKind: 'free',
    feeYen: '',
    feeNote: '',
    registration: 'none',
    capacity: '',
    capacityUnit: 'people',
    ...values
  };
}

/**
 * The demo ward's events, relative to today: さくら子育てネットワーク's weekly リトミック (registration in
 * households, one family registered), a paid workshop (people) and a drop-in; the 保健センター's ward-wide
 * 離乳食 class. Written through the same service as the console, so the demo follows the rules.
 */
export async function seedEventsDemo(app: App, municipalityId: string, users: { npoOwner?: string; wardPublisher?: string; guardian?: string }): Promise<void> {
  const hiroba = await findPlaceIdBySourceKey(app.database.db, municipalityId, 'demo', 'sakura-hiroba');
  const health = await findPlaceIdBySourceKey(app.database.db, municipalityId, 'demo', 'sakura-hoken');
  const day = today();
  const created: string[] = [];
  const create = async (userId: string | undefined, organizationId: string, values: Record<string, string>) => {
    if (!userId) return;
    const result = await createEvent(app, { userId, municipalityId }, organizationId, form(values), { publish: true });
    if (result.ok) created.push(result.value.id);
    else logger.warn({ error: result.error, title: values.title }, 'demo event not created');
  };
  if (hiroba) {
    await create(users.npoOwner, 'demo-npo', {
      title: '親子リトミック（毎週火曜）',
      titleEn: 'Parent and child rhythmics (Tuesdays)',
      titleEasy: 'おやこの リトミック',
      description: 'ピアノに合わせて、親子で歌ったり体を動かしたりします。動きやすい服装でお越しください。',
      date: addDays(day, (9 - new Date(`${day}T00:00:00Z`).getUTCDay()) % 7 || 7), // next Tuesday
      startTime: '10:30',
      endTime: '11:15',
      recurrence: 'weekly',
      repeatWeeks: '6',
      placeId: hiroba,
      minAge: '1',
      minAgeUnit: 'years',
      maxAge: '3',
      maxAgeUnit: 'years',
      registration: 'bookings',
      capacity: '8',
      capacityUnit: 'households'
    });
    await create(users.npoOwner, 'demo-npo', {
      title: '手作りおもちゃワークショップ',
      description: '牛乳パックやペットボトルで、0〜2歳向けのおもちゃを作ります。材料費がかかります。',
      date: addDays(day, 12),
      startTime: '13:30',
      endTime: '15:00',
      placeId: hiroba,
      minAge: '0',
      maxAge: '2',
      feeKind: 'paid',
      feeYen: '300',
      feeNote: '材料費',
      registration: 'bookings',
      capacity: '12',
      capacityUnit: 'people'
    });
  }
  await create(users.npoOwner, 'demo-npo', {
    title: '公園で外遊びの会',
    description: '桜ヶ丘公園の芝生広場で自由に遊びます。申し込みはいりません。雨天中止。',
    date: addDays(day, 5),
    startTime: '10:00',
    endTime: '11:30',
    placeMode: 'address',
    placeName: '桜ヶ丘公園 芝生広場',
    address: '東京都さくら区桜ヶ丘3-1'
  });
  const publisher = users.wardPublisher ? await listMyOrganizations(app, { userId: users.wardPublisher, municipalityId }) : [];
  const hoken = publisher.find((o) => o.name.includes('保健センター'));
  if (hoken && health) {
    await create(users.wardPublisher, hoken.id, {
      title: 'はじめての離乳食講座',
      titleEasy: 'はじめての りにゅうしょく',
      description: '管理栄養士が離乳食の進め方をお話しします。4〜8か月のお子さんの保護者向けです。',
      date: addDays(day, 9),
      startTime: '10:00',
      endTime: '11:30',
      placeId: health,
      minAge: '4',
      minAgeUnit: 'months',
      maxAge: '8',
      maxAgeUnit: 'months',
      registration: 'bookings',
      capacity: '15',
      capacityUnit: 'households'
    });
  }
  // One demo family (鈴木さん, whose child is 3) has registered for the first リトミック.
  if (users.guardian && created[0]) {
    const actor = { userId: users.guardian, municipalityId };
    const household = await getHousehold(app, actor);
    const event = await getPublicEvent(app, municipalityId, created[0]);
    const child = household?.children.find((c) => c.age.years >= 1 && c.age.years <= 3) ?? household?.children[0];
    const slotId = event.ok ? event.value.occurrences[0]?.slotId : null;
    if (child && slotId) {
      const booked = await reserveSlot(app, actor, { slotId, childIds: [child.id] }, 'web');
      if (!booked.ok) logger.warn({ error: booked.error }, 'demo event registration not made');
    }
  }
}
