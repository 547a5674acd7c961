import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { callerFor } from '../municipalities/test-callers.ts';
import { listDistricts, type Caller, type MunicipalityContext } from '../municipalities/index.ts';
import { addDays, setClock, today } from '../platform/clock.ts';
import { cancelBooking, reserveSlot } from '../bookings/index.ts';
import { createHouseholds } from '../bookings/bookings.testing.queries.ts';
import type { OrgActor } from '../organizations/index.ts';
import { eventForm } from './events.testing.ts';
import {
  buildEventsFeed,
  confirmEventImport,
  createEvent,
  EVENT_HEADER,
  eventJsonLd,
  exportEventOpenData,
  getEventImport,
  getPublicEvent,
  listEventsForFamily,
  listPublicEvents,
  loadEventStatistics,
  uploadEventFile
} from './index.ts';

const KOMAE = '/work/shared/data/opendata/o1-132195_g1-000304.csv';
let app: TestApp;
let municipalityId: string;
let municipality: MunicipalityContext;
let staff: Caller;
let guardian: Caller;
let owner: OrgActor;
let placeId: string;
let districts: { id: string; code: string }[];
const absoluteUrl = (path: string) => `https://sakura.example${path}`;

beforeAll(async () => {
  app = await openTestApp();
  const ward = await seedWard(app);
  municipalityId = ward.municipalityId;
  staff = await callerFor(app, ward.userIds.staff, municipalityId);
  guardian = await callerFor(app, ward.userIds.guardian, municipalityId);
  owner = { userId: ward.userIds.org, municipalityId };
  districts = (await listDistricts(app.database.db, municipalityId)).map((d) => ({ id: d.id, code: d.code }));
  const m = await app.database.db.selectFrom('municipality').selectAll().where('id', '=', municipalityId).executeTakeFirstOrThrow();
  municipality = { id: m.id, code: m.code, name: m.name, nameEn: m.name_en, nameEasy: '', prefecture: m.prefecture };
  placeId = (await app.database.db.selectFrom('place').select('id').where('municipality_id', '=', municipalityId).where('is_published', '=', true).orderBy('name').executeTakeFirstOrThrow()).id;
});
afterAll(() => app.stop());
afterEach(() => setClock(undefined));

async function publish(overrides: Record<string, unknown>): Promise<string> {
  const result = await createEvent(app, owner, 'demo-npo', eventForm(placeId, overrides), { publish: true });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.id;
}

async function upload(fileName: string, bytes: Uint8Array) {
  const uploaded = await uploadEventFile(app, staff, { fileName, bytes });
  if (!uploaded.ok) throw new Error(JSON.stringify(uploaded.error));
  const view = await getEventImport(app, staff, uploaded.value.importId);
  if (!view.ok) throw new Error('no import');
  return view.value;
}

