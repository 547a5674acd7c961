import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { canModerate, type ForumActor } from './forum-access.ts';
import { forumErrors } from './forum.errors.ts';
import { notify, type NoticeKind } from './forum-notices.ts';
import {
  countModerationHistoryOf,
  findPost,
  findPseudonym,
  findThread,
  insertModerationAction,
  insertRevision,
  insertSuspension,
  listFlags,
  listModerationActions,
  listModerationQueue,
  listRevisions,
  resolveFlags,
  setPostStatus,
  touchThread,
  updatePostBody
} from './forum.queries.ts';
import { fieldErrors, idSchema, moderationSchema } from './forum.schemas.ts';
import type { HoldReason, PostStatus, RiskCategory } from './forum.table.ts';
import { pseudonymParts, type PseudonymParts } from './pseudonym.ts';

type FormInput = Record<string, unknown>;

function authorise(actor: ForumActor) {
  return canModerate(actor) ? undefined : forumErrors.forbidden;
}

export interface ModerationQueueItem {
  postId: string;
  threadId: string;
  threadTitle: string;
  excerpt: string;
  status: PostStatus;
  holdReason: HoldReason | null;
  openFlags: number;
  createdAt: Date;
  deletedByWriter: boolean;
}

/** Posts waiting for a moderator: held by a watched word or by flags, or flagged. Oldest first. */
export async function listModeration(app: App, actor: ForumActor): Promise<Result<ModerationQueueItem[]>> {
  const denied = authorise(actor);
  if (denied) return failure(denied);
  const rows = await listModerationQueue(app.database.db, actor.municipalityId);
  return ok(
    rows.map((r) => ({
      postId: r.id,
      threadId: r.thread_id,
      threadTitle: r.title,
      excerpt: r.body.slice(0, 120),
      status: r.status,
      holdReason: r.hold_reason,
      openFlags: Number(r.open_flags),
      createdAt: r.created_at,
      deletedByWriter: Boolean(r.deleted_at)
    }))
  );
}

export interface ModerationItemView {
  postId: string;
  threadId: string;
  threadTitle: string;
  body: string;
  status: PostStatus;
  holdReason: HoldReason | null;
  riskCategories: RiskCategory[];
  hiddenReason: string | null;
  moderatorNote: string | null;
  createdAt: Date;
  deletedByWriter: boolean;
  writer: PseudonymParts | null;
  isProfessional: boolean;
  /** The writer's record with the moderators (counts only; moderators never see who it is). */
  writerHistory: { warnings: number; suspensions: number; hidden: number };
  flags: { id: string; reason: string; note: string; isTrusted: boolean; createdAt: Date; resolved: boolean }[];
  revisions: { body: string; byModerator: boolean; replacedAt: Date }[];
  actions: { action: string; reason: string; createdAt: Date }[];
}

/** One post for a moderator: text, flags, history and the writer's pseudonym; an audited read. */
export async function getModerationItem(app: App, actor: ForumActor, postId: string): Promise<Result<ModerationItemView>> {
  const denied = authorise(actor);
  if (denied) return failure(denied);
  if (!idSchema.safeParse(postId).success) return failure(forumErrors.notFound);
  const db = app.database.db;
  const post = await findPost(db, actor.municipalityId, postId);
  if (!post || post.private_for_post_id) return failure(forumErrors.notFound);
  const thread = await findThread(db, actor.municipalityId, post.thread_id);
  if (!thread) return failure(forumErrors.notFound);
  const [pseudonym, flags, revisions, actions, history] = await Promise.all([
    post.author_id ? findPseudonym(db, post.thread_id, post.author_id) : undefined,
    listFlags(db, post.id),
    listRevisions(db, [post.id]),
    listModerationActions(db, post.id),
    post.author_id ? countModerationHistoryOf(db, post.author_id, actor.municipalityId) : { warnings: 0, suspensions: 0, hidden: 0 }
  ]);
  await writeAudit(db, actor, { action: 'read', recordType: 'forum_post_moderation', recordId: post.id });
  return ok({
    postId: post.id,
    threadId: post.thread_id,
    threadTitle: thread.title,
    body: post.body,
    status: post.status,
    holdReason: post.hold_reason,
    riskCategories: post.risk_categories as RiskCategory[],
    hiddenReason: post.hidden_reason,
    moderatorNote: post.moderator_note,
    createdAt: post.created_at,
    deletedByWriter: Boolean(post.deleted_at),
    writer: pseudonym ? pseudonymParts(pseudonym) : null,
    isProfessional: Boolean(post.professional_role),
    writerHistory: history,
    flags: flags.map((f) => ({ id: f.id, reason: f.reason, note: f.note, isTrusted: f.is_trusted, createdAt: f.created_at, resolved: Boolean(f.resolved_at) })),
    revisions: revisions.map((r) => ({ body: r.body, byModerator: r.by_moderator, replacedAt: r.replaced_at })),
    actions: actions.map((a) => ({ action: a.action, reason: a.reason, createdAt: a.created_at }))
  });
}

