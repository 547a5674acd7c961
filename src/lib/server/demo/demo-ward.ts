import type { App } from '../app.ts';
import { findMunicipalityByCode, insertDepartment, insertDistrict, insertMunicipality, insertMunicipalityHost } from '../municipalities/municipalities.queries.ts';
import { insertRoleAssignment } from '../auth/auth.queries.ts';
import { insertProfile, markEmailVerified } from '../people/people.queries.ts';
import type { Role } from '../auth/roles.ts';
import { today } from '../platform/clock.ts';
import { seedDemoHouseholds } from './demo-households.ts';
import { seedDemoOrganizations } from './demo-organizations.ts';
import { seedDemoPublishing } from '../publishing/index.ts';
import { seedDemoForum } from './demo-forum.ts';
import { seedDemoGuidance } from './demo-guidance.ts';
import { seedDemoPlaces } from './demo-places.ts';
import { seedDemoBookings } from './demo-bookings.ts';
import { seedDemoProcedures } from './demo-procedures.ts';
import { seedDemoEvents } from './demo-events.ts';

/** さくら区 is fictional; 13999 + check digit 8 is not a real ward's code. */
export const DEMO_WARD = { code: '139998', name: 'さくら区', nameEn: 'Sakura City', nameEasy: 'さくらく', prefecture: '東京都' };

export const DEMO_PASSWORD = 'sakura-demo-2026';

export const DEMO_ACCOUNTS: { key: string; email: string; name: string; label: string; roles: { role: Role; scopeType?: string; scopeId?: string }[] }[] = [
  { key: 'guardian', email: 'hanako@sakura.example', name: '佐藤 花子', label: '保護者 guardian', roles: [] },
  { key: 'guardian2', email: 'taro@sakura.example', name: '佐藤 太郎', label: '保護者（2人目）second guardian', roles: [] },
  { key: 'otherGuardian', email: 'miwa@sakura.example', name: '鈴木 美和', label: '別の家庭の保護者 another family', roles: [] },
  { key: 'otherGuardian2', email: 'daisuke@sakura.example', name: '鈴木 大輔', label: '別の家庭の保護者（2人目）', roles: [] },
  { key: 'org', email: 'npo@sakura.example', name: '山田 葵', label: '団体メンバー org member', roles: [{ role: 'org_member', scopeType: 'organization', scopeId: 'demo-npo' }] },
  { key: 'moderator', email: 'moderator@sakura.example', name: '森 由紀', label: '掲示板モデレーター forum moderator', roles: [{ role: 'moderator' }] },
  { key: 'staff', email: 'staff@sakura.example', name: '中村 健', label: '区職員 ward staff', roles: [{ role: 'ward_staff', scopeType: 'department', scopeId: 'kosodate' }] },
  {
    key: 'coordinator',
    email: 'coordinator@sakura.example',
    name: '高橋 美咲',
    label: 'コーディネーター coordinator',
    roles: [{ role: 'coordinator' }, { role: 'health_professional', scopeType: 'qualification', scopeId: '保健師' }]
  },
  { key: 'admin', email: 'admin@sakura.example', name: '田中 誠', label: '管理者 admin', roles: [{ role: 'admin' }] },
  // Residents without a household yet: to try registering one (the household journeys use them too).
  { key: 'resident_a', email: 'yamamoto@sakura.example', name: '山本 由美', label: '保護者（世帯未登録）resident', roles: [] },
  { key: 'resident_b', email: 'ito@sakura.example', name: '伊藤 健', label: '保護者（世帯未登録）resident', roles: [] },
  { key: 'resident_c', email: 'kato@sakura.example', name: '加藤 愛', label: '保護者（世帯未登録）resident', roles: [] },
  { key: 'resident_d', email: 'kobayashi@sakura.example', name: '小林 翔', label: '保護者（世帯未登録）resident', roles: [] },
  // Owns the departments' official organizations (its org_member roles come with the memberships).
  { key: 'wardPublisher', email: 'kouhou@sakura.example', name: '松本 直樹', label: '区の広報担当 ward publisher (org)', roles: [] }
];

const DISTRICTS = [
  { code: '01', name: '桜ヶ丘', nameKana: 'さくらがおか', nameEn: 'Sakuragaoka' },
  { code: '02', name: '本町', nameKana: 'ほんちょう', nameEn: 'Honcho' },
  { code: '03', name: '川辺', nameKana: 'かわべ', nameEn: 'Kawabe' },
  { code: '04', name: '緑町', nameKana: 'みどりちょう', nameEn: 'Midoricho' },
  { code: '05', name: '北浜', nameKana: 'きたはま', nameEn: 'Kitahama' }
];

const DEPARTMENTS = [
  { code: 'kosodate', name: '子育て支援課', nameEn: 'Child-Rearing Support Division' },
  { code: 'hoken', name: '保健センター', nameEn: 'Health Center' },
  { code: 'gakumu', name: '教育委員会 学務課', nameEn: 'Board of Education, School Affairs' }
];

/** Creates a verified account with a password (as sign-up would, without the mail round trip). */
export async function createVerifiedAccount(app: App, email: string, name: string, password: string, municipalityId: string): Promise<string> {
  const ctx = await app.auth.$context;
  const user = await ctx.internalAdapter.createUser({ email: email.toLowerCase(), name, emailVerified: true }, { method: 'admin' });
  await ctx.internalAdapter.createAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: await ctx.password.hash(password) });
  await markEmailVerified(app.database.db, user.id);
  await insertProfile(app.database.db, { userId: user.id, municipalityId });
  return user.id;
}

export async function seedDemoWard(app: App): Promise<string> {
  const db = app.database.db;
  const { id: municipalityId } = await insertMunicipality(db, DEMO_WARD);
  await insertMunicipalityHost(db, 'localhost', municipalityId);
  for (const [i, d] of DISTRICTS.entries()) await insertDistrict(db, municipalityId, { ...d, sortOrder: i + 1 });
  for (const d of DEPARTMENTS) await insertDepartment(db, municipalityId, d);
  const userIds: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const userId = await createVerifiedAccount(app, account.email, account.name, DEMO_PASSWORD, municipalityId);
    userIds[account.key] = userId;
    for (const role of account.roles) {
      await insertRoleAssignment(db, { municipalityId, userId, role: role.role, scopeType: role.scopeType, scopeId: role.scopeId, validFrom: today(), grantedBy: null });
    }
  }
  await seedDemoHouseholds(app, municipalityId, userIds);
  await seedDemoOrganizations(app, municipalityId, userIds);
  await seedDemoPublishing(app, municipalityId, userIds);
  await seedDemoForum(app, municipalityId, userIds);
  await seedDemoGuidance(app, municipalityId, userIds);
  await seedDemoProcedures(app, municipalityId, userIds);
  await seedDemoPlaces(app, municipalityId);
  await seedDemoBookings(app, municipalityId);
  await seedDemoEvents(app, municipalityId, userIds);
  return municipalityId;
}

/** Seeds the demo ward unless a municipality with its code is already there. */
export async function seedDemoWardOnce(app: App): Promise<boolean> {
  const existing = await findMunicipalityByCode(app.database.db, DEMO_WARD.code);
  if (existing) return false;
  await seedDemoWard(app);
  return true;
}

export function printDemoAccounts(): void {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.label.padEnd(34)} ${a.email}`);
  console.log(
    ['', 'Demo ward さくら区 — demo accounts (password for all: ' + DEMO_PASSWORD + '):', ...lines, ''].join('\n')
  );
}