describe('importing イベント一覧 files', () => {
  it('狛江市’s 2022 catalogue file imports 340 events; no row is rejected, and the reused IDs are explained as warnings', async () => {
    const view = await upload('o1-132195_g1-000304.csv', new Uint8Array(readFileSync(KOMAE)));
    const preview = view.preview!;
    expect(preview).toMatchObject({ encoding: 'utf-8', boms: 1, layout: 'catalogue2022', sourceDataset: 'event:132195' });
    expect(preview.counts).toEqual({ rows: 340, importable: 340, rejected: 0, withWarnings: 15, updates: 0 });
    expect(preview.rows.filter((r) => r.errors.length)).toEqual([]);
    const warnings = preview.rows.flatMap((r) => r.warnings.map((w) => `${w.code}:${w.value}`));
    // A series that reuses its NO for later dates (both rows kept, told apart by date), and a latitude without a longitude.
    expect(warnings.filter((w) => w.startsWith('duplicate_id'))).toEqual(['0000000282', '0000000283', '0000000284', '0000000285', '0000000286'].map((id) => `duplicate_id:${id}`));
    expect(warnings.filter((w) => !w.startsWith('duplicate_id'))).toEqual(Array(10).fill('invalid_coordinates:35.633418, '));
    // Nothing is written before staff confirm.
    expect((await app.database.db.selectFrom('event').select('id').where('source_dataset', '=', 'event:132195').execute()).length).toBe(0);

    const confirmed = await confirmEventImport(app, staff, view.id);
    expect(confirmed.ok && confirmed.value).toEqual({ inserted: 340, updated: 0, rejected: 0 });
    const rows = await app.database.db.selectFrom('event').select(['title', 'starts_on', 'start_time', 'fee_yen', 'capacity', 'lat', 'category']).where('source_dataset', '=', 'event:132195').execute();
    expect(rows).toHaveLength(340);
    expect(rows.filter((r) => r.category === '子育て・教育')).toHaveLength(248);
    expect(rows).toContainEqual({ title: '青少年スポーツ教室(バスケットボール)', starts_on: '2018-12-23', start_time: '09:00', fee_yen: 600, capacity: 50, lat: 35.639538, category: '健康・福祉、スポーツ' });
    const again = await confirmEventImport(app, staff, view.id);
    expect(again.ok ? '' : again.error.code).toBe('events.import_not_ready');

    const second = await upload('o1-132195_g1-000304.csv', new Uint8Array(readFileSync(KOMAE)));
    expect(second.preview!.counts.updates).toBe(340);
    const reimported = await confirmEventImport(app, staff, second.id);
    expect(reimported.ok && reimported.value).toEqual({ inserted: 0, updated: 340, rejected: 0 });
  });

  it('a legacy 推奨 file: each rejected row says why', async () => {
    const header = '都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,イベント名,イベント名_カナ,イベント名_英語,開始日,終了日,開始時間,終了時間,開始日時特記事項,説明,料金(基本),料金(詳細),連絡先名称,連絡先電話番号,連絡先内線番号,主催者,場所名称,住所,方書,緯度,経度,アクセス方法,駐車場情報,定員,参加申込終了日,参加申込終了時間,参加申込方法,URL,備考';
    const rows = [
      '139998,1,東京都,さくら区,親子ヨガ,オヤコヨガ,,令和8年5月10日,,１０：００,11:30,,親子でヨガ,"1,000円",,子育て支援課,03-0000-0000,,さくら区,さくら会館,東京都さくら区桜町1-1,,35.7,139.7,,,15組（申込順）,,,電話で申込,,',
      '139998,2,東京都,さくら区,,,,2026/5/11,,10:00,11:00,,名前がない,,,,,,,,東京都さくら区桜町1-1,,,,,,,,,,,',
      '139998,3,東京都,さくら区,日付が変,,,2026/13/40,,10:00,11:00,,,,,,,,,,東京都さくら区桜町1-1,,,,,,,,,,,',
      '139998,4,東京都,さくら区,終わりが先,,,2026/5/12,2026/5/11,10:00,11:00,,,,,,,,,,東京都さくら区桜町1-1,,,,,,,,,,,',
      '139998,5,東京都,さくら区,開始日なし,,,,,10:00,11:00,,,,,,,,,,東京都さくら区桜町1-1,,,,,,,,,,,'
    ];
    const text = [header, ...rows].join('\r\n');
    const bytes = new TextEncoder().encode(text);
    const view = await upload('139998_event.csv', bytes);
    const preview = view.preview!;
    expect(preview.layout).toBe('legacy');
    expect(preview.counts).toMatchObject({ rows: 5, importable: 1, rejected: 4 });
    expect(preview.rows.map((r) => [r.line, r.errors.map((e) => e.code)])).toEqual([
      [2, []],
      [3, ['missing_title']],
      [4, ['invalid_date']],
      [5, ['end_before_start']],
      [6, ['missing_date']]
    ]);
    expect(preview.rows[0].draft).toMatchObject({ startDate: '2026-05-10', startTime: '10:00', endTime: '11:30', feeYen: 1000, capacity: 15, hasApplication: true });
    const confirmed = await confirmEventImport(app, staff, view.id);
    expect(confirmed.ok && confirmed.value).toEqual({ inserted: 1, updated: 0, rejected: 4 });
  });

  it('the current layout is read too, and a file that is no イベント一覧 is refused with the reason', async () => {
    const header = EVENT_HEADER.join(',');
    const cells = Object.fromEntries(EVENT_HEADER.map((h) => [h, ''])) as Record<string, string>;
    Object.assign(cells, { 全国地方公共団体コード: '222127', ID: 'ev-1', イベント名: 'おはなし会', 開始日: '2026/4/2', 終了日: '2026/4/2', 開始時間: '0:00', 終了時間: '0:00', 場所名称: '図書館', 所在地_連結表記: '静岡県焼津市本町1-1', 対象者: '0歳から3歳' });
    const view = await upload('event.csv', new TextEncoder().encode(`${header}\n${EVENT_HEADER.map((h) => cells[h]).join(',')}\n`));
    expect(view.preview!.layout).toBe('current');
    expect(view.preview!.rows[0].warnings.map((w) => w.code)).toEqual(['time_unknown']);
    expect(view.preview!.rows[0].draft).toMatchObject({ title: 'おはなし会', startDate: '2026-04-02', minAgeMonths: 0, maxAgeMonths: 47, placeName: '図書館' });
    const unknown = await upload('x.csv', new TextEncoder().encode('a,b,c\n1,2,3\n'));
    expect(unknown).toMatchObject({ status: 'failed', failure: 'unknown_layout' });
  });

  it('only ward staff import', async () => {
    const refused = await uploadEventFile(app, guardian, { fileName: 'x.csv', bytes: new Uint8Array(readFileSync(KOMAE)) });
    expect(refused.ok ? '' : refused.error.code).toBe('events.staff_only');
  });
});

