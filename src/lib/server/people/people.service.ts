import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import type { PersonActor } from '../households/index.ts';
import { findProfile, insertProfile, updateProfileLanguage, updateProfileNotifyPush, updateProfilePreferences } from './people.queries.ts';
import { fieldErrors, LANGUAGES, preferencesSchema, type Language } from './people.schemas.ts';
import { peopleErrors } from './people.errors.ts';

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** Remembers the language a person chose, so it follows them to other devices and to mail. */
export async function setPreferredLanguage(app: App, userId: string, language: string): Promise<void> {
  if (!isLanguage(language)) return;
  await updateProfileLanguage(app.database.db, userId, language);
}

/** Every person has a profile in the municipality they signed up in (language, channels, quiet hours). */
export async function ensureProfile(app: App, userId: string, municipalityId: string, language = 'ja'): Promise<void> {
  await insertProfile(app.database.db, { userId, municipalityId, language: isLanguage(language) ? language : 'ja' });
}

export async function findPreferredLanguage(app: App, userId: string): Promise<string | undefined> {
  return (await findProfile(app.database.db, userId))?.language;
}

export interface Preferences {
  language: Language;
  /** The in-app inbox always receives every notice; it cannot be turned off. */
  inApp: true;
  notifyEmail: boolean;
  notifyPush: boolean;
  quietHours: { start: string; end: string } | null;
}

/** The person's own notification and language preferences (never the household's). */
export async function getPreferences(app: App, actor: PersonActor): Promise<Preferences> {
  await insertProfile(app.database.db, { userId: actor.userId, municipalityId: actor.municipalityId });
  const profile = await findProfile(app.database.db, actor.userId);
  if (!profile) throw new Error('profile missing right after it was ensured');
  return {
    language: isLanguage(profile.language) ? profile.language : 'ja',
    inApp: true,
    notifyEmail: profile.notify_email,
    notifyPush: profile.notify_push,
    quietHours: profile.quiet_hours_start && profile.quiet_hours_end ? { start: profile.quiet_hours_start, end: profile.quiet_hours_end } : null
  };
}

/** Saves language, channels and quiet hours for this person only. */
export async function updatePreferences(app: App, actor: PersonActor, input: Record<string, unknown>): Promise<Result<Preferences>> {
  const parsed = preferencesSchema.safeParse(input);
  if (!parsed.success) return failure(peopleErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const db = app.database.db;
  await insertProfile(db, { userId: actor.userId, municipalityId: actor.municipalityId });
  await db.transaction().execute(async (trx) => {
    await updateProfilePreferences(trx, actor.userId, parsed.data);
    await writeAudit(trx, actor, { action: 'update', recordType: 'person_profile', recordId: actor.userId });
  });
  return ok(await getPreferences(app, actor));
}

/** Turns the push channel on or off for this person (a browser subscribed, or their last one left). */
export async function setPushPreference(app: App, actor: PersonActor, isOn: boolean): Promise<void> {
  const db = app.database.db;
  await insertProfile(db, { userId: actor.userId, municipalityId: actor.municipalityId });
  const profile = await findProfile(db, actor.userId);
  if (profile?.notify_push === isOn) return;
  await db.transaction().execute(async (trx) => {
    await updateProfileNotifyPush(trx, actor.userId, isOn);
    await writeAudit(trx, actor, { action: 'update', recordType: 'person_profile', recordId: actor.userId });
  });
}
