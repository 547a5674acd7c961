export { setPreferredLanguage } from './people.service.ts';
export { ensureProfile, findPreferredLanguage } from './people.service.ts';
