import type { App } from '../app.ts';
import { seedDemoWard, DEMO_ACCOUNTS } from '../demo/demo-ward.ts';
import { insertMunicipality, insertDistrict } from '../municipalities/municipalities.queries.ts';
import { forgetResolvedMunicipalities } from '../municipalities/municipalities.service.ts';
import { createVerifiedAccount } from '../demo/demo-ward.ts';

export const TEST_PASSWORD = 'correct horse battery';

/** The demo ward with its accounts; returns the municipality id and the demo users' ids by key. */
export async function seedWard(app: App): Promise<{ municipalityId: string; userIds: Record<string, string> }> {
  const municipalityId = await seedDemoWard(app);
  const userIds: Record<string, string> = {};
  const rows = await app.database.db.selectFrom('user').select(['id', 'email']).execute();
  for (const account of DEMO_ACCOUNTS) {
    const row = rows.find((r) => r.email === account.email);
    if (row) userIds[account.key] = row.id;
  }
  return { municipalityId, userIds };
}

/** A second municipality with one district, for tenancy tests. */
export async function seedOtherMunicipality(app: App): Promise<{ municipalityId: string; districtId: string }> {
  const { id: municipalityId } = await insertMunicipality(app.database.db, { code: '131016', name: '千代田区', nameEn: 'Chiyoda City', prefecture: '東京都' });
  const { id: districtId } = await insertDistrict(app.database.db, municipalityId, { code: '01', name: '丸の内' });
  forgetResolvedMunicipalities(app.database.db); // the demo ward may have been "the only one" until now
  return { municipalityId, districtId };
}

export async function createPerson(app: App, municipalityId: string, email: string, name = 'テスト 利用者'): Promise<string> {
  return createVerifiedAccount(app, email, name, TEST_PASSWORD, municipalityId);
}
