import type { App } from '../app.ts';
import { findProfile, insertProfile, updateProfileLanguage } from './people.queries.ts';

const LANGUAGES = ['ja', 'en', 'ja-x-easy'];

/** Remembers the language a person chose, so it follows them to other devices and to mail. */
export async function setPreferredLanguage(app: App, userId: string, language: string): Promise<void> {
  if (!LANGUAGES.includes(language)) return;
  await updateProfileLanguage(app.database.db, userId, language);
}

/** Every person has a profile in the municipality they signed up in (language, channels, quiet hours). */
export async function ensureProfile(app: App, userId: string, municipalityId: string, language = 'ja'): Promise<void> {
  await insertProfile(app.database.db, { userId, municipalityId, language: LANGUAGES.includes(language) ? language : 'ja' });
}

export async function findPreferredLanguage(app: App, userId: string): Promise<string | undefined> {
  return (await findProfile(app.database.db, userId))?.language;
}
