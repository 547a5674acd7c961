import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { createPerson, seedOtherMunicipality, seedWard } from '../testing/fixtures.ts';
import { findActiveRoleAssignments, insertRoleAssignment } from '../auth/auth.queries.ts';
import { canEnter, hasRole } from '../auth/roles.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { setClock } from '../platform/clock.ts';
import { callerFor } from './test-callers.ts';
import { endRoleAssignment, findPersonForRoles, grantRole, listRoleHolders, loadPersonRoles } from './roles-admin.service.ts';
import type { Caller } from './admin-access.ts';

const TODAY = '2026-11-27';
let app: TestApp;
let municipalityId: string;
let userIds: Record<string, string>;
let admin: Caller;

beforeAll(async () => {
  setClock(`${TODAY}T10:00:00+09:00`);
  app = await openTestApp();
  ({ municipalityId, userIds } = await seedWard(app));
  admin = await callerFor(app, userIds.admin, municipalityId);
});
afterAll(async () => {
  setClock(undefined);
  await app.stop();
});

const rolesToday = (userId: string, onDate = TODAY) => findActiveRoleAssignments(app.database.db, userId, municipalityId, onDate);

describe('granting roles', () => {
  it('an admin finds a guardian by email, makes them ward staff of a department, and they may enter the ward console', async () => {
    const found = await findPersonForRoles(app, admin, { email: ' Taro@Sakura.example ' });
    expect(found).toEqual({ ok: true, value: { id: userIds.guardian2 } });
    expect(canEnter('staff', true, await rolesToday(userIds.guardian2))).toBe(false);

    const granted = await grantRole(app, admin, userIds.guardian2, { role: 'ward_staff', department: 'kosodate', validFrom: TODAY });
    expect(granted.ok).toBe(true);
    const roles = await rolesToday(userIds.guardian2);
    expect(hasRole(roles, 'ward_staff', { type: 'department', id: 'kosodate' })).toBe(true);
    expect(canEnter('staff', true, roles)).toBe(true);

    const audit = await listAuditEntries(app.database.db, { recordType: 'role_assignment', recordId: granted.ok ? granted.value.id : '' });
    expect(audit).toMatchObject([{ action: 'role.grant', actor_user_id: userIds.admin, municipality_id: municipalityId }]);
  });

  it('the same role and scope over an overlapping period is refused', async () => {
    const result = await grantRole(app, admin, userIds.guardian2, { role: 'ward_staff', department: 'kosodate', validFrom: '2027-01-01' });
    expect(result).toMatchObject({ ok: false, error: { fields: { role: 'admin_error_role_overlap' } } });
  });

  it('an assignment starting tomorrow does not count today, and counts tomorrow', async () => {
    const granted = await grantRole(app, admin, userIds.guardian, { role: 'health_professional', qualification: '助産師', validFrom: '2026-11-28', validTo: '2027-03-31' });
    expect(granted.ok).toBe(true);
    expect(hasRole(await rolesToday(userIds.guardian), 'health_professional')).toBe(false);
    setClock('2026-11-28T00:00:01+09:00');
    try {
      const guardian = await callerFor(app, userIds.guardian, municipalityId);
      expect(hasRole(guardian.roles, 'health_professional', { type: 'qualification', id: '助産師' })).toBe(true);
    } finally {
      setClock(`${TODAY}T10:00:00+09:00`);
    }
    expect(hasRole(await rolesToday(userIds.guardian, '2027-04-01'), 'health_professional')).toBe(false);
  });

  it('dates must be real, the end not before the start, the start not in the past', async () => {
    const unreal = await grantRole(app, admin, userIds.guardian, { role: 'coordinator', validFrom: '2027-02-30' });
    expect(unreal).toMatchObject({ ok: false, error: { fields: { validFrom: 'admin_error_date' } } });
    const backwards = await grantRole(app, admin, userIds.guardian, { role: 'coordinator', validFrom: '2027-01-10', validTo: '2027-01-09' });
    expect(backwards).toMatchObject({ ok: false, error: { fields: { validTo: 'admin_error_valid_to_before_from' } } });
    const past = await grantRole(app, admin, userIds.guardian, { role: 'coordinator', validFrom: '2026-11-26' });
    expect(past).toMatchObject({ ok: false, error: { fields: { validFrom: 'admin_error_valid_from_past' } } });
    const slashes = await grantRole(app, admin, userIds.guardian, { role: 'coordinator', validFrom: '２０２６/12/1', validTo: '2026/12/31' });
    expect(slashes).toMatchObject({ ok: true, value: { validFrom: '2026-12-01', validTo: '2026-12-31' } });
  });

  it('the scope must fit the role: a department that exists, a qualification, an organization id', async () => {
    const noDepartment = await grantRole(app, admin, userIds.guardian, { role: 'supervisor', validFrom: TODAY });
    expect(noDepartment).toMatchObject({ ok: false, error: { fields: { department: 'admin_error_department_required' } } });
    const unknownDepartment = await grantRole(app, admin, userIds.guardian, { role: 'supervisor', department: 'nowhere', validFrom: TODAY });
    expect(unknownDepartment).toMatchObject({ ok: false, error: { fields: { department: 'admin_error_department_required' } } });
    const noQualification = await grantRole(app, admin, userIds.guardian, { role: 'health_professional', qualification: '看護師', validFrom: TODAY });
    expect(noQualification).toMatchObject({ ok: false, error: { fields: { qualification: 'admin_error_qualification' } } });
    const badOrganization = await grantRole(app, admin, userIds.guardian, { role: 'org_member', organization: 'NPO さくら', validFrom: TODAY });
    expect(badOrganization).toMatchObject({ ok: false, error: { fields: { organization: 'admin_error_organization' } } });
    const unknownRole = await grantRole(app, admin, userIds.guardian, { role: 'mayor', validFrom: TODAY });
    expect(unknownRole).toMatchObject({ ok: false, error: { fields: { role: 'admin_error_role' } } });
  });

  it('only an admin may grant', async () => {
    const staff = await callerFor(app, userIds.staff, municipalityId);
    const result = await grantRole(app, staff, userIds.guardian, { role: 'admin', validFrom: TODAY });
    expect(result).toMatchObject({ ok: false, error: { status: 403 } });
    expect(hasRole(await rolesToday(userIds.guardian), 'admin')).toBe(false);
  });
});

