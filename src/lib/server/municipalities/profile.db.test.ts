import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedOtherMunicipality, seedWard } from '../testing/fixtures.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { callerFor } from './test-callers.ts';
import { addMunicipalityHost, loadMunicipalityProfile, removeMunicipalityHost, updateMunicipalityProfile } from './profile.service.ts';
import { findMunicipalityById, insertMunicipalityHost } from './municipalities.queries.ts';
import type { Caller } from './admin-access.ts';

let app: TestApp;
let municipalityId: string;
let admin: Caller;
let staff: Caller;
let otherMunicipalityId: string;

const profile = { name: 'さくら区', nameEn: 'Sakura City', nameEasy: 'さくらく', prefecture: '東京都', code: '139998' };

beforeAll(async () => {
  app = await openTestApp();
  const ward = await seedWard(app);
  municipalityId = ward.municipalityId;
  admin = await callerFor(app, ward.userIds.admin, municipalityId);
  staff = await callerFor(app, ward.userIds.staff, municipalityId);
  ({ municipalityId: otherMunicipalityId } = await seedOtherMunicipality(app));
});
afterAll(() => app.stop());

describe('the municipality profile', () => {
  it('an admin renames the municipality in three languages and the change is audited', async () => {
    const result = await updateMunicipalityProfile(app, admin, { ...profile, name: 'さくら区（改）', nameEn: 'Sakura Ward', nameEasy: 'さくら く' });
    expect(result.ok).toBe(true);
    const row = await findMunicipalityById(app.database.db, municipalityId);
    expect(row).toMatchObject({ name: 'さくら区（改）', name_en: 'Sakura Ward', name_easy: 'さくら く', code: '139998' });
    const audit = await listAuditEntries(app.database.db, { recordType: 'municipality', recordId: municipalityId });
    expect(audit.map((a) => a.action)).toContain('municipality.update');
    expect(audit.at(-1)?.actor_user_id).toBe(admin.userId);
  });

  it('full-width digits and a hyphen in the code are normalised to six ASCII digits', async () => {
    const result = await updateMunicipalityProfile(app, admin, { ...profile, code: '１３９９９－８' });
    expect(result).toMatchObject({ ok: true, value: { code: '139998' } });
    expect((await findMunicipalityById(app.database.db, municipalityId))?.code).toBe('139998');
  });

  it('a wrong check digit is refused beside the code, naming the expected digit, and nothing is saved', async () => {
    const result = await updateMunicipalityProfile(app, admin, { ...profile, name: '変わってはいけない', code: '139997' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.status).toBe(400);
    expect(result.error.fields).toEqual({ code: 'admin_error_code_check_digit' });
    expect(result.error.fieldParams?.code).toMatchObject({ firstFive: '13999', expected: '8' });
    expect((await findMunicipalityById(app.database.db, municipalityId))?.name).not.toBe('変わってはいけない');
  });

  it('a five-digit code is refused with the full code suggested', async () => {
    const result = await updateMunicipalityProfile(app, admin, { ...profile, code: '13101' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toEqual({ code: 'admin_error_code_five_digits' });
    expect(result.error.fieldParams?.code).toMatchObject({ suggested: '131016' });
  });

  it('a code whose first two digits name another prefecture is refused', async () => {
    const result = await updateMunicipalityProfile(app, admin, { ...profile, prefecture: '大阪府' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toEqual({ code: 'admin_error_code_prefecture_mismatch' });
    expect(result.error.fieldParams?.code).toMatchObject({ prefecture: '東京都' });
  });

  it('letters, an empty name and an unknown prefecture are each reported beside their field', async () => {
    const result = await updateMunicipalityProfile(app, admin, { name: '  ', nameEn: '', nameEasy: '', prefecture: '東京', code: '13a016' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toEqual({ name: 'admin_error_required', prefecture: 'admin_error_prefecture', code: 'admin_error_code_digits' });
  });

  it('the code of another municipality is refused', async () => {
    const result = await updateMunicipalityProfile(app, admin, { ...profile, code: '131016' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toEqual({ code: 'admin_error_code_taken' });
  });

  it('ward staff cannot change the profile', async () => {
    const result = await updateMunicipalityProfile(app, staff, profile);
    expect(result).toMatchObject({ ok: false, error: { status: 403 } });
  });
});

describe('host names', () => {
  it('an admin adds a host name, normalised to lower case', async () => {
    const result = await addMunicipalityHost(app, admin, { host: ' Kosodate.Sakura.example ' });
    expect(result).toMatchObject({ ok: true, value: { host: 'kosodate.sakura.example' } });
    const loaded = await loadMunicipalityProfile(app, admin);
    expect(loaded.ok && loaded.value.hosts).toEqual(['kosodate.sakura.example', 'localhost']);
  });

  it('a URL, a port or a host already listed here is refused with its own message', async () => {
    const url = await addMunicipalityHost(app, admin, { host: 'https://kosodate.sakura.example/' });
    expect(!url.ok && url.error.fields).toEqual({ host: 'admin_error_host_only' });
    const again = await addMunicipalityHost(app, admin, { host: 'kosodate.sakura.example' });
    expect(!again.ok && again.error.fields).toEqual({ host: 'admin_error_host_already_here' });
  });

  it('a host that serves another municipality is refused and stays with it', async () => {
    await insertMunicipalityHost(app.database.db, 'kosodate.chiyoda.example', otherMunicipalityId);
    const result = await addMunicipalityHost(app, admin, { host: 'kosodate.chiyoda.example' });
    expect(!result.ok && result.error.fields).toEqual({ host: 'admin_error_host_taken' });
  });

  it('the host the admin is using cannot be removed; another one can, and both are audited', async () => {
    const current = await removeMunicipalityHost(app, admin, 'localhost', 'localhost:3000');
    expect(current).toMatchObject({ ok: false, error: { code: 'municipalities.host_in_use_here' } });
    const removed = await removeMunicipalityHost(app, admin, 'kosodate.sakura.example', 'localhost:3000');
    expect(removed.ok).toBe(true);
    const audit = await listAuditEntries(app.database.db, { recordType: 'municipality_host' });
    expect(audit.map((a) => `${a.action} ${a.record_id}`)).toEqual(['municipality_host.add kosodate.sakura.example', 'municipality_host.remove kosodate.sakura.example']);
  });
});
