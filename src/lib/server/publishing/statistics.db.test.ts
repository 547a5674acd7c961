import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { setClock } from '../platform/clock.ts';
import { createPost, dismissReport, listOpenReportsForStaff, loadPublishingStatistics, publishPost, reportPost, unpublishPostAsStaff, type EventFiguresLoader } from './index.ts';
import { NEWS, linkFor, openWorld, type World } from './publishing.test-world.ts';

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await openTestApp();
  // The demo ward (with its official organizations, their owners and its posts) exists from before the
  // fiscal year counted here, so only this file's posts count in FY2026.
  setClock('2026-03-01T00:00:00Z');
  world = await openWorld(app);
  setClock(undefined);
});
afterAll(() => app.stop());
afterEach(() => setClock(undefined));

async function publishAt(org: { id: string; owner: { userId: string; municipalityId: string } }, at: string) {
  setClock(at);
  const created = await createPost(app, org.owner, org.id, NEWS);
  if (!created.ok) throw new Error('no post');
  const published = await publishPost(app, org.owner, org.id, created.value.id);
  if (!published.ok) throw new Error(JSON.stringify(published.error));
  return created.value.id;
}

describe('the publishing KPI', () => {
  it('counts posts per fiscal-year month (Tokyo) by publisher type, and keeps a place for the events figures', async () => {
    // Memberships start when they are made: set up the organizations before the first publication.
    setClock('2026-04-01T00:00:00Z');
    const circle = await world.organization();
    // An official organization of the demo ward (a ward department) and its owner.
    const official = await app.database.db
      .selectFrom('organization')
      .innerJoin('organization_member', 'organization_member.organization_id', 'organization.id')
      .select(['organization.id', 'organization_member.user_id'])
      .where('organization.is_official', '=', true)
      .where('organization.status', '=', 'verified')
      .where('organization_member.org_role', '=', 'owner')
      .executeTakeFirstOrThrow();
    const wardOrg = { id: official.id, owner: { userId: official.user_id, municipalityId: world.municipalityId } };

    await publishAt(circle, '2027-03-31T14:59:00Z'); // 23:59 on 31 March in Tokyo: FY2026, March
    await publishAt(circle, '2027-03-31T15:00:00Z'); // 00:00 on 1 April in Tokyo: FY2027, April
    await publishAt(circle, '2026-04-10T03:00:00Z');
    const reported = await publishAt(circle, '2026-04-11T03:00:00Z');
    // Unpublished later, it still counts in the month it was published.
    expect((await unpublishPostAsStaff(app, world.staff, reported, { reason: '重複' }, linkFor)).ok).toBe(true);
    await publishAt(wardOrg, '2026-04-12T03:00:00Z');

    setClock('2027-05-01T00:00:00Z');
    const loader: EventFiguresLoader = async (_app, _m, from) => [{ month: from.toISOString().slice(0, 7), eventsHeld: 3, registrations: 41 }];
    const stats = await loadPublishingStatistics(app, world.staff, 2026, loader);
    expect(stats.ok).toBe(true);
    if (!stats.ok) return;
    const april = stats.value.postMonths.find((m) => m.month === '2026-04');
    expect(april).toEqual({ month: '2026-04', official: 1, private: 2, total: 3, meetsTarget: false });
    expect(stats.value.postMonths.find((m) => m.month === '2027-03')?.private).toBe(1);
    expect(stats.value.postMonths.map((m) => m.month)[0]).toBe('2026-04');
    expect(stats.value.postMonths).toHaveLength(12);
    expect(stats.value.yearPosts.private).toBe(3);
    expect(stats.value.postTarget).toBe(200);
    expect(stats.value.organizations.registeredTotal).toBeGreaterThanOrEqual(100);
    expect(stats.value.eventMonths).toEqual([{ month: '2026-03', eventsHeld: 3, registrations: 41 }]);

    const next = await loadPublishingStatistics(app, world.staff, 2027);
    expect(next.ok && next.value.postMonths[0]).toEqual({ month: '2027-04', official: 0, private: 1, total: 1, meetsTarget: false });
    expect(next.ok && next.value.eventMonths).toBe(null);

    const refused = await loadPublishingStatistics(app, { ...circle.owner, roles: [] }, 2026);
    expect(refused.ok).toBe(false);
  });
});

describe('reports', () => {
  it('a resident reports a public post with a reason; it waits in the staff queue until dismissed or the post is unpublished', async () => {
    setClock('2026-04-01T00:00:00Z');
    const org = await world.organization();
    const a = await publishAt(org, '2026-05-01T00:00:00Z');
    const b = await publishAt(org, '2026-05-01T00:01:00Z');
    const resident = await world.person('reporter');
    const empty = await reportPost(app, resident, org.id, a, { reason: '' });
    expect(!empty.ok && empty.error.fields).toEqual({ reason: 'pub_error_reason_required' });
    const first = await reportPost(app, resident, org.id, a, { reason: '広告のように見えます。' });
    const second = await reportPost(app, resident, org.id, b, { reason: '写真に子どもの顔がはっきり写っています。' });
    if (!first.ok || !second.ok) throw new Error('not reported');
    const queue = await listOpenReportsForStaff(app, world.staff);
    expect(queue.ok && queue.value.map((r) => r.reason)).toEqual(['広告のように見えます。', '写真に子どもの顔がはっきり写っています。']);
    expect((await listOpenReportsForStaff(app, { ...resident, roles: [] })).ok).toBe(false);

    expect((await dismissReport(app, world.staff, first.value.id)).ok).toBe(true);
    expect((await unpublishPostAsStaff(app, world.staff, b, { reason: '子どもの顔が写っているため' }, linkFor)).ok).toBe(true);
    const after = await listOpenReportsForStaff(app, world.staff);
    expect(after.ok && after.value).toEqual([]);
    // A post no longer public cannot be reported.
    expect((await reportPost(app, resident, org.id, b, { reason: 'x' })).ok).toBe(false);
  });
});
