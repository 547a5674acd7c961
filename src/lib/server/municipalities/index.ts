export { resolveMunicipality, type MunicipalityContext } from './municipalities.service.ts';
export { isValidMunicipalityCode } from './municipality-code.ts';