describe('ending roles', () => {
  it('an ended assignment stops counting at once and stays in the history', async () => {
    const before = await loadPersonRoles(app, admin, userIds.guardian2);
    const assignment = before.ok ? before.value.assignments.find((a) => a.role === 'ward_staff') : undefined;
    expect(assignment?.status).toBe('active');
    const ended = await endRoleAssignment(app, admin, userIds.guardian2, assignment!.id);
    expect(ended).toEqual({ ok: true, value: { validTo: '2026-11-26' } });
    expect(canEnter('staff', true, await rolesToday(userIds.guardian2))).toBe(false);

    const after = await loadPersonRoles(app, admin, userIds.guardian2);
    expect(after.ok && after.value.assignments).toMatchObject([{ id: assignment!.id, role: 'ward_staff', scopeId: 'kosodate', validFrom: TODAY, status: 'cancelled' }]);
    const again = await endRoleAssignment(app, admin, userIds.guardian2, assignment!.id);
    expect(again).toMatchObject({ ok: false, error: { code: 'municipalities.assignment_already_ended' } });
    const audit = await listAuditEntries(app.database.db, { recordType: 'role_assignment', recordId: assignment!.id });
    expect(audit.map((a) => a.action)).toEqual(['role.grant', 'role.end']);
  });

  it('an assignment that started earlier ends with yesterday as its last day', async () => {
    const person = await createPerson(app, municipalityId, 'volunteer-moderator@sakura.example', '伊藤 さくら');
    const granted = await grantRole(app, admin, person, { role: 'moderator', validFrom: TODAY });
    expect(granted.ok).toBe(true);
    setClock('2026-12-10T09:00:00+09:00');
    try {
      const laterAdmin = await callerFor(app, userIds.admin, municipalityId);
      const ended = await endRoleAssignment(app, laterAdmin, person, granted.ok ? granted.value.id : '');
      expect(ended).toEqual({ ok: true, value: { validTo: '2026-12-09' } });
      const history = await loadPersonRoles(app, laterAdmin, person);
      expect(history.ok && history.value.assignments[0]).toMatchObject({ validFrom: TODAY, validTo: '2026-12-09', status: 'ended' });
    } finally {
      setClock(`${TODAY}T10:00:00+09:00`);
    }
  });

  it('the last admin in force cannot be ended; with a second admin the first one can step down', async () => {
    const holders = await listRoleHolders(app, admin);
    const adminAssignment = holders.ok ? holders.value.find((h) => h.role === 'admin') : undefined;
    const refused = await endRoleAssignment(app, admin, userIds.admin, adminAssignment!.id);
    expect(refused).toMatchObject({ ok: false, error: { code: 'municipalities.last_admin', status: 409 } });
    expect(hasRole(await rolesToday(userIds.admin), 'admin')).toBe(true);

    const successor = await createPerson(app, municipalityId, 'successor@sakura.example', '後任 管理者');
    expect((await grantRole(app, admin, successor, { role: 'admin', validFrom: TODAY })).ok).toBe(true);
    const steppedDown = await endRoleAssignment(app, admin, userIds.admin, adminAssignment!.id);
    expect(steppedDown.ok).toBe(true);
    expect(hasRole(await rolesToday(userIds.admin), 'admin')).toBe(false);
  });

  it('an admin whose own right has ended can no longer grant', async () => {
    const former = await callerFor(app, userIds.admin, municipalityId);
    const result = await grantRole(app, former, userIds.guardian, { role: 'admin', validFrom: TODAY });
    expect(result).toMatchObject({ ok: false, error: { status: 403 } });
  });
});

