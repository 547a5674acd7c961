import type { App } from '../app.ts';
import { addMonths, today } from '../platform/clock.ts';
import { listDistricts } from '../municipalities/index.ts';
import { addChild, addPregnancy, createHousehold, seedGuardian, type PersonActor } from '../households/index.ts';

/**
 * The demo family: 佐藤 花子 and 佐藤 太郎 in 桜ヶ丘, with a baby about 10 months old and a
 * pregnancy due in about 5 months, dated from today so the demo always looks current; and another
 * family, 鈴木 美和 in 川辺, whose records no other guardian may ever see.
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
  if (userIds.otherGuardian) await seedOtherDemoHousehold(app, municipalityId, userIds.otherGuardian, userIds.otherGuardian2);
}

/** 鈴木 美和's household: a 3-year-old and a pregnancy, in 川辺. */
export async function seedOtherDemoHousehold(app: App, municipalityId: string, userId: string, secondGuardianId?: string): Promise<void> {
  const district = (await listDistricts(app.database.db, municipalityId)).find((d) => d.code === '03');
  if (!district) throw new Error('demo district 03 is missing');
  const actor: PersonActor = { userId, municipalityId, requestId: 'demo-seed' };
  const household = await createHousehold(app, actor, { districtId: district.id });
  if (!household.ok) throw new Error(`demo household: ${household.error.code}`);
  if (secondGuardianId) await seedGuardian(app, actor, secondGuardianId);
  const child = await addChild(app, actor, { name: '鈴木 陽向', birthDate: addMonths(today(), -40), sex: 'male' });
  if (!child.ok) throw new Error(`demo child: ${child.error.code}`);
  const pregnancy = await addPregnancy(app, actor, { basis: 'due_date', dueDate: addMonths(today(), 3), fetusCount: '1' });
  if (!pregnancy.ok) throw new Error(`demo pregnancy: ${pregnancy.error.code}`);
}
