import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { resolveMunicipality, type MunicipalityContext } from '../municipalities/index.ts';
import { schemaErrors as matches } from '../api/openapi.testing.ts';
import { addDays, today } from '../platform/clock.ts';
import { GET as listEvents, fallback as listFallback } from '../../../routes/api/v1/events/+server.ts';
import { GET as getEvent } from '../../../routes/api/v1/events/[id]/+server.ts';
import { GET as getFeed } from '../../../routes/api/v1/events.ics/+server.ts';
import { GET as getCsv } from '../../../routes/api/v1/opendata/event.csv/+server.ts';
import { GET as getOrganization } from '../../../routes/api/v1/organizations/[id]/+server.ts';
import { eventForm } from './events.testing.ts';
import { createEvent } from './index.ts';

// The real endpoint handlers, called as SvelteKit calls them, checked against the OpenAPI schemas.

let app: TestApp;
let municipality: MunicipalityContext;
let published: string;
let draft: string;

beforeAll(async () => {
  app = await openTestApp();
  const ward = await seedWard(app);
  municipality = (await resolveMunicipality(app.database.db, 'localhost'))!;
  const owner = { userId: ward.userIds.org, municipalityId: municipality.id };
  const placeId = (await app.database.db.selectFrom('place').select('id').where('municipality_id', '=', municipality.id).orderBy('name').executeTakeFirstOrThrow()).id;
  const a = await createEvent(app, owner, 'demo-npo', eventForm(placeId, { title: 'APIの会', recurrence: 'weekly', repeatWeeks: '2' }), { publish: true });
  const b = await createEvent(app, owner, 'demo-npo', eventForm(placeId, { title: 'APIの下書き' }));
  if (!a.ok || !b.ok) throw new Error('seed');
  published = a.value.id;
  draft = b.value.id;
});
afterAll(() => app.stop());

function eventFor(path: string, params: Record<string, string> = {}, method = 'GET') {
  const url = new URL(`http://localhost${path}`);
  return {
    request: new Request(url, { method }),
    url,
    locals: { app, municipality, viewer: undefined, requestId: 'req-1', address: '127.0.0.1' },
    params
  } as unknown as Parameters<typeof listEvents>[0] & Parameters<typeof getEvent>[0];
}

describe('GET /api/v1/events', () => {
  it('lists public events matching the OpenAPI schema, pages with a cursor, and leaves drafts out', async () => {
    const seen: string[] = [];
    let path = `/api/v1/events?to=${addDays(today(), 400)}`;
    for (let pages = 0; pages < 20; pages++) {
      const response = await listEvents(eventFor(path));
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(matches('EventPage', body)).toEqual([]);
      seen.push(...body.items.map((e: { id: string }) => e.id));
      if (!body.nextCursor) break;
      path = `/api/v1/events?to=${addDays(today(), 400)}&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(seen).toContain(published);
    expect(seen).not.toContain(draft);
    expect(new Set(seen).size).toBe(seen.length);
    const filtered = await (await listEvents(eventFor('/api/v1/events?age=1&free=1&has_seats=1'))).json();
    expect(filtered.items.map((e: { id: string }) => e.id)).toContain(published);
    const older = await (await listEvents(eventFor('/api/v1/events?age=9'))).json();
    expect(older.items.map((e: { id: string }) => e.id)).not.toContain(published);
  });

  it('refuses a filter it does not understand with api.invalid_query, and other methods with 405', async () => {
    const bad = await listEvents(eventFor('/api/v1/events?from=yesterday'));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.code).toBe('api.invalid_query');
    expect(matches('Error', body)).toEqual([]);
    expect((await listFallback(eventFor('/api/v1/events', {}, 'POST'))).status).toBe(405);
  });
});

describe('GET /api/v1/events/{id}', () => {
  it('gives a public event with its occurrences; a draft or an unknown id is api.not_found', async () => {
    const response = await getEvent(eventFor(`/api/v1/events/${published}`, { id: published }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(matches('EventDetail', body)).toEqual([]);
    expect(body.occurrences).toHaveLength(2);
    expect(body.occurrences[0].seatsLeft).toBe(3);
    for (const id of [draft, 'nope']) {
      const missing = await getEvent(eventFor(`/api/v1/events/${id}`, { id }));
      expect(missing.status).toBe(404);
      expect(matches('Error', await missing.json())).toEqual([]);
    }
  });

  it('the organization record lists its coming events', async () => {
    const body = await (await getOrganization(eventFor('/api/v1/organizations/demo-npo', { id: 'demo-npo' }))).json();
    expect(matches('Organization', body)).toEqual([]);
    expect(body.upcomingEvents.map((e: { id: string }) => e.id)).toContain(published);
  });
});

describe('the calendar feed and the open-data file', () => {
  it('GET /api/v1/events.ics is text/calendar with one VEVENT per occurrence', async () => {
    const response = await getFeed(eventFor('/api/v1/events.ics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded.match(new RegExp(`URL;VALUE=URI:http://localhost/events/${published}`, 'g'))).toHaveLength(2);
    expect((await getFeed(eventFor('/api/v1/events.ics?age=x'))).status).toBe(400);
  });

  it('GET /api/v1/opendata/event.csv is the current layout with a BOM', async () => {
    const response = await getCsv(eventFor('/api/v1/opendata/event.csv'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('APIの会');
    expect(text).not.toContain('APIの下書き');
  });
});
