export {
  setPreferredLanguage,
  ensureProfile,
  findPreferredLanguage,
  getPreferences,
  updatePreferences,
  setPushPreference,
  type Preferences
} from './people.service.ts';
export { getConsents, recordConsent, hasConsent, type ConsentsView, type ConsentState } from './consents.service.ts';
export { exportPersonalData, deletePersonalData, EXPORT_FORMAT, type PersonalDataExport, type OwnPasswordCheck } from './personal-data.service.ts';
export { CONSENT_PURPOSES, LANGUAGES, type ConsentPurpose, type Language } from './people.schemas.ts';
export { personActor } from './actor.ts';
