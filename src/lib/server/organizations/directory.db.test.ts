import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedOtherMunicipality, seedWard } from '../testing/fixtures.ts';
import { setClock, today } from '../platform/clock.ts';
import { listDistricts } from '../municipalities/index.ts';
import { findActiveRoleAssignments } from '../auth/auth.queries.ts';
import {
  approveOrganization,
  canPublish,
  DIRECTORY_PAGE_SIZE,
  findOrganizationForMember,
  getPublicOrganization,
  listDirectory,
  loadOrganizationStatistics,
  registerOrganization,
  seedOrganization,
  type PublicOrganization,
  type StaffActor
} from './index.ts';

let app: TestApp;
let municipalityId: string;
let userIds: Record<string, string>;
let districts: { id: string; code: string }[];
let staff: StaffActor;
const linkFor = (path: string) => `http://sakura.test${path}`;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId, userIds } = await seedWard(app));
  districts = await listDistricts(app.database.db, municipalityId);
  staff = { userId: userIds.staff, municipalityId, roles: await findActiveRoleAssignments(app.database.db, userIds.staff, municipalityId, today()) };
});
afterAll(() => app.stop());
afterEach(() => setClock(undefined));

async function allPages(filter: { type?: string; district?: string }): Promise<PublicOrganization[]> {
  const items: PublicOrganization[] = [];
  let cursor: string | null = null;
  do {
    const page = await listDirectory(app, municipalityId, { ...filter, cursor });
    if (!page.ok) throw new Error(page.problem);
    expect(page.value.items.length).toBeLessThanOrEqual(DIRECTORY_PAGE_SIZE);
    items.push(...page.value.items);
    cursor = page.value.nextCursor;
  } while (cursor);
  return items;
}

describe('the demo ward’s organizations', () => {
  it('seeds さくら子育てネットワーク as demo-npo, owned by npo@ who may publish', async () => {
    const npo = { userId: userIds.org, municipalityId };
    const found = await findOrganizationForMember(app, npo, 'demo-npo');
    expect(found.ok && found.value.organization).toMatchObject({ name: 'さくら子育てネットワーク', type: 'npo', status: 'verified' });
    expect(found.ok && found.value.orgRole).toBe('owner');
    expect(found.ok && canPublish(found.value)).toBe(true);
  });

  it('has 100+ registered organizations and a circle waiting in the verification queue', async () => {
    const stats = await loadOrganizationStatistics(app, staff);
    const all = await allPages({});
    expect(all.length).toBeGreaterThanOrEqual(100);
    const lastYear = await loadOrganizationStatistics(app, staff, (stats.ok ? stats.value.fiscalYear : 0) - 1);
    expect(lastYear.ok && stats.ok && lastYear.value.yearTotal + stats.value.yearTotal).toBeGreaterThan(50);
    expect(stats.ok && stats.value.registeredTotal).toBeGreaterThanOrEqual(100);
    expect(all.some((o) => o.name === 'ひだまり子育てサークル')).toBe(false);
  });
});

describe('the directory 「地域の団体」', () => {
  it('pages through every public organization once, in kana order, filtered by type and district', async () => {
    const all = await allPages({});
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length);
    const kana = all.map((o) => o.nameKana);
    expect([...kana].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(kana);

    const circles = await allPages({ type: 'voluntary' });
    expect(circles.length).toBeGreaterThan(0);
    expect(circles.every((o) => o.type === 'voluntary')).toBe(true);

    const honcho = districts.find((d) => d.code === '02')!.id;
    const inHoncho = await allPages({ district: honcho });
    expect(inHoncho.every((o) => o.districts.some((d) => d.id === honcho))).toBe(true);
    expect(inHoncho.map((o) => o.id)).toContain('demo-npo');
    expect(all.filter((o) => o.districts.some((d) => d.id === honcho)).length).toBe(inHoncho.length);
  });

  it('rejects a filter it does not understand instead of guessing', async () => {
    expect(await listDirectory(app, municipalityId, { type: 'cult' })).toEqual({ ok: false, problem: 'type' });
    expect(await listDirectory(app, municipalityId, { district: 'north' })).toEqual({ ok: false, problem: 'district' });
    expect(await listDirectory(app, municipalityId, { cursor: 'not-a-cursor' })).toEqual({ ok: false, problem: 'cursor' });
  });

  it('shows no unverified organization and no member’s personal data', async () => {
    const owner = await createPerson(app, municipalityId, 'dir-owner@example.jp', '秘密 花子');
    const created = await registerOrganization(
      app,
      { userId: owner, municipalityId },
      { type: 'company', name: 'ディレクトリ株式会社', nameKana: 'でぃれくとり', purpose: '託児', districtIds: [districts[0].id], contactPhone: '03-1111-2222' },
      linkFor
    );
    const id = created.ok ? created.value.id : '';
    expect((await getPublicOrganization(app, municipalityId, id)).ok).toBe(false);
    expect((await allPages({})).some((o) => o.id === id)).toBe(false);
    await approveOrganization(app, staff, id, linkFor);
    const page = await getPublicOrganization(app, municipalityId, id);
    expect(page.ok && page.value.contact).toEqual({ email: null, phone: '03-1111-2222', url: null });
    expect(JSON.stringify(page)).not.toContain('秘密');
    expect(JSON.stringify(page)).not.toContain('dir-owner@example.jp');
  });
});

