export {
  registerOrganization,
  getOrganizationConsole,
  listMyOrganizations,
  updateOrganization,
  type ConsoleView,
  type MyOrganization
} from './registration.service.ts';
export {
  getMembers,
  inviteMember,
  revokeMemberInvitation,
  previewMemberInvitation,
  acceptMemberInvitation,
  changeMemberRole,
  handOverOwnership,
  removeMember,
  MEMBER_INVITATION_VALID_DAYS,
  type MembersView
} from './members.service.ts';
export {
  listOrganizationsForReview,
  getOrganizationForReview,
  approveOrganization,
  requestMoreInformation,
  refuseOrganization,
  setSuspension,
  createOfficialOrganization,
  type StaffListItem,
  type StaffOrganizationView
} from './review.service.ts';
export {
  listDirectory,
  getPublicOrganization,
  DIRECTORY_PAGE_SIZE,
  DIRECTORY_TYPES,
  type PublicOrganization,
  type DirectoryPage,
  type DirectoryFilter,
  type DirectoryResult
} from './directory.service.ts';
export { loadOrganizationStatistics, REGISTERED_ORGANIZATIONS_TARGET, type OrganizationStatistics } from './statistics.service.ts';
export { seedOrganization, type SeedOrganization } from './seed.service.ts';
export { isValidCorporateNumber, corporateNumberCheckDigit } from './corporate-number.ts';
export {
  ORGANIZATION_TYPES,
  SELF_REGISTRABLE_TYPES,
  ORG_ROLES,
  ORGANIZATION_STATUSES,
  NAME_MAX,
  PURPOSE_MAX,
  REASON_MAX,
  type OrganizationType,
  type OrgRole,
  type OrganizationStatus
} from './organizations.schemas.ts';
export { canPublish, isPublic, type OrgActor, type StaffActor, type OrganizationView, type MemberContext } from './organization-access.ts';
export { findOrganizationForMember } from './publishing-access.ts';
export { exportOrganizationsDataOf, type OrganizationsDataExport } from './personal-data.service.ts';
export { organizationsOnlyOwnedBy, releaseOrganizationsOf, OWNER_ACCOUNT_DELETED_REASON, type OnlyOwnedOrganization } from './account-deletion.service.ts';
