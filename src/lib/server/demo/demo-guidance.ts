import type { App } from '../app.ts';
import { addMonths, today } from '../platform/clock.ts';
import { getHousehold, type PersonActor } from '../households/index.ts';
import { ensureRuleSet, planNotices, recordPastDoses } from '../guidance/index.ts';

/**
 * The demo ward's timeline: the built-in rule set, and the vaccinations 佐藤 陽葵 (about 10 months) has
 * had so far, at the standard ages, so her timeline shows done, due and coming items; and today's notices.
 */
export async function seedDemoGuidance(app: App, municipalityId: string, userIds: Record<string, string>): Promise<void> {
  await ensureRuleSet(app, municipalityId);
  const hanako = userIds.guardian;
  if (!hanako) return;
  const actor: PersonActor = { userId: hanako, municipalityId, requestId: 'demo-seed' };
  const child = (await getHousehold(app, actor))?.children.find((c) => c.name === '佐藤 陽葵');
  if (!child) return;
  const at = (months: number) => addMonths(child.birthDate, months);
  const result = await recordPastDoses(app, actor, child.id, {
    d_hbv_1: at(2),
    d_hbv_2: at(3),
    d_hbv_3: at(7),
    d_rota_1: at(2),
    d_rota_2: at(3),
    rotaBrand: 'rv1',
    d_pcv_1: at(2),
    d_pcv_2: at(3),
    d_pcv_3: at(4),
    d_dpt_ipv_hib_1: at(2),
    d_dpt_ipv_hib_2: at(3),
    d_dpt_ipv_hib_3: at(4),
    d_bcg_1: at(5)
  });
  if (!result.ok) throw new Error(`demo doses: ${result.error.code} ${JSON.stringify(result.error.fields ?? {})}`);
  // Today's notices, as the daily planner would have made them, so the demo inbox is not empty.
  await planNotices(app.database.db, municipalityId, today());
}
