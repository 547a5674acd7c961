import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { canWorkSupportQueue, professionalBadge, type ForumActor } from './forum-access.ts';
import { forumErrors } from './forum.errors.ts';
import { mailNotices, notify, type ForumNotice } from './forum-notices.ts';
import {
  findConsultation,
  findLatestPrivateReplier,
  findOpenConsultationFor,
  findPost,
  findPseudonym,
  findThread,
  insertConsultation,
  insertConsultationNote,
  insertPost,
  listConsultationNotes,
  listConsultations,
  listPrivateReplies,
  listUrgentQueue,
  lockConsultation,
  markFirstProfessionalReply,
  markUrgentHandled,
  setPostStatus,
  touchThread,
  updateConsultationStatus
} from './forum.queries.ts';
import { consultationSchema, consultationUpdateSchema, fieldErrors, idSchema, privateReplySchema } from './forum.schemas.ts';
import type { ConsultationStatus, RiskCategory } from './forum.table.ts';
import { pseudonymParts, type PseudonymParts } from './pseudonym.ts';

type FormInput = Record<string, unknown>;

/** Acute crisis first, then self-harm, harm to a child, violence at home. */
const SEVERITY: RiskCategory[] = ['acute_crisis', 'self_harm', 'child_harm', 'dv'];
const severityOf = (categories: string[]) => Math.min(...categories.map((c) => SEVERITY.indexOf(c as RiskCategory)).filter((i) => i >= 0), SEVERITY.length);
const CONCERN_DAYS = 14;

export interface QueueItem {
  postId: string;
  threadId: string;
  threadTitle: string;
  excerpt: string;
  categories: RiskCategory[];
  urgent: boolean;
  /** Minutes since the post entered the urgent queue (or was written, for the watch list). */
  waitingMinutes: number;
  waitingSince: Date;
  hasProfessionalReply: boolean;
  deletedByWriter: boolean;
  isPublic: boolean;
}

function authoriseSupport(actor: ForumActor) {
  return canWorkSupportQueue(actor) ? undefined : forumErrors.forbidden;
}

/**
 * The professionals' queue: urgent (held for risk) posts not yet handled, the most severe and then
 * the longest waiting first — including those their writers deleted — and below them public posts
 * that showed a concern in the last two weeks.
 */
export async function listSupportQueue(app: App, actor: ForumActor): Promise<Result<{ urgent: QueueItem[]; watch: QueueItem[] }>> {
  const denied = authoriseSupport(actor);
  if (denied) return failure(denied);
  const at = now();
  const rows = await listUrgentQueue(app.database.db, actor.municipalityId, new Date(at.getTime() - CONCERN_DAYS * 86_400_000));
  const items = rows.map((r) => {
    const since = r.urgent_since ?? r.created_at;
    return {
      postId: r.id,
      threadId: r.thread_id,
      threadTitle: r.title,
      excerpt: r.body.slice(0, 120),
      categories: r.risk_categories as RiskCategory[],
      urgent: Boolean(r.urgent_since),
      waitingMinutes: Math.max(0, Math.floor((at.getTime() - since.getTime()) / 60_000)),
      waitingSince: since,
      hasProfessionalReply: Boolean(r.first_professional_reply_at),
      deletedByWriter: Boolean(r.deleted_at),
      isPublic: r.status === 'public'
    };
  });
  const urgent = items
    .filter((i) => i.urgent)
    .sort((a, b) => severityOf(a.categories) - severityOf(b.categories) || a.waitingSince.getTime() - b.waitingSince.getTime());
  const watch = items.filter((i) => !i.urgent).sort((a, b) => b.waitingSince.getTime() - a.waitingSince.getTime());
  return ok({ urgent, watch });
}

export interface QueuedPostView {
  postId: string;
  threadId: string;
  threadTitle: string;
  body: string;
  isOpening: boolean;
  status: string;
  categories: RiskCategory[];
  urgent: boolean;
  urgentSince: Date | null;
  handledAt: Date | null;
  deletedByWriter: boolean;
  writer: PseudonymParts | null;
  privateReplies: { id: string; body: string; label: string; role: string | null; createdAt: Date }[];
}

