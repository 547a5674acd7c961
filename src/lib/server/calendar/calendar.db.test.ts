import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard } from '../testing/fixtures.ts';
import { addDays, addMonths, setClock, today } from '../platform/clock.ts';
import { listDistricts, resolveMunicipality, type MunicipalityContext } from '../municipalities/index.ts';
import { addChild, addPregnancy, createHousehold, type PersonActor } from '../households/index.ts';
import { getTimeline } from '../guidance/index.ts';
import { reserveSlot } from '../bookings/index.ts';
import { createHouseholds, createServiceWithSlot } from '../bookings/bookings.testing.queries.ts';
import { createCalendarFeed, getCalendarSettings, revokeCalendarFeed } from './index.ts';
import { GET as feedRoute, fallback as feedFallback } from '../../../routes/api/v1/calendar/[token].ics/+server.ts';

// The private iCalendar feed, fetched through its real endpoint and parsed as RFC 5545.

let app: TestApp;
let municipality: MunicipalityContext;
let municipalityId: string;
let districtIds: string[];
let counter = 0;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
  municipality = (await resolveMunicipality(app.database.db, 'localhost'))!;
  districtIds = (await listDistricts(app.database.db, municipalityId)).map((d) => d.id);
});
afterAll(() => app.stop());
beforeEach(() => setClock('2026-06-15T03:00:00Z'));

async function family(): Promise<PersonActor & { childId: string }> {
  counter += 1;
  const userId = await createPerson(app, municipalityId, `cal${counter}@example.jp`);
  const actor = { userId, municipalityId, requestId: `cal${counter}` };
  const created = await createHousehold(app, actor, { districtId: districtIds[0] });
  if (!created.ok) throw new Error(created.error.code);
  const child = await addChild(app, actor, { name: 'カレンダー花子', birthDate: addMonths(today(), -2), sex: 'female' });
  if (!child.ok) throw new Error(child.error.code);
  return { ...actor, childId: child.value.id };
}

async function fetchFeed(path: string, method = 'GET') {
  const url = new URL(`http://localhost${path}`);
  const token = path.replace('/api/v1/calendar/', '').replace(/\.ics$/, '');
  const event = {
    request: new Request(url, { method }),
    url,
    locals: { app, municipality, viewer: undefined, requestId: 'req-cal', address: '127.0.0.1' },
    params: { token }
  } as unknown as Parameters<typeof feedRoute>[0];
  return method === 'GET' ? feedRoute(event) : feedFallback(event);
}

interface VEvent {
  [property: string]: string;
}

/** RFC 5545 §3.1: lines end in CRLF, are at most 75 octets, and a line starting with a space continues the previous one. */
function parseCalendar(text: string): { lines: string[]; events: VEvent[] } {
  expect(text.endsWith('\r\n') || text.endsWith('END:VCALENDAR')).toBe(true);
  const physical = text.split('\r\n').filter((l) => l !== '');
  for (const line of physical) {
    expect(line.includes('\n')).toBe(false);
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const events: VEvent[] = [];
  let current: VEvent | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1).replace(/\\,/g, ',').replace(/\\;/g, ';').replace(/\\n/g, '\n');
    }
  }
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  return { lines, events };
}

const compact = (isoDate: string) => isoDate.replaceAll('-', '');