describe('registered organizations by type per fiscal year and month (staff statistics)', () => {
  it('counts each organization in the Tokyo month staff verified it, April to March', async () => {
    const other = await seedOtherMunicipality(app);
    const otherStaff: StaffActor = { userId: userIds.staff, municipalityId: other.municipalityId, roles: staff.roles };
    const base = { municipalityId: other.municipalityId, purpose: '活動', districtIds: [other.districtId], status: 'verified' as const };
    // FY2025 = 2025-04-01 .. 2026-03-31 (Tokyo). 2025-03-31 23:30 JST is still FY2024; 2026-03-31 23:30 JST is FY2025.
    const rows: [string, 'npo' | 'voluntary' | 'company', string][] = [
      ['a', 'npo', '2025-03-31T23:30:00+09:00'],
      ['b', 'npo', '2025-04-01T00:10:00+09:00'],
      ['c', 'voluntary', '2025-04-30T15:30:00Z'],
      ['d', 'voluntary', '2025-12-24T10:00:00+09:00'],
      ['e', 'company', '2026-03-31T23:30:00+09:00'],
      ['f', 'npo', '2026-04-01T00:00:00+09:00']
    ];
    for (const [key, type, at] of rows) {
      await seedOrganization(app, { ...base, type, name: `団体${key}`, nameKana: `だんたい${key}`, submittedAt: new Date(at), verifiedAt: new Date(at) });
    }
    await seedOrganization(app, { ...base, type: 'npo', name: '審査中', nameKana: 'しんさちゅう', status: 'pending', submittedAt: new Date('2025-06-01T10:00:00+09:00') });

    const stats = await loadOrganizationStatistics(app, otherStaff, 2025);
    if (!stats.ok) throw new Error(stats.error.code);
    const s = stats.value;
    expect(s.months.map((m) => m.month)).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'
    ]);
    // 2025-04-30T15:30Z is 2025-05-01 00:30 in Tokyo.
    expect(s.months.find((m) => m.month === '2025-04')?.byType).toMatchObject({ npo: 1, voluntary: 0 });
    expect(s.months.find((m) => m.month === '2025-05')?.byType).toMatchObject({ voluntary: 1 });
    expect(s.months.find((m) => m.month === '2025-12')?.total).toBe(1);
    expect(s.months.find((m) => m.month === '2026-03')?.byType).toMatchObject({ company: 1 });
    expect(s.yearByType).toMatchObject({ npo: 1, voluntary: 2, company: 1, general_incorporated: 0 });
    expect(s.yearTotal).toBe(4);
    expect(s.registeredByType).toMatchObject({ npo: 2, voluntary: 2, company: 1 });
    expect(s.registeredTotal).toBe(5);

    const next = await loadOrganizationStatistics(app, otherStaff, 2026);
    expect(next.ok && next.value.yearTotal).toBe(1);
    expect(next.ok && next.value.registeredTotal).toBe(6);
    const resident = await loadOrganizationStatistics(app, { userId: userIds.guardian, municipalityId, roles: [] }, 2025);
    expect(!resident.ok && resident.error.code).toBe('organizations.staff_only');
  });
});