describe('events out as open data', () => {
  it('the current layout CSV: UTF-8 with BOM, CRLF, the 80 columns in order, one row per public event', async () => {
    const id = await publish({ title: 'オープンデータの会', feeKind: 'paid', feeYen: '300' });
    const file = await exportEventOpenData(app, municipality, absoluteUrl);
    expect(file.body.startsWith('\uFEFF全国地方公共団体コード,法人番号,ID,地方公共団体名,イベント名,言語コード,')).toBe(true);
    const lines = file.body.slice(1).split('\r\n');
    expect(lines[0].split(',')).toEqual([...EVENT_HEADER]);
    expect(EVENT_HEADER).toHaveLength(80);
    expect(EVENT_HEADER.at(-1)).toBe('イベントジャンル');
    const row = lines.find((l) => l.includes(id))!;
    expect(row).toContain('オープンデータの会');
    expect(row).toContain(',300,');
    expect(row).toContain('ウェブ申込');
    expect(file.fileName).toBe(`${municipality.code}_event.csv`);
  });
});

describe('schema.org JSON-LD and the iCalendar feed', () => {
  it('an event page’s JSON-LD is a schema.org Event with Tokyo times, a place, an organizer and an offer', async () => {
    const id = await publish({ title: 'JSON-LDの会', recurrence: 'weekly', repeatWeeks: '3', feeKind: 'paid', feeYen: '500' });
    const event = await getPublicEvent(app, municipalityId, id);
    if (!event.ok) throw new Error('not public');
    const doc = eventJsonLd(event.value, absoluteUrl(`/events/${id}`));
    const isoTokyo = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    const shape = z.object({
      '@context': z.literal('https://schema.org'),
      '@type': z.literal('Event'),
      name: z.literal('JSON-LDの会'),
      description: z.string().min(1),
      url: z.url(),
      startDate: isoTokyo,
      endDate: isoTokyo,
      eventStatus: z.literal('https://schema.org/EventScheduled'),
      eventAttendanceMode: z.literal('https://schema.org/OfflineEventAttendanceMode'),
      location: z.object({ '@type': z.literal('Place'), name: z.string().min(1), address: z.object({ '@type': z.literal('PostalAddress'), streetAddress: z.string(), addressCountry: z.literal('JP') }) }),
      organizer: z.object({ '@type': z.literal('Organization'), name: z.literal('さくら子育てネットワーク') }),
      offers: z.object({ '@type': z.literal('Offer'), price: z.literal(500), priceCurrency: z.literal('JPY'), availability: z.literal('https://schema.org/InStock'), url: z.url() }),
      typicalAgeRange: z.literal('1-3'),
      maximumAttendeeCapacity: z.literal(3),
      remainingAttendeeCapacity: z.literal(3),
      eventSchedule: z.object({ '@type': z.literal('Schedule'), repeatFrequency: z.literal('P1W'), repeatCount: z.literal(3), scheduleTimezone: z.literal('Asia/Tokyo') })
    });
    expect(shape.safeParse(JSON.parse(JSON.stringify(doc))).error).toBeUndefined();
    expect(doc.startDate).toBe(`${addDays(today(), 10)}T10:00:00+09:00`);
  });

  it('the feed is valid RFC 5545: folded lines, CRLF, one VEVENT per occurrence with UID, DTSTAMP and UTC times', async () => {
    const day = addDays(today(), 60);
    const id = await publish({ title: 'カレンダー; 会, テスト', date: day, recurrence: 'weekly', repeatWeeks: '2', description: '長い説明'.repeat(40) });
    const feed = await buildEventsFeed(app, municipality, { from: day, to: addDays(day, 7) }, absoluteUrl);
    if (!feed.ok) throw new Error('feed');
    const text = feed.value;
    expect(text.endsWith('\r\n')).toBe(true);
    const physical = text.split('\r\n').slice(0, -1);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').slice(0, -1);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    const events: Record<string, string>[] = [];
    let current: Record<string, string> | undefined;
    const stack: string[] = [];
    for (const line of lines) {
      const [nameWithParams, ...rest] = line.split(':');
      const value = rest.join(':');
      const name = nameWithParams.split(';')[0];
      expect(name).toMatch(/^[A-Z-]+$/);
      if (name === 'BEGIN') {
        stack.push(value);
        if (value === 'VEVENT') current = {};
      } else if (name === 'END') {
        expect(stack.pop()).toBe(value);
        if (value === 'VEVENT') events.push(current!);
      } else if (current && stack.at(-1) === 'VEVENT') current[name] = value;
    }
    expect(stack).toEqual([]);
    const ours = events.filter((e) => e.URL === absoluteUrl(`/events/${id}`));
    expect(ours).toHaveLength(2);
    for (const e of events) {
      expect(e.UID).toMatch(/@sakura\.example$/);
      expect(e.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      expect(e.DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
      expect(e.DTEND > e.DTSTART).toBe(true);
    }
    expect(new Set(events.map((e) => e.UID)).size).toBe(events.length);
    // 10:00 in Tokyo is 01:00 UTC; text values escape ; and ,
    expect(ours[0].DTSTART).toBe(`${day.replace(/-/g, '')}T010000Z`);
    expect(ours[0].SUMMARY).toBe('カレンダー\\; 会\\, テスト');
    const filtered = await buildEventsFeed(app, municipality, { from: day, to: addDays(day, 7), free: '1', age: '10' }, absoluteUrl);
    expect(filtered.ok && filtered.value.includes(absoluteUrl(`/events/${id}`))).toBe(false);
  });
});

describe('for other domains', () => {
  it('listEventsForFamily: events for one of the children’s ages, in the family’s district or ward-wide', async () => {
    const day = addDays(today(), 70);
    const [d1, d2] = districts;
    const local = await publish({ title: '地区の会', date: day, districtId: d1.id, minAge: '12', minAgeUnit: 'months', maxAge: '23', maxAgeUnit: 'months' });
    const other = await publish({ title: 'よその地区の会', date: day, districtId: d2.id, minAge: '', maxAge: '' });
    const wardWide = await publish({ title: '全域の会', date: day, placeMode: 'address', placeId: '', address: 'さくら区役所', registration: 'none', capacity: '', minAge: '', maxAge: '' });
    const found = await listEventsForFamily(app.database.db, municipalityId, { districtCode: d1.code, childAgeMonths: [18, 60], from: day, to: day });
    const ids = found.map((e) => e.id);
    expect(ids).toContain(local);
    expect(ids).not.toContain(other);
    const older = await listEventsForFamily(app.database.db, municipalityId, { districtCode: d1.code, childAgeMonths: [60], from: day, to: day });
    expect(older.map((e) => e.id)).not.toContain(local);
    expect(older.map((e) => e.id)).toContain(wardWide);
    expect(await listEventsForFamily(app.database.db, municipalityId, { districtCode: d1.code, childAgeMonths: [], from: day, to: day })).toEqual([]);
  });

  it('loadEventStatistics: events held, sessions and registrations per month of the fiscal year (April–March)', async () => {
    setClock('2031-04-01T09:00:00+09:00');
    const single = await publish({ title: '五月の会', date: '2031-05-20', capacity: '5' });
    await publish({ title: '毎週の会', date: '2031-04-28', recurrence: 'weekly', repeatWeeks: '3', registration: 'none', capacity: '' });
    await publish({ title: '三月の会', date: '2032-03-31', registration: 'none', capacity: '' });
    await publish({ title: '翌年度の会', date: '2032-04-01', registration: 'none', capacity: '' });
    const draft = await createEvent(app, owner, 'demo-npo', eventForm(placeId, { title: '下書き', date: '2031-05-21' }));
    expect(draft.ok).toBe(true);
    const event = await getPublicEvent(app, municipalityId, single);
    const slotId = event.ok ? event.value.occurrences[0].slotId : '';
    const [a, b, c] = await createHouseholds(app.database.db, municipalityId, 3, () => 1, '2029-06-01');
    expect((await reserveSlot(app, a.actor, { slotId, childIds: a.childIds }, 'web')).ok).toBe(true);
    expect((await reserveSlot(app, b.actor, { slotId, childIds: b.childIds }, 'web')).ok).toBe(true);
    const cancelled = await reserveSlot(app, c.actor, { slotId, childIds: c.childIds }, 'web');
    await cancelBooking(app, c.actor, cancelled.ok ? cancelled.value.bookingId : '');

    const stats = await loadEventStatistics(app.database.db, municipalityId, 2031);
    expect(stats.months.map((m) => m.month)).toEqual(['2031-04', '2031-05', '2031-06', '2031-07', '2031-08', '2031-09', '2031-10', '2031-11', '2031-12', '2032-01', '2032-02', '2032-03']);
    expect(stats.months[0]).toEqual({ month: '2031-04', events: 1, sessions: 1, registrations: 0, seats: 0 });
    expect(stats.months[1]).toEqual({ month: '2031-05', events: 2, sessions: 3, registrations: 2, seats: 2 });
    expect(stats.months[11]).toEqual({ month: '2032-03', events: 1, sessions: 1, registrations: 0, seats: 0 });
    expect(stats.totals).toEqual({ events: 3, sessions: 5, registrations: 2, seats: 2 });
  });

  it('the public list starts today by default', async () => {
    const page = await listPublicEvents(app, municipalityId, {});
    expect(page.ok && page.value.filter.from).toBe(today());
    expect(page.ok && page.value.items.every((i) => i.nextDate >= today())).toBe(true);
  });
});
