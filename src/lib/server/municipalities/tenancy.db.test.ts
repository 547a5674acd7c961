import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedOtherMunicipality, seedWard } from '../testing/fixtures.ts';
import { findActiveRoleAssignments, insertRoleAssignment } from '../auth/auth.queries.ts';
import { canEnter } from '../auth/roles.ts';
import { today } from '../platform/clock.ts';
import { callerFor } from './test-callers.ts';
import { resolveMunicipality } from './municipalities.service.ts';
import { insertDepartment, insertMunicipalityHost } from './municipalities.queries.ts';
import { listDistrictsForAdmin, removeDistrict, setDistrictActivity, updateDistrictDetails } from './districts.service.ts';
import { findDepartmentForAdmin, listDepartmentsOf, updateDepartmentDetails } from './departments.service.ts';
import { endRoleAssignment, findPersonForRoles, listRoleHolders, loadPersonRoles } from './roles-admin.service.ts';
import { loadWardOverview } from './statistics.service.ts';
import { loadMunicipalityProfile } from './profile.service.ts';
import type { Caller } from './admin-access.ts';

// One deployment, two municipalities: さくら区 (the demo ward) and 千代田区. Nothing of one may be seen or
// changed from the other.
let app: TestApp;
let sakura: string;
let chiyoda: string;
let chiyodaDistrict: string;
let chiyodaDepartment: string;
let sakuraIds: Record<string, string>;
let chiyodaAdmin: Caller;
let chiyodaStaff: Caller;
let sakuraAdmin: Caller;
let crossWorker: string;

beforeAll(async () => {
  app = await openTestApp();
  const ward = await seedWard(app);
  sakura = ward.municipalityId;
  sakuraIds = ward.userIds;
  ({ municipalityId: chiyoda, districtId: chiyodaDistrict } = await seedOtherMunicipality(app));
  await insertMunicipalityHost(app.database.db, 'kosodate.chiyoda.example', chiyoda);
  ({ id: chiyodaDepartment } = await insertDepartment(app.database.db, chiyoda, { code: 'kodomo', name: '子ども支援課' }));

  const adminId = await createPerson(app, chiyoda, 'admin@chiyoda.example', '千代田 管理者');
  const staffId = await createPerson(app, chiyoda, 'staff@chiyoda.example', '千代田 職員');
  await insertRoleAssignment(app.database.db, { municipalityId: chiyoda, userId: adminId, role: 'admin', validFrom: today(), grantedBy: null });
  await insertRoleAssignment(app.database.db, { municipalityId: chiyoda, userId: staffId, role: 'ward_staff', scopeType: 'department', scopeId: 'kodomo', validFrom: today(), grantedBy: null });
  chiyodaAdmin = await callerFor(app, adminId, chiyoda);
  chiyodaStaff = await callerFor(app, staffId, chiyoda);
  sakuraAdmin = await callerFor(app, sakuraIds.admin, sakura);

  // A person registered in さくら区 who is also ward staff in 千代田区.
  crossWorker = await createPerson(app, sakura, 'commuter@sakura.example', '通勤 職員');
  await insertRoleAssignment(app.database.db, { municipalityId: chiyoda, userId: crossWorker, role: 'ward_staff', scopeType: 'department', scopeId: 'kodomo', validFrom: today(), grantedBy: null });

  // Aggregates to tell apart: two households and a child in 千代田区, none in さくら区.
  for (let i = 0; i < 2; i++) {
    const { rows } = await sql<{ id: string }>`insert into household (municipality_id, district_id) values (${chiyoda}, ${chiyodaDistrict}) returning id`.execute(app.database.db);
    if (i === 0) await sql`insert into child (municipality_id, household_id, name, birth_date) values (${chiyoda}, ${rows[0].id}, 'テスト', '2025-04-01')`.execute(app.database.db);
  }
});
afterAll(() => app.stop());

