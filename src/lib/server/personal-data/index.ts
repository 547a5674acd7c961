export { exportEverythingAbout, type FullPersonalDataExport } from './personal-data.service.ts';