describe('two admins ending each other at the same moment', () => {
  it('one of them stays: exactly one of the two ends succeeds', async () => {
    const successorId = (await app.database.db.selectFrom('user').select('id').where('email', '=', 'successor@sakura.example').executeTakeFirstOrThrow()).id;
    const successor = await callerFor(app, successorId, municipalityId);
    const secondId = await createPerson(app, municipalityId, 'second-admin@sakura.example', '二人目 管理者');
    const second = await grantRole(app, successor, secondId, { role: 'admin', validFrom: TODAY });
    expect(second.ok).toBe(true);
    const successorAssignment = successor.roles.find((r) => r.role === 'admin')!.id;
    const secondCaller = await callerFor(app, secondId, municipalityId);

    // Open two connections first (on PostgreSQL), so both ends run side by side rather than one after the other.
    await Promise.all([sql`select pg_sleep(0.05)`.execute(app.database.db), sql`select pg_sleep(0.05)`.execute(app.database.db)]);
    const results = await Promise.all([
      endRoleAssignment(app, successor, secondId, second.ok ? second.value.id : ''),
      endRoleAssignment(app, secondCaller, successorId, successorAssignment)
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ error: { code: 'municipalities.last_admin' } }]);
    const stillAdmin = [await rolesToday(successorId), await rolesToday(secondId)].filter((roles) => hasRole(roles, 'admin'));
    expect(stillAdmin).toHaveLength(1);
  });
});

describe('people of another municipality', () => {
  it('are not found, and their assignments cannot be ended from here', async () => {
    const other = await seedOtherMunicipality(app);
    const outsider = await createPerson(app, other.municipalityId, 'someone@chiyoda.example', '千代田 一郎');
    const adminId = await createPerson(app, municipalityId, 'third-admin@sakura.example', '三人目 管理者');
    await insertRoleAssignment(app.database.db, { municipalityId, userId: adminId, role: 'admin', validFrom: TODAY, grantedBy: null });
    const sakuraAdmin = await callerFor(app, adminId, municipalityId);
    const found = await findPersonForRoles(app, sakuraAdmin, { email: 'someone@chiyoda.example' });
    expect(found).toMatchObject({ ok: false, error: { fields: { email: 'admin_error_person_not_found' } } });
    expect(await loadPersonRoles(app, sakuraAdmin, outsider)).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await grantRole(app, sakuraAdmin, outsider, { role: 'coordinator', validFrom: TODAY })).toMatchObject({ ok: false, error: { status: 404 } });
  });
});
