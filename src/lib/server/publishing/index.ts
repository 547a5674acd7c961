export {
  listConsolePosts,
  getConsolePost,
  createPost,
  updatePost,
  publishPost,
  schedulePost,
  cancelSchedule,
  unpublishPost,
  listOrganizationPublicPosts,
  listRecentPublicPosts,
  getPublicPost,
  publishDuePostsNow,
  listPublishedPostsForStaff,
  unpublishPostAsStaff,
  getPostForStaff,
  type ConsolePost,
  type PublicPost,
  type PhotoView,
  type StaffPostItem
} from './posts.service.ts';
export { addPhoto, removePhoto, readPublicPhoto, readMemberPhoto, type PhotoFile } from './photos.service.ts';
export { PHOTO_MAX_BYTES, PHOTOS_PER_POST, PHOTO_VARIANTS, LARGE_LONG_SIDE, THUMB_LONG_SIDE, type PhotoVariant } from './photo-processing.ts';
export {
  sendInquiry,
  listMyInquiries,
  getMyInquiry,
  listOrganizationInquiries,
  getOrganizationInquiry,
  replyAsOrganization,
  replyAsResident,
  closeInquiryAsResident,
  closeInquiryAsOrganization,
  blockOrganization,
  unblockOrganization,
  listBlockedOrganizations,
  type ThreadSummary,
  type ThreadView
} from './inquiries.service.ts';
export {
  applyForVolunteering,
  listMyApplications,
  findMyApplication,
  listVolunteerApplications,
  decideApplication,
  type ApplicationView,
  type ApplicationStatus
} from './volunteers.service.ts';
export { reportPost, listOpenReportsForStaff, dismissReport, type ReportItem } from './reports.service.ts';
export {
  loadPublishingStatistics,
  MONTHLY_POSTS_TARGET,
  type PublishingStatistics,
  type EventMonthFigures,
  type EventFiguresLoader
} from './statistics.service.ts';
export { tellPublishingNotice, type PublishingNotice, type NoticeRecipient } from './publishing-notices.ts';
export { publishDuePostsJob } from './publishing.jobs.ts';
export {
  POST_KINDS,
  POST_STATUSES,
  POST_LANGUAGES,
  TITLE_MAX,
  BODY_MAX,
  SHORT_MAX,
  MESSAGE_MAX,
  REASON_MAX,
  ALT_MAX,
  SUBJECT_MAX,
  type PostKind,
  type PostStatus
} from './publishing.schemas.ts';
export { seedDemoPublishing } from './seed.service.ts';
export { exportPublishingDataOf, type PublishingDataExport } from './personal-data.service.ts';
