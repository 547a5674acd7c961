import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { callerFor } from './test-callers.ts';
import { createDistrict, listDistrictsForAdmin, removeDistrict, setDistrictActivity, updateDistrictDetails } from './districts.service.ts';
import { createDepartment, listDepartmentsOf, updateDepartmentDetails } from './departments.service.ts';
import { listDistricts } from './municipalities.queries.ts';
import type { Caller } from './admin-access.ts';

let app: TestApp;
let municipalityId: string;
let admin: Caller;

beforeAll(async () => {
  app = await openTestApp();
  const ward = await seedWard(app);
  municipalityId = ward.municipalityId;
  admin = await callerFor(app, ward.userIds.admin, municipalityId);
});
afterAll(() => app.stop());

async function districtIdByCode(code: string): Promise<string> {
  const all = await listDistrictsForAdmin(app, admin);
  if (!all.ok) throw new Error('not allowed');
  const found = all.value.find((d) => d.code === code);
  if (!found) throw new Error(`no district ${code}`);
  return found.id;
}

describe('districts', () => {
  it('an admin adds a district, which is listed with no households and audited', async () => {
    const result = await createDistrict(app, admin, { code: '06', name: '南台', nameKana: 'みなみだい', nameEn: 'Minamidai', sortOrder: '6' });
    expect(result.ok).toBe(true);
    const all = await listDistrictsForAdmin(app, admin);
    expect(all.ok && all.value.find((d) => d.code === '06')).toMatchObject({ name: '南台', nameKana: 'みなみだい', isActive: true, households: 0, sortOrder: 6 });
    const audit = await listAuditEntries(app.database.db, { recordType: 'district', recordId: result.ok ? result.value.id : '' });
    expect(audit.map((a) => a.action)).toEqual(['district.create']);
  });

  it('a code already used in the municipality is refused beside the code field', async () => {
    const result = await createDistrict(app, admin, { code: '01', name: '別の桜ヶ丘' });
    expect(result).toMatchObject({ ok: false, error: { status: 409, fields: { code: 'admin_error_district_code_taken' } } });
    expect((await listDistricts(app.database.db, municipalityId)).filter((d) => d.code === '01')).toHaveLength(1);
  });

  it('kana must be kana and the order a whole number; each problem is named', async () => {
    const result = await createDistrict(app, admin, { code: 'x y', name: '', nameKana: 'Minami', sortOrder: '-1' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toEqual({ code: 'admin_error_district_code', name: 'admin_error_required', nameKana: 'admin_error_kana', sortOrder: 'admin_error_sort_order' });
  });

  it('an admin edits a district, but cannot take the code of another one', async () => {
    const id = await districtIdByCode('06');
    const edited = await updateDistrictDetails(app, admin, id, { code: '06', name: '南台一丁目', nameKana: 'みなみだいいっちょうめ', nameEn: '', sortOrder: '7' });
    expect(edited.ok).toBe(true);
    const clash = await updateDistrictDetails(app, admin, id, { code: '02', name: '南台一丁目' });
    expect(clash).toMatchObject({ ok: false, error: { fields: { code: 'admin_error_district_code_taken' } } });
    const all = await listDistrictsForAdmin(app, admin);
    expect(all.ok && all.value.find((d) => d.id === id)).toMatchObject({ code: '06', name: '南台一丁目', sortOrder: 7 });
  });

  it('a deactivated district leaves the residents’ list and comes back when reactivated', async () => {
    const id = await districtIdByCode('05');
    expect((await setDistrictActivity(app, admin, id, false)).ok).toBe(true);
    expect((await listDistricts(app.database.db, municipalityId)).map((d) => d.code)).not.toContain('05');
    expect((await setDistrictActivity(app, admin, id, true)).ok).toBe(true);
    expect((await listDistricts(app.database.db, municipalityId)).map((d) => d.code)).toContain('05');
    const audit = await listAuditEntries(app.database.db, { recordType: 'district', recordId: id });
    expect(audit.map((a) => a.action)).toEqual(['district.deactivate', 'district.reactivate']);
  });

  it('a district a household lives in cannot be deleted, only deactivated; an unused one can be deleted', async () => {
    const used = await districtIdByCode('04');
    await sql`insert into household (municipality_id, district_id) values (${municipalityId}, ${used})`.execute(app.database.db);
    const refused = await removeDistrict(app, admin, used);
    expect(refused).toMatchObject({ ok: false, error: { code: 'municipalities.district_in_use', status: 409 } });
    const all = await listDistrictsForAdmin(app, admin);
    expect(all.ok && all.value.find((d) => d.id === used)).toMatchObject({ households: 1 });

    const unused = await districtIdByCode('06');
    expect((await removeDistrict(app, admin, unused)).ok).toBe(true);
    expect((await listDistricts(app.database.db, municipalityId, { includeInactive: true })).map((d) => d.code)).not.toContain('06');
  });
});

describe('departments', () => {
  it('an admin adds a department and renames it; its code stays the same', async () => {
    const created = await createDepartment(app, admin, { code: 'Jidou', name: '児童相談課', nameEn: '' });
    expect(created).toMatchObject({ ok: true, value: { code: 'jidou' } });
    if (!created.ok) return;
    const renamed = await updateDepartmentDetails(app, admin, created.value.id, { code: 'changed', name: '児童家庭支援課', nameEn: 'Child and Family Support' });
    expect(renamed.ok).toBe(true);
    const departments = await listDepartmentsOf(app, municipalityId);
    expect(departments.find((d) => d.id === created.value.id)).toMatchObject({ code: 'jidou', name: '児童家庭支援課', nameEn: 'Child and Family Support' });
    const audit = await listAuditEntries(app.database.db, { recordType: 'department', recordId: created.value.id });
    expect(audit.map((a) => a.action)).toEqual(['department.create', 'department.update']);
  });

  it('a department code already used is refused', async () => {
    const result = await createDepartment(app, admin, { code: 'kosodate', name: '二つ目の子育て支援課' });
    expect(result).toMatchObject({ ok: false, error: { fields: { code: 'admin_error_department_code_taken' } } });
  });
});