async function postForSupport(db: Db, actor: ForumActor, postId: string) {
  if (!idSchema.safeParse(postId).success) return undefined;
  const post = await findPost(db, actor.municipalityId, postId);
  if (!post || post.private_for_post_id || (!post.urgent_since && post.risk_level === 'none')) return undefined;
  return post;
}

/** One post of the queue, with the writer's pseudonym (never their account); an audited read. */
export async function getQueuedPost(app: App, actor: ForumActor, postId: string): Promise<Result<QueuedPostView>> {
  const denied = authoriseSupport(actor);
  if (denied) return failure(denied);
  const db = app.database.db;
  const post = await postForSupport(db, actor, postId);
  if (!post) return failure(forumErrors.notFound);
  const thread = await findThread(db, actor.municipalityId, post.thread_id);
  if (!thread) return failure(forumErrors.notFound);
  const pseudonym = post.author_id ? await findPseudonym(db, post.thread_id, post.author_id) : undefined;
  const replies = await listPrivateReplies(db, post.id);
  await writeAudit(db, actor, { action: 'read', recordType: 'forum_post_urgent', recordId: post.id });
  return ok({
    postId: post.id,
    threadId: post.thread_id,
    threadTitle: thread.title,
    body: post.body,
    isOpening: post.is_opening,
    status: post.status,
    categories: post.risk_categories as RiskCategory[],
    urgent: Boolean(post.urgent_since),
    urgentSince: post.urgent_since,
    handledAt: post.urgent_handled_at,
    deletedByWriter: Boolean(post.deleted_at),
    writer: pseudonym ? pseudonymParts(pseudonym) : null,
    privateReplies: replies.map((r) => ({ id: r.id, body: r.body, label: r.professional_label ?? '', role: r.professional_role, createdAt: r.created_at }))
  });
}

/**
 * A professional writes to the writer of a queued post, privately: only that writer sees it, in the
 * thread and through a notice. Optionally it offers a private consultation, which the writer accepts
 * (or not) with their own consent.
 */