describe('the private calendar feed', () => {
  it('shows the household’s open timeline windows as all-day events, with no names unless chosen', async () => {
    const actor = await family();
    const created = await createCalendarFeed(app, actor, {});
    if (!created.ok) throw new Error(created.error.code);
    expect(created.value.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await app.database.db.selectFrom('calendar_feed').selectAll().where('user_id', '=', actor.userId).execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(created.value.token);

    const response = await fetchFeed(created.value.path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const { events } = parseCalendar(text);
    expect(text).not.toContain('カレンダー花子');

    const timeline = await getTimeline(app, actor, 'ja');
    const open = timeline!.children[0].items.filter((i) => ['due', 'upcoming', 'overdue'].includes(i.status));
    expect(events).toHaveLength(open.length);
    const hepatitis = open.find((i) => i.ruleKey === 'immunisation.hbv.1')!;
    const event = events.find((e) => e.SUMMARY === hepatitis.text.title)!;
    expect(event['DTSTART;VALUE=DATE']).toBe(compact(hepatitis.windowStart));
    expect(event['DTEND;VALUE=DATE']).toBe(compact(addDays(hepatitis.windowEnd!, 1)));
    expect(event.UID).toMatch(/^[0-9a-f]{32}@hagukumi$/);
    expect(event.DTSTAMP).toBe('20260615T030000Z');
    // A long Japanese title survives folding intact.
    const longest = open.reduce((a, b) => (Buffer.byteLength(b.text.title) > Buffer.byteLength(a.text.title) ? b : a));
    expect(events.map((e) => e.SUMMARY)).toContain(longest.text.title);
    expect(events.every((e) => e.DESCRIPTION?.endsWith('http://localhost/timeline'))).toBe(true);

    const stamp = await app.database.db.selectFrom('calendar_feed').select('last_fetched_at').where('user_id', '=', actor.userId).executeTakeFirstOrThrow();
    expect(stamp.last_fetched_at).not.toBeNull();
  });

  it('includes the children’s names and the pregnancy items only when the person chose them', async () => {
    const actor = await family();
    const pregnancy = await addPregnancy(app, actor, { basis: 'due_date', dueDate: addDays(today(), 100), fetusCount: '1' });
    if (!pregnancy.ok) throw new Error(pregnancy.error.code);
    const plain = await createCalendarFeed(app, actor, {});
    if (!plain.ok) throw new Error(plain.error.code);
    const plainUids = new Set(parseCalendar(await (await fetchFeed(plain.value.path)).text()).events.map((e) => e.UID));
    const chosen = await createCalendarFeed(app, actor, { includeNames: 'on', includePregnancy: 'on' });
    if (!chosen.ok) throw new Error(chosen.error.code);
    const settings = await getCalendarSettings(app, actor);
    expect(settings.feed).toMatchObject({ includeNames: true, includePregnancy: true });
    const { events } = parseCalendar(await (await fetchFeed(chosen.value.path)).text());
    expect(events.some((e) => e.SUMMARY.endsWith('（カレンダー花子）'))).toBe(true);
    const timeline = await getTimeline(app, actor, 'ja');
    const pregnancyTitles = timeline!.pregnancies[0].items.filter((i) => ['due', 'upcoming', 'overdue'].includes(i.status)).map((i) => i.text.title);
    expect(pregnancyTitles.length).toBeGreaterThan(0);
    for (const title of pregnancyTitles) expect(events.map((e) => e.SUMMARY)).toContain(title);
    // The same items keep their UIDs when the link is regenerated with other options.
    for (const uid of plainUids) expect(events.map((e) => e.UID)).toContain(uid);
  });

  it('lists the household’s confirmed and waitlisted bookings with their time and place', async () => {
    const actor = await family();
    const slot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 1, daysAhead: 3, startTime: '10:00', endTime: '12:00' });
    const [other] = await createHouseholds(app.database.db, municipalityId, 1, () => 1);
    expect((await reserveSlot(app, other.actor, { slotId: slot.slotId, childIds: other.childIds }, 'web')).ok).toBe(true);
    const waiting = await reserveSlot(app, actor, { slotId: slot.slotId, childIds: [actor.childId], joinWaitlist: true }, 'web');
    expect(waiting.ok && waiting.value.status).toBe('waitlisted');
    const confirmedSlot = await createServiceWithSlot(app.database.db, municipalityId, { capacity: 3, daysAhead: 5, startTime: '13:30', endTime: '15:00' });
    const confirmed = await reserveSlot(app, actor, { slotId: confirmedSlot.slotId, childIds: [actor.childId] }, 'web');
    expect(confirmed.ok && confirmed.value.status).toBe('confirmed');

    const created = await createCalendarFeed(app, actor, {});
    if (!created.ok) throw new Error(created.error.code);
    const { events } = parseCalendar(await (await fetchFeed(created.value.path)).text());
    const bookings = events.filter((e) => e.SUMMARY.includes('テスト一時預かり'));
    expect(bookings).toHaveLength(2);
    const sure = bookings.find((e) => e.DTSTART === `${compact(confirmedSlot.date)}T043000Z`)!;
    expect(sure.DTEND).toBe(`${compact(confirmedSlot.date)}T060000Z`);
    expect(sure.SUMMARY.startsWith('テスト一時預かり（テスト施設')).toBe(true);
    expect(sure.LOCATION).toContain('テスト施設');
    const wait = bookings.find((e) => e.DTSTART === `${compact(slot.date)}T010000Z`)!;
    expect(wait.SUMMARY.startsWith('【キャンセル待ち】')).toBe(true);
    expect(events.some((e) => e.SUMMARY.includes(other.childIds[0]))).toBe(false);
  });

  it('a regenerated link replaces the old one (404) with the same event UIDs; a revoked link answers 404', async () => {
    const actor = await family();
    const first = await createCalendarFeed(app, actor, {});
    if (!first.ok) throw new Error(first.error.code);
    const before = parseCalendar(await (await fetchFeed(first.value.path)).text()).events.map((e) => e.UID).sort();
    const second = await createCalendarFeed(app, actor, {});
    if (!second.ok) throw new Error(second.error.code);
    expect(second.value.token).not.toBe(first.value.token);
    const old = await fetchFeed(first.value.path);
    expect(old.status).toBe(404);
    expect((await old.json()).code).toBe('api.not_found');
    const after = parseCalendar(await (await fetchFeed(second.value.path)).text()).events.map((e) => e.UID).sort();
    expect(after).toEqual(before);

    expect((await revokeCalendarFeed(app, actor)).ok).toBe(true);
    expect((await fetchFeed(second.value.path)).status).toBe(404);
    const again = await revokeCalendarFeed(app, actor);
    expect(again.ok ? '' : again.error.code).toBe('calendar.nothing_to_revoke');
    expect((await getCalendarSettings(app, actor)).feed).toBeNull();
    const audit = await app.database.db.selectFrom('audit_log').select('action').where('actor_user_id', '=', actor.userId).where('record_type', '=', 'calendar_feed').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['calendar.create_feed', 'calendar.create_feed', 'calendar.revoke_feed']);
  });

  it('answers 404 to a made-up or malformed token and 405 to other methods, and refuses a person without a household', async () => {
    expect((await fetchFeed(`/api/v1/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetchFeed('/api/v1/calendar/short.ics')).status).toBe(404);
    expect((await fetchFeed(`/api/v1/calendar/${'A'.repeat(43)}.ics`, 'POST')).status).toBe(405);
    const loner = await createPerson(app, municipalityId, `cal-loner${counter}@example.jp`);
    const refused = await createCalendarFeed(app, { userId: loner, municipalityId }, {});
    expect(refused.ok ? '' : refused.error.code).toBe('calendar.no_household');
    expect((await getCalendarSettings(app, { userId: loner, municipalityId })).hasHousehold).toBe(false);
  });
});
