export { resolveMunicipality, type MunicipalityContext } from './municipalities.service.ts';
export { isValidMunicipalityCode } from './municipality-code.ts';
export { listDistricts, findDistrict } from './municipalities.queries.ts';