describe('one deployment, two municipalities', () => {
  it('the host name decides the municipality; an unknown host gets none when there are several', async () => {
    expect((await resolveMunicipality(app.database.db, 'kosodate.chiyoda.example:443'))?.id).toBe(chiyoda);
    expect((await resolveMunicipality(app.database.db, 'LOCALHOST:3000'))?.id).toBe(sakura);
    expect(await resolveMunicipality(app.database.db, 'unknown.example')).toBeUndefined();
    expect(await resolveMunicipality(app.database.db, null)).toBeUndefined();
  });

  it('districts and departments of one are not listed in the other', async () => {
    const sakuraDistricts = await listDistrictsForAdmin(app, sakuraAdmin);
    const chiyodaDistricts = await listDistrictsForAdmin(app, chiyodaAdmin);
    expect(sakuraDistricts.ok && sakuraDistricts.value.map((d) => d.name)).not.toContain('丸の内');
    expect(chiyodaDistricts.ok && chiyodaDistricts.value.map((d) => d.name)).toEqual(['丸の内']);
    expect((await listDepartmentsOf(app, sakura)).map((d) => d.code)).not.toContain('kodomo');
    expect((await listDepartmentsOf(app, chiyoda)).map((d) => d.code)).toEqual(['kodomo']);
  });

  it('an admin of one cannot read or change districts and departments of the other by id', async () => {
    expect(await updateDistrictDetails(app, sakuraAdmin, chiyodaDistrict, { code: '01', name: '乗っ取り' })).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await setDistrictActivity(app, sakuraAdmin, chiyodaDistrict, false)).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await removeDistrict(app, sakuraAdmin, chiyodaDistrict)).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await findDepartmentForAdmin(app, sakuraAdmin, chiyodaDepartment)).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await updateDepartmentDetails(app, sakuraAdmin, chiyodaDepartment, { name: '乗っ取り' })).toMatchObject({ ok: false, error: { status: 404 } });
    const still = await listDistrictsForAdmin(app, chiyodaAdmin);
    expect(still.ok && still.value[0]).toMatchObject({ name: '丸の内', isActive: true });
  });

  it('role assignments of one are not listed, found or ended from the other', async () => {
    const sakuraHolders = await listRoleHolders(app, sakuraAdmin);
    expect(sakuraHolders.ok && sakuraHolders.value.map((h) => h.email)).not.toContain('admin@chiyoda.example');
    expect(sakuraHolders.ok && sakuraHolders.value.some((h) => h.userId === crossWorker)).toBe(false);
    expect(await findPersonForRoles(app, sakuraAdmin, { email: 'staff@chiyoda.example' })).toMatchObject({ ok: false });
    expect(await loadPersonRoles(app, sakuraAdmin, chiyodaStaff.userId)).toMatchObject({ ok: false, error: { status: 404 } });
    const chiyodaAdminAssignment = chiyodaAdmin.roles[0].id;
    expect(await endRoleAssignment(app, sakuraAdmin, chiyodaAdmin.userId, chiyodaAdminAssignment)).toMatchObject({ ok: false, error: { status: 404 } });
  });

  it('a role granted in one municipality gives no access in the other', async () => {
    const inChiyoda = await findActiveRoleAssignments(app.database.db, crossWorker, chiyoda, today());
    const inSakura = await findActiveRoleAssignments(app.database.db, crossWorker, sakura, today());
    expect(canEnter('staff', true, inChiyoda)).toBe(true);
    expect(inSakura).toEqual([]);
    expect(canEnter('staff', true, inSakura)).toBe(false);
    const asSakuraCaller = await callerFor(app, crossWorker, sakura);
    expect(await loadWardOverview(app, asSakuraCaller)).toMatchObject({ ok: false, error: { status: 403 } });
    expect(await loadMunicipalityProfile(app, { ...chiyodaAdmin, municipalityId: sakura, roles: [] })).toMatchObject({ ok: false, error: { status: 403 } });
  });

  it('the ward console counts only its own municipality', async () => {
    const sakuraStaff = await callerFor(app, sakuraIds.staff, sakura);
    const totals = async (caller: Caller) => {
      const overview = await loadWardOverview(app, caller);
      if (!overview.ok) throw new Error('ward console refused');
      return overview.value;
    };
    const sakuraBefore = await totals(sakuraStaff);
    const chiyodaBefore = await totals(chiyodaStaff);
    expect(chiyodaBefore.totals).toMatchObject({ households: 2, children: 1, activePregnancies: 0, people: 2 });
    expect(chiyodaBefore.districts).toMatchObject([{ name: '丸の内', households: 2 }]);
    expect(chiyodaBefore.departments).toMatchObject([{ code: 'kodomo', name: '子ども支援課' }]);

    // A new family and a new person in 千代田区 change its counts and nothing in さくら区.
    const { rows } = await sql<{ id: string }>`insert into household (municipality_id, district_id) values (${chiyoda}, ${chiyodaDistrict}) returning id`.execute(app.database.db);
    await sql`insert into pregnancy (municipality_id, household_id, due_date) values (${chiyoda}, ${rows[0].id}, '2027-03-01')`.execute(app.database.db);
    await createPerson(app, chiyoda, 'newcomer@chiyoda.example', '千代田 新人');
    expect((await totals(chiyodaStaff)).totals).toEqual({ households: 3, children: 1, activePregnancies: 1, people: 3 });
    expect(await totals(sakuraStaff)).toEqual(sakuraBefore);
    expect(sakuraBefore.districts.map((d) => d.name)).not.toContain('丸の内');
  });
});