const NOTICE_OF: Record<'approve' | 'hide' | 'edit' | 'warn' | 'suspend', NoticeKind> = {
  approve: 'approved',
  hide: 'hidden',
  edit: 'edited',
  warn: 'warned',
  suspend: 'suspended'
};

/**
 * A moderator's decision on a post: approve (show it again and clear its flags), hide with a reason,
 * edit with a note everyone sees, warn the writer, or suspend them from writing for some days. Each is
 * recorded and audit-logged, and the writer is told what happened and why. A post held for risk is
 * the professionals' to release, not the moderators'.
 */
export async function moderatePost(app: App, actor: ForumActor, postId: string, input: FormInput): Promise<Result<{ postId: string; action: string }>> {
  const denied = authorise(actor);
  if (denied) return failure(denied);
  if (!idSchema.safeParse(postId).success) return failure(forumErrors.notFound);
  const db = app.database.db;
  const post = await findPost(db, actor.municipalityId, postId);
  if (!post || post.private_for_post_id) return failure(forumErrors.notFound);
  const parsed = moderationSchema.safeParse(input);
  if (!parsed.success) return failure(forumErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const { action, reason, body, days } = parsed.data;
  if (action === 'approve' && post.hold_reason === 'risk') return failure(forumErrors.statusChange);
  const at = now();
  await db.transaction().execute(async (trx) => {
    if (action === 'approve') {
      if (post.status !== 'public') {
        await setPostStatus(trx, post.id, 'public', { holdReason: null, hiddenReason: null });
        await touchThread(trx, post.thread_id, at);
      }
      await resolveFlags(trx, post.id, actor.userId, at);
    } else if (action === 'hide') {
      await setPostStatus(trx, post.id, 'hidden', { holdReason: post.hold_reason === 'risk' ? 'risk' : null, hiddenReason: reason });
      await resolveFlags(trx, post.id, actor.userId, at);
    } else if (action === 'edit') {
      await insertRevision(trx, { municipalityId: actor.municipalityId, postId: post.id, body: post.body, editedBy: actor.userId, byModerator: true }, at);
      await updatePostBody(
        trx,
        post.id,
        {
          body,
          status: post.status,
          holdReason: post.hold_reason,
          riskCategories: post.risk_categories,
          riskLevel: post.risk_level,
          urgent: false,
          moderatorNote: reason
        },
        at
      );
    } else if (action === 'suspend' && post.author_id) {
      await insertSuspension(trx, { municipalityId: actor.municipalityId, userId: post.author_id, until: new Date(at.getTime() + days * 86_400_000), reason, createdBy: actor.userId }, at);
    }
    await insertModerationAction(trx, { municipalityId: actor.municipalityId, postId: post.id, targetUserId: post.author_id, moderatorId: actor.userId, action, reason }, at);
    if (post.author_id) {
      await notify(trx, { municipalityId: actor.municipalityId, userId: post.author_id, kind: NOTICE_OF[action], threadId: post.thread_id, postId: post.id, reason: action === 'suspend' ? `${reason}（${days}）` : reason }, at);
    }
    await writeAudit(trx, actor, { action: `moderate_${action}`, recordType: 'forum_post', recordId: post.id });
  });
  return ok({ postId: post.id, action });
}
