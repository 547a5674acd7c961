import type { App } from '../app.ts';
import { addMonths, today } from '../platform/clock.ts';
import { listDistricts } from '../municipalities/index.ts';
import { addChild, addPregnancy, createHousehold, seedGuardian, type PersonActor } from '../households/index.ts';

/**
 * The demo family: 佐藤 花子 and 佐藤 太郎 in 桜ヶ丘, with a baby about 10 months old and a
 * pregnancy due in about 5 months, dated from today so the demo always looks current.
 */
export async function seedDemoHouseholds(app: App, municipalityId: string, userIds: Record<string, string>): Promise<void> {
  const hanako = userIds.guardian;
  const taro = userIds.guardian2;
  if (!hanako || !taro) return;
  const district = (await listDistricts(app.database.db, municipalityId)).find((d) => d.code === '01');
  if (!district) return;
  const actor: PersonActor = { userId: hanako, municipalityId, requestId: 'demo-seed' };
  const household = await createHousehold(app, actor, { districtId: district.id });
  if (!household.ok) throw new Error(`demo household: ${household.error.code}`);
  await seedGuardian(app, actor, taro);
  const child = await addChild(app, actor, { name: '佐藤 陽葵', birthDate: addMonths(today(), -10), sex: 'female' });
  if (!child.ok) throw new Error(`demo child: ${child.error.code}`);
  const pregnancy = await addPregnancy(app, actor, { basis: 'due_date', dueDate: addMonths(today(), 5), fetusCount: '1' });
  if (!pregnancy.ok) throw new Error(`demo pregnancy: ${pregnancy.error.code}`);
}
