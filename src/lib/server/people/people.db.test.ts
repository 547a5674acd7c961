import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { getPreferences, updatePreferences } from './index.ts';
import type { PersonActor } from '../households/index.ts';

let app: TestApp;
let hanako: PersonActor;
let taro: PersonActor;

beforeAll(async () => {
  app = await openTestApp();
  const { municipalityId, userIds } = await seedWard(app);
  hanako = { userId: userIds.guardian, municipalityId };
  taro = { userId: userIds.guardian2, municipalityId };
});
afterAll(() => app.stop());

const valid = { language: 'en', notifyEmail: 'on', quietHours: 'set', quietStart: '21:30', quietEnd: '07:00' };

describe('preferences belong to each person', () => {
  it('a guardian sets language, channels and quiet hours; the other guardian of the household keeps their own', async () => {
    const saved = await updatePreferences(app, hanako, valid);
    expect(saved).toEqual({
      ok: true,
      value: { language: 'en', inApp: true, notifyEmail: true, notifyPush: false, quietHours: { start: '21:30', end: '07:00' } }
    });
    expect(await getPreferences(app, taro)).toEqual({ language: 'ja', inApp: true, notifyEmail: true, notifyPush: false, quietHours: null });
  });

  it('choosing no quiet hours clears them', async () => {
    await updatePreferences(app, hanako, valid);
    const saved = await updatePreferences(app, hanako, { language: 'ja-x-easy', notifyPush: 'on', quietHours: 'none', quietStart: '21:30' });
    expect(saved).toMatchObject({ ok: true, value: { language: 'ja-x-easy', notifyEmail: false, notifyPush: true, quietHours: null } });
  });

  it.each([
    [{ ...valid, language: 'fr' }, 'language', 'people_error_language'],
    [{ ...valid, quietStart: '' }, 'quietStart', 'people_error_time_required'],
    [{ ...valid, quietStart: '24:00' }, 'quietStart', 'people_error_time_invalid'],
    [{ ...valid, quietEnd: '7:00' }, 'quietEnd', 'people_error_time_invalid'],
    [{ ...valid, quietEnd: '21:30' }, 'quietEnd', 'people_error_quiet_same'],
    [{ ...valid, quietHours: 'sometimes' }, 'quietHours', 'people_error_quiet_hours_choice']
  ])('%j is refused beside %s and nothing changes', async (input, field, key) => {
    await updatePreferences(app, taro, { language: 'ja', quietHours: 'none' });
    const result = await updatePreferences(app, taro, input);
    expect(!result.ok && result.error.fields?.[field]).toBe(key);
    expect(await getPreferences(app, taro)).toMatchObject({ language: 'ja', quietHours: null });
  });
});
