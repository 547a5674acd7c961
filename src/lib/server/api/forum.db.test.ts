import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { resolveMunicipality, type MunicipalityContext } from '../municipalities/index.ts';
import { startThread } from '../forum/index.ts';
import { schemaErrors as matches } from './openapi.testing.ts';
import { GET as listThreads, fallback as listFallback } from '../../../routes/api/v1/forum/threads/+server.ts';
import { GET as getThread } from '../../../routes/api/v1/forum/threads/[threadId]/+server.ts';


let app: TestApp;
let municipality: MunicipalityContext;
let userIds: Record<string, string>;

beforeAll(async () => {
  app = await openTestApp();
  ({ userIds } = await seedWard(app));
  municipality = (await resolveMunicipality(app.database.db, 'localhost'))!;
});
afterAll(() => app.stop());

function eventFor(path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}, method = 'GET') {
  const url = new URL(`http://localhost${path}`);
  return {
    request: new Request(url, { method, headers }),
    url,
    locals: { app, municipality, viewer: undefined, requestId: 'req-1', address: '127.0.0.1' },
    params
  } as unknown as Parameters<typeof listThreads>[0] & Parameters<typeof getThread>[0];
}

describe('GET /api/v1/forum/threads', () => {
  it('lists the public threads as the OpenAPI document says, with pseudonyms and badges only', async () => {
    const response = await listThreads(eventFor('/api/v1/forum/threads'));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(matches('ForumThreadPage', body)).toEqual([]);
    expect(body.items.length).toBeGreaterThanOrEqual(4);
    const thread = await getThread(eventFor(`/api/v1/forum/threads/${body.items[0].id}`, { threadId: body.items[0].id }));
    const threadBody = await thread.json();
    expect(matches('ForumThread', threadBody)).toEqual([]);
    const everything = JSON.stringify(body) + JSON.stringify(threadBody);
    const users = await app.database.db.selectFrom('user').select(['id', 'name', 'email']).execute();
    for (const user of users) {
      expect(everything).not.toContain(user.id);
      expect(everything).not.toContain(user.email);
      expect(everything).not.toContain(user.name);
    }
  });

  it('finds threads by part of a Japanese word and by topic, and answers in the language asked for', async () => {
    const found = await (await listThreads(eventFor('/api/v1/forum/threads?q=寝かしつ'))).json();
    expect(found.items.map((t: { title: string }) => t.title)).toEqual(['3歳の寝かしつけに1時間以上かかります']);
    const byTopic = await (await listThreads(eventFor('/api/v1/forum/threads?topic=food', {}, { 'accept-language': 'en' }))).json();
    expect(byTopic.items).toHaveLength(1);
    expect(byTopic.items[0].author).toEqual({ kind: 'guardian', pseudonym: 'Dad (parenting) A' });
  });

  it('pages with a cursor and refuses a cursor it did not give', async () => {
    for (let i = 0; i < 3; i++) {
      await startThread(app, { userId: userIds.resident_c, municipalityId: municipality.id, roles: [] }, { title: `ページ送り${i}`, body: '質問です', ageTopic: 'age_0', themeTopic: 'other' });
    }
    const bad = await listThreads(eventFor('/api/v1/forum/threads?cursor=nonsense'));
    expect(bad.status).toBe(400);
    expect(matches('Error', await bad.json())).toEqual([]);
    expect((await listFallback(eventFor('/api/v1/forum/threads', {}, {}, 'POST'))).status).toBe(405);
  });

  it('a held thread does not exist in the API', async () => {
    const held = await startThread(app, { userId: userIds.resident_d, municipalityId: municipality.id, roles: [] }, { title: '相談', body: 'もう死にたい', ageTopic: 'age_0', themeTopic: 'mind' });
    if (!held.ok) throw new Error(held.error.code);
    const response = await getThread(eventFor(`/api/v1/forum/threads/${held.value.threadId}`, { threadId: held.value.threadId }));
    expect(response.status).toBe(404);
    const list = await (await listThreads(eventFor('/api/v1/forum/threads?q=死にたい'))).json();
    expect(list.items).toEqual([]);
  });
});
