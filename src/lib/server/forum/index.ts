export { forumActorOf, isProfessional, canWorkSupportQueue, canModerate, canManageForum, type ForumActor } from './forum-access.ts';
export { startThread, replyToThread, editPost, deletePost, toggleWakaru, setFollowing, flagPost, type PostOutcome } from './posting.service.ts';
export {
  listThreads,
  getThread,
  getMyForum,
  readNotices,
  getSafetyPage,
  seesSupportQueue,
  PAGE_SIZE,
  type Author,
  type ThreadSummary,
  type ThreadPage,
  type ThreadView,
  type PostView,
  type MyForum,
  type NoticeView,
  type SafetyView
} from './reading.service.ts';
export {
  listSupportQueue,
  getQueuedPost,
  replyPrivately,
  markQueuedPostHandled,
  getConsultationForm,
  requestConsultation,
  listConsultationRequests,
  getConsultationRequest,
  updateConsultationRequest,
  type QueueItem,
  type QueuedPostView,
  type ConsultationView,
  type ConsultationSummary
} from './support.service.ts';
export { listModeration, getModerationItem, moderatePost, type ModerationQueueItem, type ModerationItemView } from './moderation.service.ts';
export {
  ensureForumDefaults,
  listForumTopics,
  listForumContacts,
  getForumAdmin,
  changeForumSettings,
  addRiskTerm,
  removeRiskTerm,
  addWatchedWord,
  removeWatchedWord,
  saveContact,
  removeContact,
  type TopicView,
  type ContactView,
  type ForumAdminView,
  type ForumSettings
} from './settings.service.ts';
export { getForumKpi, type ForumKpi, type ForumKpiRow } from './kpi.service.ts';
export { pseudonymParts, type PseudonymParts } from './pseudonym.ts';
export type { RiskCategory } from './forum.table.ts';
export {
  TITLE_MAX,
  BODY_MAX,
  PERSONAS,
  FLAG_REASONS,
  CONTACT_METHODS,
  RISK_TERM_CATEGORIES,
  WATCH_ACTIONS,
  MODERATION_ACTIONS,
  CONTACT_CATEGORIES
} from './forum.schemas.ts';
export { exportForumDataOf, type ForumDataExport } from './personal-data.service.ts';
