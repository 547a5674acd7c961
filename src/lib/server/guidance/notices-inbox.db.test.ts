import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { editRuleAsStaff } from './guidance.testing.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedWard } from '../testing/fixtures.ts';
import { addDays, addMonths, setClock, today } from '../platform/clock.ts';
import { listDistricts } from '../municipalities/index.ts';
import { addChild, createHousehold, updateChild, type PersonActor } from '../households/index.ts';
import { updatePreferences } from '../people/index.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import { listInbox as listNotifications, openNotification } from '../notifications/index.ts';
import { createNotificationsForPlannedNotices, planNotices, type StaffCaller } from './index.ts';

let app: TestApp;
let municipalityId: string;
let districtId: string;
let staff: StaffCaller;
let counter = 0;

beforeAll(async () => {
  app = await openTestApp();
  const ward = await seedWard(app);
  municipalityId = ward.municipalityId;
  districtId = (await listDistricts(app.database.db, municipalityId))[0].id;
  staff = { userId: ward.userIds.staff, municipalityId, roles: await findActiveRoleAssignments(app.database.db, ward.userIds.staff, municipalityId, today()) };
});
afterAll(() => app.stop());
beforeEach(() => setClock('2026-06-15T03:00:00Z'));

async function family(language = 'ja'): Promise<PersonActor> {
  counter += 1;
  const userId = await createPerson(app, municipalityId, `ni${counter}@example.jp`);
  const actor = { userId, municipalityId, requestId: `ni${counter}` };
  await updatePreferences(app, actor, { language, notifyEmail: 'on', quietHours: 'none', quietStart: '', quietEnd: '' });
  const created = await createHousehold(app, actor, { districtId });
  if (!created.ok) throw new Error(created.error.code);
  return actor;
}

const guidanceNotices = (userId: string) =>
  app.database.db.selectFrom('guidance_notice').select(['id', 'rule_key', 'read_at']).where('user_id', '=', userId).orderBy('rule_key').execute();

describe('planned notices in the app-wide inbox', () => {
  it('every planned notice becomes one inbox notification in the person’s language, linking to the timeline, with an email delivery', async () => {
    const actor = await family('en');
    const child = await addChild(app, actor, { name: 'Ken', birthDate: addDays(today(), -3), sex: '' });
    if (!child.ok) throw new Error(child.error.code);
    await planNotices(app.database.db, municipalityId, today());
    const notices = await guidanceNotices(actor.userId);
    const inbox = await listNotifications(app, actor);
    expect(notices.length).toBeGreaterThan(0);
    expect(inbox).toHaveLength(notices.length);
    expect(inbox.every((n) => n.source === 'guidance' && n.link === `/timeline#subject-${child.value.id}` && n.body.startsWith('About Ken'))).toBe(true);
    const rule = await app.database.db.selectFrom('guidance_rule').select('content').where('municipality_id', '=', municipalityId).where('rule_key', '=', 'procedure.birth-registration').executeTakeFirstOrThrow();
    expect(inbox.map((n) => n.title)).toContain(rule.content.en.title);
    expect(inbox.some((n) => /[\u3040-\u30ff]/.test(n.title))).toBe(false);
    const deliveries = await app.database.db.selectFrom('notification_delivery as d').innerJoin('notification as n', 'n.id', 'd.notification_id').select('d.channel').where('n.user_id', '=', actor.userId).execute();
    expect(deliveries).toHaveLength(notices.length);
    expect(await createNotificationsForPlannedNotices(app.database.db, municipalityId)).toBe(0);
  });

  it('opening the notification records the notice as read (the KPI the guidance pages read)', async () => {
    const actor = await family();
    await addChild(app, actor, { name: 'はな', birthDate: addMonths(today(), -1), sex: '' });
    await planNotices(app.database.db, municipalityId, today());
    const [first] = await listNotifications(app, actor);
    expect((await guidanceNotices(actor.userId)).every((n) => n.read_at === null)).toBe(true);
    expect(await openNotification(app, actor, first.id)).toMatchObject({ ok: true });
    const read = (await guidanceNotices(actor.userId)).filter((n) => n.read_at !== null);
    expect(read).toHaveLength(1);
    const source = await app.database.db.selectFrom('notification').select('source_key').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(read[0].id).toBe(source.source_key);
  });

  it('rewording a rule or correcting a birth date creates no second notification for an occurrence already notified', async () => {
    const actor = await family();
    const child = await addChild(app, actor, { name: 'そら', birthDate: addDays(today(), -3), sex: '' });
    if (!child.ok) throw new Error(child.error.code);
    await planNotices(app.database.db, municipalityId, today());
    const before = await listNotifications(app, actor);
    const allowance = before.filter((n) => n.title.includes('児童手当'));
    expect(allowance).toHaveLength(1);

    expect((await editRuleAsStaff(app, staff, 'benefit.child-allowance.application', { triggerType: 'age', fromValue: '0', fromUnit: 'days', untilValue: '16', untilUnit: 'days' }, { title_ja: '児童手当の申請を忘れずに' })).ok).toBe(true);
    expect((await updateChild(app, actor, child.value.id, { name: 'そら', birthDate: addDays(today(), -4), sex: '' })).ok).toBe(true);
    setClock('2026-06-16T03:00:00Z');
    await planNotices(app.database.db, municipalityId, today());

    const after = await listNotifications(app, actor);
    expect(after.filter((n) => n.title.includes('児童手当'))).toHaveLength(1);
    expect(after.map((n) => n.id).sort()).toEqual(before.map((n) => n.id).sort());
    const ids = await app.database.db.selectFrom('notification').select('source_key').where('user_id', '=', actor.userId).execute();
    expect(new Set(ids.map((r) => r.source_key)).size).toBe(ids.length);
  });
});
