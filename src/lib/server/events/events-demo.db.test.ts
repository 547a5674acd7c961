import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { listPublicEvents } from './index.ts';

let app: TestApp;
let municipalityId: string;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
});
afterAll(() => app.stop());

describe('the demo ward’s events', () => {
  it('has the NPO’s and the 保健センター’s events, with registration, one family registered', async () => {
    const page = await listPublicEvents(app, municipalityId, {}, { limit: 50 });
    if (!page.ok) throw new Error('list');
    const byTitle = new Map(page.value.items.map((e) => [e.title, e]));
    expect(byTitle.get('親子リトミック（毎週火曜）')).toMatchObject({ organization: { id: 'demo-npo' }, registration: 'bookings', capacityUnit: 'households', recurrence: 'weekly', seatsLeft: 7 });
    expect(byTitle.get('手作りおもちゃワークショップ')).toMatchObject({ feeYen: 300, capacityUnit: 'people' });
    expect(byTitle.get('公園で外遊びの会')).toMatchObject({ registration: 'none', place: { id: null } });
    expect(byTitle.get('はじめての離乳食講座')?.organization?.name).toBe('さくら区 保健センター');
  });
});
