export {
  getHousehold,
  listDistrictChoices,
  createHousehold,
  changeHouseholdDistrict,
  addChild,
  findChild,
  updateChild,
  removeChild,
  addPregnancy,
  findPregnancy,
  updatePregnancy,
  recordPregnancyOutcome,
  clearPregnancyOutcome,
  removePregnancy,
  listHouseholdSummariesForPerson,
  type HouseholdView,
  type ChildView,
  type PregnancyView,
  type DistrictChoice,
  type HouseholdSummary
} from './households.service.ts';
export {
  getGuardians,
  inviteGuardian,
  revokeInvitation,
  previewInvitation,
  acceptInvitation,
  findOtherGuardian,
  removeGuardian,
  isOnlyGuardian,
  leaveHousehold,
  seedGuardian,
  INVITATION_VALID_DAYS,
  type GuardiansView
} from './guardians.service.ts';
export { exportHouseholdData, releaseHouseholdsOf, type HouseholdExport } from './household-data.service.ts';
export { householdErrors, HOUSEHOLD_API_ERRORS } from './households.errors.ts';
export { containsMyNumber } from '../platform/my-number.ts';
export { gestationOn, ageOn, dueDateFromWeek } from './pregnancy-dates.ts';
export { NAME_MAX, FETUS_MAX, WEEK_MAX } from './households.schemas.ts';
export type { PersonActor } from './household-access.ts';
