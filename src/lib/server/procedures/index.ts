export { FIELD_TYPES, YES_NO, answerName, isShown, answerText, type FieldType, type FormField, type Answers, type AnswerValue } from './procedure-fields.ts';
export type { SubmissionStatus } from './procedures.table.ts';
export type { StaffCaller } from './procedure-access.ts';
export {
  listFormsForStaff,
  getFormForStaff,
  createForm,
  updateFormMeta,
  addField,
  updateField,
  moveField,
  removeField,
  publishForm,
  getRuleProcedureChoice,
  setRuleProcedure,
  sendProcedure,
  type StaffFormSummary,
  type StaffFormDetail,
  type RuleProcedureChoice
} from './forms.service.ts';
export {
  openProcedure,
  saveProcedureAnswers,
  listMyProcedures,
  listTimelineProcedures,
  targetPath,
  type ProcedureTarget,
  type ProcedureView,
  type MyProcedure,
  type TimelineProcedures
} from './submissions.service.ts';
export { listReviewQueue, getSubmissionForStaff, reviewSubmission, QUEUE_STATUSES, type QueueStatus, type ReviewQueue, type QueueEntry, type SubmissionForStaff } from './review.service.ts';
export { getProcedureKpi, type ProcedureKpi, type RuleKpi } from './kpi.service.ts';
export { ensureBuiltInProcedures } from './built-in.service.ts';
export { tellPersonAboutProcedure, type ProcedureNotice } from './procedure-notices.ts';
export { TITLE_MAX, PURPOSE_MAX, MESSAGE_MAX } from './procedures.schemas.ts';
export { exportProceduresDataOf, type ProceduresDataExport } from './personal-data.service.ts';
