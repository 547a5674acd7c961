export { resolveMunicipality, type MunicipalityContext } from './municipalities.service.ts';
export { listDistricts, findDistrict } from './municipalities.queries.ts';
export { isValidMunicipalityCode, parseMunicipalityCode, municipalityCheckDigit } from './municipality-code.ts';
export { PREFECTURES } from './prefectures.ts';
export { callerOf, type Caller } from './admin-access.ts';
export type { FormError, FormResult } from './municipalities.errors.ts';
export {
  loadMunicipalityProfile,
  updateMunicipalityProfile,
  addMunicipalityHost,
  removeMunicipalityHost,
  type MunicipalityProfile
} from './profile.service.ts';
export {
  listDistrictsForAdmin,
  findDistrictForAdmin,
  createDistrict,
  updateDistrictDetails,
  setDistrictActivity,
  removeDistrict,
  type DistrictForAdmin
} from './districts.service.ts';
export {
  listDepartmentsOf,
  findDepartmentForAdmin,
  createDepartment,
  updateDepartmentDetails,
  type DepartmentForAdmin
} from './departments.service.ts';
export {
  findPersonForRoles,
  loadPersonRoles,
  listRoleHolders,
  grantRole,
  endRoleAssignment,
  statusOf,
  type AssignmentStatus,
  type AssignmentView,
  type RoleHolder
} from './roles-admin.service.ts';
export { QUALIFICATIONS, ROLE_SCOPES } from './roles-admin.schemas.ts';
export { loadWardOverview, type WardOverview } from './statistics.service.ts';
