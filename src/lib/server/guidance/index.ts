export { getTimeline, listTimelineItemsForApi, type ApiTimelineItem, markItemDone, markItemNotApplicable, undoItem, recordDose, getPastDoseForm, recordPastDoses, pastDoseField, type TimelineView, type PastDoseForm } from './timeline.service.ts';
export { ensureRuleSet, listRulesForStaff, getRuleForStaff, previewRuleEdit, saveRuleEdit, computeReach, type StaffCaller, type Reach, type StaffRuleSummary, type StaffRuleDetail } from './rule-set.service.ts';
export { CONTENT_FIELDS, TITLE_MAX, BODY_MAX } from './guidance.schemas.ts';
export { ROTA_BRANDS, VACCINES, type VaccineCode, type RotaBrand } from './rule-sets/immunisation-schedule.ts';
export type { TimelineItem, Timeline, SubjectType } from './timeline.ts';
export type { ItemStatus, RuleKind, RuleSubject, Trigger, ContentLocale } from './rules.ts';
export type { DoseNote } from './immunisation.ts';
export { planNotices, planAllNotices, createNotificationsForPlannedNotices, listInbox, type InboxNotice } from './notices.service.ts';
export { planNoticesJob } from './guidance.jobs.ts';
