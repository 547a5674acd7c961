import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { listAuditEntries } from '../platform/audit.queries.ts';
import { setClock } from '../platform/clock.ts';
import { exportPersonalData, getConsents, hasConsent, recordConsent } from './index.ts';
import type { PersonActor } from '../households/index.ts';

let app: TestApp;
let hanako: PersonActor;
let taro: PersonActor;

beforeAll(async () => {
  app = await openTestApp();
  const { municipalityId, userIds } = await seedWard(app);
  hanako = { userId: userIds.guardian, municipalityId, requestId: 'req-consent' };
  taro = { userId: userIds.guardian2, municipalityId };
});
afterAll(() => {
  setClock(undefined);
  return app.stop();
});

describe('consent per person and purpose', () => {
  it('nothing is consented until the person says so', async () => {
    const view = await getConsents(app, hanako);
    expect(view.current.map((c) => [c.purpose, c.granted])).toEqual([
      ['personalised_notices', undefined],
      ['share_screening_with_coordinator', undefined],
      ['contact_by_coordinator', undefined]
    ]);
    expect(await hasConsent(app, hanako.userId, hanako.municipalityId, 'contact_by_coordinator')).toBe(false);
  });

  it('a guardian gives and withdraws consent and the full history stays, with dates', async () => {
    setClock('2026-04-01T01:00:00Z');
    expect(await recordConsent(app, hanako, { purpose: 'share_screening_with_coordinator', decision: 'give' })).toMatchObject({ ok: true, value: { changed: true } });
    setClock('2026-04-02T01:00:00Z');
    expect(await recordConsent(app, hanako, { purpose: 'share_screening_with_coordinator', decision: 'give' })).toMatchObject({ ok: true, value: { changed: false } });
    setClock('2026-05-01T01:00:00Z');
    expect(await recordConsent(app, hanako, { purpose: 'share_screening_with_coordinator', decision: 'withdraw' })).toMatchObject({ ok: true, value: { changed: true } });
    expect(await recordConsent(app, hanako, { purpose: 'personalised_notices', decision: 'give' })).toMatchObject({ ok: true, value: { changed: true } });

    const view = await getConsents(app, hanako);
    expect(view.current.find((c) => c.purpose === 'share_screening_with_coordinator')?.granted).toBe(false);
    expect(view.current.find((c) => c.purpose === 'personalised_notices')?.granted).toBe(true);
    const screening = view.history.filter((h) => h.purpose === 'share_screening_with_coordinator');
    expect(screening.map((h) => h.granted)).toEqual([false, true]);
    expect(await hasConsent(app, hanako.userId, hanako.municipalityId, 'personalised_notices')).toBe(true);
    expect(await hasConsent(app, hanako.userId, hanako.municipalityId, 'share_screening_with_coordinator')).toBe(false);

    const rows = await app.database.db.selectFrom('consent').select(['request_id']).where('user_id', '=', hanako.userId).execute();
    expect(rows.every((r) => r.request_id === 'req-consent')).toBe(true);
    const audit = (await listAuditEntries(app.database.db, { recordType: 'consent' })).filter((a) => a.actor_user_id === hanako.userId);
    expect(audit.map((a) => a.action)).toEqual(['give', 'withdraw', 'give']);
  });

  it('an unknown purpose or decision is refused and nothing is recorded', async () => {
    const before = (await getConsents(app, hanako)).history.length;
    expect(await recordConsent(app, hanako, { purpose: 'sell_my_data', decision: 'give' })).toMatchObject({ ok: false, error: { fields: { purpose: 'people_error_purpose' } } });
    expect(await recordConsent(app, hanako, { purpose: 'personalised_notices', decision: 'maybe' })).toMatchObject({ ok: false, error: { fields: { decision: 'people_error_decision' } } });
    expect((await getConsents(app, hanako)).history.length).toBe(before);
  });

  it("the other guardian of the same household sees none of the guardian's consents, neither on screen nor in their export", async () => {
    const view = await getConsents(app, taro);
    expect(view.history).toEqual([]);
    expect(view.current.every((c) => c.granted === undefined)).toBe(true);
    const exported = await exportPersonalData(app, taro);
    expect(exported.consents.history).toEqual([]);
    expect(exported.households[0].guardians.map((g) => g.displayName).sort()).toEqual(['佐藤 太郎', '佐藤 花子']);
    expect(JSON.stringify(exported)).not.toContain('hanako@sakura.example');
    expect(JSON.stringify(exported)).not.toContain('share_screening_with_coordinator":true');
  });
});
