import type { App } from '../app.ts';
import { updateProfileLanguage } from './people.queries.ts';

const LANGUAGES = ['ja', 'en', 'ja-x-easy'];

/** Remembers the language a person chose, so it follows them to other devices and to mail. */
export async function setPreferredLanguage(app: App, userId: string, language: string): Promise<void> {
  if (!LANGUAGES.includes(language)) return;
  await updateProfileLanguage(app.database.db, userId, language);
}
