export { setPreferredLanguage } from './people.service.ts';
