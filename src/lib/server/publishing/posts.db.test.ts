import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { setClock } from '../platform/clock.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { setSuspension } from '../organizations/index.ts';
import {
  cancelSchedule,
  createPost,
  getConsolePost,
  getPublicPost,
  listOrganizationPublicPosts,
  listRecentPublicPosts,
  publishDuePostsNow,
  publishPost,
  schedulePost,
  unpublishPost,
  unpublishPostAsStaff,
  updatePost
} from './index.ts';
import { NEWS, linkFor, openWorld, type World } from './publishing.test-world.ts';

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await openTestApp();
  world = await openWorld(app);
});
afterAll(() => app.stop());
afterEach(() => setClock(undefined));

async function draft(organizationId: string, actor: { userId: string; municipalityId: string }, input: Record<string, unknown> = NEWS): Promise<string> {
  const created = await createPost(app, actor, organizationId, input);
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  return created.value.id;
}

describe('who may write and publish', () => {
  it('owners and editors draft and publish; a viewer can do neither', async () => {
    const org = await world.organization();
    const byOwner = await draft(org.id, org.owner);
    expect((await publishPost(app, org.owner, org.id, byOwner)).ok).toBe(true);
    const byEditor = await draft(org.id, org.editor);
    expect((await publishPost(app, org.editor, org.id, byEditor)).ok).toBe(true);

    const viewerDraft = await createPost(app, org.viewer, org.id, NEWS);
    expect(viewerDraft.ok || viewerDraft.error.code).toBe('publishing.editors_only');
    const viewerPublish = await publishPost(app, org.viewer, org.id, byOwner);
    expect(viewerPublish.ok || viewerPublish.error.code).toBe('publishing.editors_only');
    const viewerEdit = await updatePost(app, org.viewer, org.id, byOwner, NEWS);
    expect(viewerEdit.ok || viewerEdit.error.code).toBe('publishing.editors_only');
    // The viewer still reads the console.
    expect((await getConsolePost(app, org.viewer, org.id, byOwner)).ok).toBe(true);
  });

  it("a member of organization A cannot read, edit, publish or unpublish organization B's post", async () => {
    const a = await world.organization();
    const b = await world.organization();
    const postOfB = await draft(b.id, b.owner);
    for (const attempt of [
      () => getConsolePost(app, a.owner, b.id, postOfB),
      () => updatePost(app, a.owner, b.id, postOfB, NEWS),
      () => publishPost(app, a.owner, b.id, postOfB),
      () => unpublishPost(app, a.owner, b.id, postOfB),
      // Through their own organization's id, B's post is simply not there.
      () => getConsolePost(app, a.owner, a.id, postOfB),
      () => updatePost(app, a.owner, a.id, postOfB, { ...NEWS, titleJa: '乗っ取り' }),
      () => publishPost(app, a.owner, a.id, postOfB)
    ]) {
      const result = await attempt();
      expect(result.ok || result.error.code).toBe('platform.not_found');
    }
    const still = await getConsolePost(app, b.owner, b.id, postOfB);
    expect(still.ok && still.value.titleJa).toBe(NEWS.titleJa);
    expect(still.ok && still.value.status).toBe('draft');
  });

  it('an organization not yet verified may draft but not publish, and nothing of it is public', async () => {
    const org = await world.organization({ verified: false });
    const postId = await draft(org.id, org.owner);
    const published = await publishPost(app, org.owner, org.id, postId);
    expect(published.ok || published.error.code).toBe('publishing.cannot_publish');
    expect((await getPublicPost(app, world.municipalityId, org.id, postId, 'ja')).ok).toBe(false);
  });

  it('bad input is refused field by field and nothing is written', async () => {
    const org = await world.organization();
    const result = await createPost(app, org.owner, org.id, { kind: 'volunteer', titleJa: ' ', bodyJa: '', titleEn: 'Summer festival' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toEqual({
      titleJa: 'pub_error_title_required',
      bodyJa: 'pub_error_body_required',
      bodyEn: 'pub_error_translation_pair',
      volunteerRoles: 'pub_error_roles_required'
    });
    const bogus = await createPost(app, org.owner, org.id, { ...NEWS, kind: 'advert' });
    expect(!bogus.ok && bogus.error.fields).toEqual({ kind: 'pub_error_kind' });
  });
});

describe('what the public sees', () => {
  it('only published posts of verified, non-suspended organizations are public, in the reader language with a fallback to Japanese', async () => {
    const org = await world.organization();
    const postId = await draft(org.id, org.owner, { ...NEWS, titleEn: 'Summer festival', bodyEn: 'We hold a festival in July.' });
    expect((await getPublicPost(app, world.municipalityId, org.id, postId, 'ja')).ok).toBe(false);
    expect((await publishPost(app, org.editor, org.id, postId)).ok).toBe(true);

    const en = await getPublicPost(app, world.municipalityId, org.id, postId, 'en');
    expect(en.ok && [en.value.title, en.value.lang]).toEqual(['Summer festival', 'en']);
    const easy = await getPublicPost(app, world.municipalityId, org.id, postId, 'ja-x-easy');
    expect(easy.ok && [easy.value.title, easy.value.lang, easy.value.isEasyJapanese]).toEqual([NEWS.titleJa, 'ja', false]);
    expect((await listOrganizationPublicPosts(app, world.municipalityId, org.id, 'ja')).map((p) => p.id)).toEqual([postId]);
    expect((await listRecentPublicPosts(app, world.municipalityId, 'ja')).map((p) => p.id)).toContain(postId);

    // Another organization's id in the address does not reach it.
    const other = await world.organization();
    expect((await getPublicPost(app, world.municipalityId, other.id, postId, 'ja')).ok).toBe(false);

    // Suspension hides every post of the organization; lifting it shows them again.
    expect((await setSuspension(app, world.staff, org.id, true, { reason: '確認中です。' }, linkFor)).ok).toBe(true);
    expect((await getPublicPost(app, world.municipalityId, org.id, postId, 'ja')).ok).toBe(false);
    expect(await listOrganizationPublicPosts(app, world.municipalityId, org.id, 'ja')).toEqual([]);
    expect((await listRecentPublicPosts(app, world.municipalityId, 'ja')).map((p) => p.id)).not.toContain(postId);
    const blocked = await publishPost(app, org.owner, org.id, await draft(org.id, org.owner));
    expect(blocked.ok || blocked.error.code).toBe('publishing.cannot_publish');
    expect((await setSuspension(app, world.staff, org.id, false, { reason: '確認しました。' }, linkFor)).ok).toBe(true);
    expect((await getPublicPost(app, world.municipalityId, org.id, postId, 'ja')).ok).toBe(true);
  });

  it('an edit after publishing is shown as revised with its date; the first publication date stays', async () => {
    setClock('2026-06-01T01:00:00Z');
    const org = await world.organization();
    const postId = await draft(org.id, org.owner);
    expect((await updatePost(app, org.owner, org.id, postId, { ...NEWS, bodyJa: '下書きを直しました。' })).ok).toBe(true);
    expect((await publishPost(app, org.owner, org.id, postId)).ok).toBe(true);
    const before = await getPublicPost(app, world.municipalityId, org.id, postId, 'ja');
    expect(before.ok && before.value.revisedAt).toBe(null);

    setClock('2026-06-03T02:00:00Z');
    const edited = await updatePost(app, org.editor, org.id, postId, { ...NEWS, bodyJa: '雨天の場合は中止します。' });
    expect(edited.ok && edited.value.revised).toBe(true);
    const after = await getPublicPost(app, world.municipalityId, org.id, postId, 'ja');
    expect(after.ok && after.value.body).toBe('雨天の場合は中止します。');
    expect(after.ok && after.value.publishedAt.toISOString()).toBe('2026-06-01T01:00:00.000Z');
    expect(after.ok && after.value.revisedAt?.toISOString()).toBe('2026-06-03T02:00:00.000Z');
  });

  it('the organization unpublishes its own post and may publish it again', async () => {
    const org = await world.organization();
    const postId = await draft(org.id, org.owner);
    await publishPost(app, org.owner, org.id, postId);
    expect((await unpublishPost(app, org.editor, org.id, postId)).ok).toBe(true);
    expect((await getPublicPost(app, world.municipalityId, org.id, postId, 'ja')).ok).toBe(false);
    expect((await publishPost(app, org.owner, org.id, postId)).ok).toBe(true);
    expect((await getPublicPost(app, world.municipalityId, org.id, postId, 'ja')).ok).toBe(true);
  });
});

describe('scheduled publishing', () => {
  it('a scheduled post stays hidden until due, then the job publishes it once, however often it runs', async () => {
    setClock('2026-07-01T00:00:00Z');
    const org = await world.organization();
    const postId = await draft(org.id, org.owner);
    const past = await schedulePost(app, org.owner, org.id, postId, { publishDate: '2026-07-01', publishTime: '08:00' });
    expect(!past.ok && past.error.fields).toEqual({ publishDate: 'pub_error_schedule_past' });
    // 10:00 in Tokyo is 01:00 UTC.
    const scheduled = await schedulePost(app, org.owner, org.id, postId, { publishDate: '2026-07-01', publishTime: '10:00' });
    expect(scheduled.ok && scheduled.value.publishAt.toISOString()).toBe('2026-07-01T01:00:00.000Z');
    expect(await publishDuePostsNow(app)).toBe(0);
    expect((await getPublicPost(app, world.municipalityId, org.id, postId, 'ja')).ok).toBe(false);

    setClock('2026-07-01T01:00:30Z');
    const runs = await Promise.all([publishDuePostsNow(app), publishDuePostsNow(app)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await publishDuePostsNow(app)).toBe(0);
    const shown = await getPublicPost(app, world.municipalityId, org.id, postId, 'ja');
    expect(shown.ok && shown.value.publishedAt.toISOString()).toBe('2026-07-01T01:00:00.000Z');
  });

  it('a cancelled schedule goes back to a draft and is never published', async () => {
    setClock('2026-07-02T00:00:00Z');
    const org = await world.organization();
    const postId = await draft(org.id, org.owner);
    await schedulePost(app, org.owner, org.id, postId, { publishDate: '2026-07-03', publishTime: '09:00' });
    expect((await cancelSchedule(app, org.editor, org.id, postId)).ok).toBe(true);
    setClock('2026-07-04T00:00:00Z');
    await publishDuePostsNow(app);
    const post = await getConsolePost(app, org.owner, org.id, postId);
    expect(post.ok && post.value.status).toBe('draft');
  });
});

describe('staff oversight', () => {
  it('ward staff unpublish any post with a reason: audit-logged, the organization sees why and is told, and cannot republish it', async () => {
    const org = await world.organization();
    const postId = await draft(org.id, org.owner);
    await publishPost(app, org.owner, org.id, postId);

    const noReason = await unpublishPostAsStaff(app, world.staff, postId, { reason: '' }, linkFor);
    expect(!noReason.ok && noReason.error.fields).toEqual({ reason: 'pub_error_reason_required' });
    const notStaff = await unpublishPostAsStaff(app, { ...org.owner, roles: [] }, postId, { reason: '不適切' }, linkFor);
    expect(notStaff.ok || notStaff.error.code).toBe('publishing.staff_only');

    const mails = app.sentMail.length;
    expect((await unpublishPostAsStaff(app, world.staff, postId, { reason: '個人の電話番号が載っています。' }, linkFor)).ok).toBe(true);
    expect((await getPublicPost(app, world.municipalityId, org.id, postId, 'ja')).ok).toBe(false);
    const seen = await getConsolePost(app, org.viewer, org.id, postId);
    expect(seen.ok && [seen.value.status, seen.value.unpublishedByStaff, seen.value.unpublishReason]).toEqual(['unpublished', true, '個人の電話番号が載っています。']);
    const told = app.sentMail.slice(mails);
    expect(told.map((m) => m.to).sort()).toEqual([org.owner.email, org.editor.email].sort());
    expect(told[0].text).toContain('個人の電話番号が載っています。');
    const audit = await listAuditEntries(app.database.db, { recordType: 'post', recordId: postId });
    expect(audit.map((a) => a.action)).toContain('publishing.post_unpublished_by_staff');
    const again = await publishPost(app, org.owner, org.id, postId);
    expect(again.ok || again.error.code).toBe('publishing.unpublished_by_staff');
  });
});
