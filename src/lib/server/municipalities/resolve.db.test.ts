import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedOtherMunicipality, seedWard } from '../testing/fixtures.ts';
import { callerFor } from './test-callers.ts';
import { addMunicipalityHost, removeMunicipalityHost, updateMunicipalityProfile } from './profile.service.ts';
import { resolveMunicipality } from './municipalities.service.ts';
import type { Caller } from './admin-access.ts';

let app: TestApp;
let municipalityId: string;
let admin: Caller;

beforeAll(async () => {
  app = await openTestApp();
  const ward = await seedWard(app);
  municipalityId = ward.municipalityId;
  admin = await callerFor(app, ward.userIds.admin, municipalityId);
  await seedOtherMunicipality(app); // with two, an unknown host resolves to none
});
afterAll(() => app.stop());

describe('which municipality a request is for', () => {
  it('the next request sees an added host, a new name and a removed host, though answers are remembered', async () => {
    const host = 'kosodate.sakura-renamed.example';
    expect(await resolveMunicipality(app.database.db, host)).toBeUndefined();
    expect((await addMunicipalityHost(app, admin, { host })).ok).toBe(true);
    expect((await resolveMunicipality(app.database.db, host))?.id).toBe(municipalityId);
    const profile = { name: 'さくら区（新）', nameEn: 'Sakura City', nameEasy: 'さくらく', prefecture: '東京都', code: '139998' };
    expect((await updateMunicipalityProfile(app, admin, profile)).ok).toBe(true);
    expect((await resolveMunicipality(app.database.db, host))?.name).toBe('さくら区（新）');
    expect((await removeMunicipalityHost(app, admin, host, 'localhost')).ok).toBe(true);
    expect(await resolveMunicipality(app.database.db, host)).toBeUndefined();
  });
});
