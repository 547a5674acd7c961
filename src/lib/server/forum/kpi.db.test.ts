import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { setClock } from '../platform/clock.ts';
import type { RoleAssignment } from '../auth/roles.ts';
import { getForumKpi, replyPrivately, replyToThread, requestConsultation, startThread, type ForumActor } from './index.ts';

let app: TestApp;
let municipalityId: string;
let ids: Record<string, string>;

const role = (r: RoleAssignment['role'], scopeType: string | null = null, scopeId: string | null = null): RoleAssignment => ({
  id: r,
  role: r,
  scopeType,
  scopeId,
  validFrom: '2026-01-01',
  validTo: null
});
const actor = (userId: string, roles: RoleAssignment[] = []): ForumActor => ({ userId, municipalityId, requestId: null, address: null, roles });

async function at<T>(instant: string, run: () => Promise<T>): Promise<T> {
  setClock(instant);
  return run();
}

async function post(guardian: ForumActor, instant: string, body: string) {
  const result = await at(instant, () => startThread(app, guardian, { title: '相談', body, ageTopic: 'age_0', themeTopic: 'mind' }));
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId, userIds: ids } = await seedWard(app));
});
afterAll(async () => {
  setClock(undefined);
  await app.stop();
});

describe('the forum KPI page', () => {
  it('counts posts, professional answers, time to the first professional reply on urgent posts and escalations, per Tokyo month and fiscal year', async () => {
    const hanako = actor(ids.guardian);
    const nurse = actor(ids.coordinator, [role('coordinator'), role('health_professional', 'qualification', '保健師')]);
    const staff = actor(ids.staff, [role('ward_staff', 'department', 'kosodate')]);

    // April 2030: one ordinary question with a public professional answer, one urgent post answered in 30 minutes.
    const question = await post(hanako, '2030-04-10T10:00:00+09:00', '寝かしつけのコツを教えてください');
    await at('2030-04-10T11:00:00+09:00', () => replyToThread(app, nurse, question.threadId, { body: '保健師です。', asProfessional: 'on' }));
    const april = await post(hanako, '2030-04-10T12:00:00+09:00', 'もう死にたいです');
    await at('2030-04-10T12:30:00+09:00', () => replyPrivately(app, nurse, april.postId, { body: 'お話ししませんか' }));
    // 1 June 08:00 in Tokyo is still 31 May in UTC: it counts for June. Answered after 120 minutes.
    const june1 = await post(hanako, '2030-06-01T08:00:00+09:00', '消えたい');
    await at('2030-06-01T10:00:00+09:00', () => replyPrivately(app, nurse, june1.postId, { body: 'ご連絡ください', offerConsultation: 'on' }));
    const june10 = await post(hanako, '2030-06-10T09:00:00+09:00', '子どもを叩いてしまう');
    await at('2030-06-10T09:10:00+09:00', () => replyPrivately(app, nurse, june10.postId, { body: 'お話を聞かせてください' }));
    const consulted = await at('2030-06-10T12:00:00+09:00', () =>
      requestConsultation(app, hanako, june1.postId, { contactMethod: 'visit', preferredTime: '平日の午後', consent: 'on' }, '同意します')
    );
    expect(consulted.ok).toBe(true);
    // One urgent post nobody has answered yet: counted, but not in the reply times.
    await post(hanako, '2030-07-01T09:00:00+09:00', '死にたい');
    // The last day of the fiscal year counts; the first day of the next does not.
    await post(hanako, '2031-03-31T20:00:00+09:00', '年度末の質問です');
    await post(hanako, '2031-04-01T09:00:00+09:00', '新年度の質問です');

    const kpi = await getForumKpi(app, staff, 2030);
    if (!kpi.ok) throw new Error(kpi.error.code);
    const month = (period: string) => kpi.value.months.find((m) => m.period === period);
    expect(kpi.value.months.map((m) => m.period)).toEqual(['2030-04', '2030-05', '2030-06', '2030-07', '2030-08', '2030-09', '2030-10', '2030-11', '2030-12', '2031-01', '2031-02', '2031-03']);
    expect(month('2030-04')).toEqual({ period: '2030-04', posts: 2, professionalAnswers: 2, urgentPosts: 1, urgentAnswered: 1, medianMinutesToFirstReply: 30, worstMinutesToFirstReply: 30, escalations: 0 });
    expect(month('2030-05')).toMatchObject({ posts: 0, urgentPosts: 0, medianMinutesToFirstReply: null, worstMinutesToFirstReply: null });
    expect(month('2030-06')).toEqual({ period: '2030-06', posts: 2, professionalAnswers: 2, urgentPosts: 2, urgentAnswered: 2, medianMinutesToFirstReply: 65, worstMinutesToFirstReply: 120, escalations: 1 });
    expect(month('2030-07')).toMatchObject({ posts: 1, urgentPosts: 1, urgentAnswered: 0, medianMinutesToFirstReply: null });
    expect(month('2031-03')).toMatchObject({ posts: 1 });
    expect(kpi.value.total).toEqual({ period: 'FY2030', posts: 6, professionalAnswers: 4, urgentPosts: 4, urgentAnswered: 3, medianMinutesToFirstReply: 30, worstMinutesToFirstReply: 120, escalations: 1 });

    expect((await getForumKpi(app, hanako, 2030)).ok).toBe(false);
    expect((await getForumKpi(app, nurse, 2030)).ok).toBe(false);
  });
});