export async function replyPrivately(app: App, actor: ForumActor, postId: string, input: FormInput): Promise<Result<{ postId: string }>> {
  const denied = authoriseSupport(actor);
  if (denied) return failure(denied);
  const badge = professionalBadge(actor);
  if (!badge) return failure(forumErrors.forbidden);
  const db = app.database.db;
  const post = await postForSupport(db, actor, postId);
  if (!post || !post.author_id) return failure(forumErrors.notFound);
  const parsed = privateReplySchema.safeParse(input);
  if (!parsed.success) return failure(forumErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const at = now();
  const writer = post.author_id;
  const notices: ForumNotice[] = [];
  const replyId = await db.transaction().execute(async (trx) => {
    const reply = await insertPost(
      trx,
      {
        municipalityId: actor.municipalityId,
        threadId: post.thread_id,
        authorId: actor.userId,
        isOpening: false,
        body: parsed.data.body,
        status: 'public',
        holdReason: null,
        riskCategories: [],
        riskLevel: 'none',
        professionalRole: badge.role,
        professionalLabel: badge.label,
        privateForPostId: post.id,
        urgent: false
      },
      at
    );
    await markFirstProfessionalReply(trx, post.id, at);
    const kinds: ForumNotice['kind'][] = parsed.data.offerConsultation ? ['private_reply', 'consultation_offer'] : ['private_reply'];
    for (const kind of kinds) {
      const notice: ForumNotice = { municipalityId: actor.municipalityId, userId: writer, kind, threadId: post.thread_id, postId: post.id };
      await notify(trx, notice, at);
      notices.push(notice);
    }
    await writeAudit(trx, actor, { action: 'reply_private', recordType: 'forum_post', recordId: post.id });
    return reply.id;
  });
  await mailNotices(app, notices.slice(0, 1));
  return ok({ postId: replyId });
}

/**
 * Takes a post off the urgent queue once a professional has dealt with it. `release` also makes a
 * post that was held for risk public (when the professional judges it safe to show).
 */
export async function markQueuedPostHandled(app: App, actor: ForumActor, postId: string, release: boolean): Promise<Result<{ postId: string }>> {
  const denied = authoriseSupport(actor);
  if (denied) return failure(denied);
  const db = app.database.db;
  const post = await postForSupport(db, actor, postId);
  if (!post) return failure(forumErrors.notFound);
  const at = now();
  await db.transaction().execute(async (trx) => {
    await markUrgentHandled(trx, post.id, actor.userId, at);
    if (release && post.status === 'held' && post.hold_reason === 'risk' && !post.deleted_at) {
      await setPostStatus(trx, post.id, 'public', { holdReason: null });
      await touchThread(trx, post.thread_id, at);
      if (post.author_id) await notify(trx, { municipalityId: actor.municipalityId, userId: post.author_id, kind: 'released', threadId: post.thread_id, postId: post.id }, at);
    }
    await writeAudit(trx, actor, { action: release ? 'release' : 'handle', recordType: 'forum_post', recordId: post.id });
  });
  return ok({ postId: post.id });
}

// ── consultation requests ───────────────────────────────────────────────────────────────────────

/** What the writer is asked to agree to, stored word for word with the request. */
export const CONSENT_TEXT_VERSION = 'forum-consultation-2026-11';

export interface ConsultationFormView {
  postId: string;
  threadTitle: string;
  offered: boolean;
  alreadyRequested: boolean;
}

async function ownPostForConsultation(db: Db, actor: ForumActor, postId: string) {
  if (!idSchema.safeParse(postId).success) return undefined;
  const post = await findPost(db, actor.municipalityId, postId);
  if (!post || post.author_id !== actor.userId || post.private_for_post_id) return undefined;
  return post;
}

/** The writer's view before asking for a consultation about one of their posts. */
export async function getConsultationForm(app: App, actor: ForumActor, postId: string): Promise<Result<ConsultationFormView>> {
  const db = app.database.db;
  const post = await ownPostForConsultation(db, actor, postId);
  if (!post) return failure(forumErrors.notFound);
  const thread = await findThread(db, actor.municipalityId, post.thread_id);
  if (!thread) return failure(forumErrors.notFound);
  return ok({
    postId: post.id,
    threadTitle: thread.title,
    offered: Boolean(await findLatestPrivateReplier(db, post.id)),
    alreadyRequested: Boolean(await findOpenConsultationFor(db, post.id, actor.userId))
  });
}

/**
 * With the writer's consent, creates a consultation request: the thread, the contact method and
 * time they chose and the consent record (what they agreed to, when). Nothing of it is public.
 */
export async function requestConsultation(app: App, actor: ForumActor, postId: string, input: FormInput, consentText: string): Promise<Result<{ id: string }>> {
  const db = app.database.db;
  const post = await ownPostForConsultation(db, actor, postId);
  if (!post) return failure(forumErrors.notFound);
  const parsed = consultationSchema.safeParse(input);
  if (!parsed.success) return failure(forumErrors.invalidInput(fieldErrors(parsed.error.issues)));
  if (await findOpenConsultationFor(db, post.id, actor.userId)) return failure(forumErrors.alreadyRequested);
  const at = now();
  const offeredBy = await findLatestPrivateReplier(db, post.id);
  const id = await db.transaction().execute(async (trx) => {
    const row = await insertConsultation(
      trx,
      {
        municipalityId: actor.municipalityId,
        threadId: post.thread_id,
        postId: post.id,
        userId: actor.userId,
        offeredBy,
        contactMethod: parsed.data.contactMethod,
        contactDetail: parsed.data.contactDetail,
        preferredTime: parsed.data.preferredTime,
        consentText: `${CONSENT_TEXT_VERSION}: ${consentText}`
      },
      at
    );
    await insertConsultationNote(trx, { municipalityId: actor.municipalityId, consultationId: row.id, authorId: actor.userId, statusTo: 'new', note: '' }, at);
    await writeAudit(trx, actor, { action: 'consent', recordType: 'forum_consultation', recordId: row.id });
    return row.id;
  });
  return ok({ id });
}

export interface ConsultationSummary {
  id: string;
  status: ConsultationStatus;
  contactMethod: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The consultation requests, new first. Listing them is recorded in the audit log too. */
export async function listConsultationRequests(app: App, actor: ForumActor): Promise<Result<ConsultationSummary[]>> {
  const denied = authoriseSupport(actor);
  if (denied) return failure(denied);
  const db = app.database.db;
  const rows = await listConsultations(db, actor.municipalityId);
  for (const r of rows) await writeAudit(db, actor, { action: 'list', recordType: 'forum_consultation', recordId: r.id });
  return ok(rows.map((r) => ({ id: r.id, status: r.status, contactMethod: r.contact_method, createdAt: r.created_at, updatedAt: r.updated_at })));
}

export interface ConsultationView extends ConsultationSummary {
  threadId: string;
  threadTitle: string;
  postId: string | null;
  contactDetail: string;
  preferredTime: string;
  consentText: string;
  consentedAt: Date;
  writer: PseudonymParts | null;
  notes: { id: string; statusTo: ConsultationStatus; note: string; createdAt: Date; authorName: string | null }[];
}

/** One request with the contact details the writer gave; every read is audited. */
export async function getConsultationRequest(app: App, actor: ForumActor, id: string): Promise<Result<ConsultationView>> {
  const denied = authoriseSupport(actor);
  if (denied) return failure(denied);
  if (!idSchema.safeParse(id).success) return failure(forumErrors.notFound);
  const db = app.database.db;
  const row = await findConsultation(db, actor.municipalityId, id);
  if (!row) return failure(forumErrors.notFound);
  const pseudonym = row.user_id ? await findPseudonym(db, row.thread_id, row.user_id) : undefined;
  const notes = await listConsultationNotes(db, row.id);
  await writeAudit(db, actor, { action: 'read', recordType: 'forum_consultation', recordId: row.id });
  return ok({
    id: row.id,
    status: row.status,
    contactMethod: row.contact_method,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    threadId: row.thread_id,
    threadTitle: row.title,
    postId: row.post_id,
    contactDetail: row.contact_detail,
    preferredTime: row.preferred_time,
    consentText: row.consent_text,
    consentedAt: row.consented_at,
    writer: pseudonym ? pseudonymParts(pseudonym) : null,
    notes: notes.map((n) => ({ id: n.id, statusTo: n.status_to, note: n.note, createdAt: n.created_at, authorName: n.author_name }))
  });
}

const NEXT: Record<ConsultationStatus, ConsultationStatus[]> = { new: ['new', 'contacted', 'closed'], contacted: ['contacted', 'closed'], closed: ['closed'] };

/** Moves a request on (new → contacted → closed) with a note; a note alone keeps the status. */
export async function updateConsultationRequest(app: App, actor: ForumActor, id: string, input: FormInput): Promise<Result<{ id: string; status: ConsultationStatus }>> {
  const denied = authoriseSupport(actor);
  if (denied) return failure(denied);
  if (!idSchema.safeParse(id).success) return failure(forumErrors.notFound);
  const parsed = consultationUpdateSchema.safeParse(input);
  if (!parsed.success) return failure(forumErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const db = app.database.db;
  const row = await findConsultation(db, actor.municipalityId, id);
  if (!row) return failure(forumErrors.notFound);
  const at = now();
  const result = await db.transaction().execute(async (trx) => {
    const locked = await lockConsultation(trx, id);
    if (!locked || !NEXT[locked.status].includes(parsed.data.status)) return false;
    if (parsed.data.status === locked.status && !parsed.data.note) return false;
    await updateConsultationStatus(trx, id, parsed.data.status, at);
    await insertConsultationNote(trx, { municipalityId: actor.municipalityId, consultationId: id, authorId: actor.userId, statusTo: parsed.data.status, note: parsed.data.note }, at);
    await writeAudit(trx, actor, { action: 'update', recordType: 'forum_consultation', recordId: id });
    return true;
  });
  return result ? ok({ id, status: parsed.data.status }) : failure(forumErrors.statusChange);
}
