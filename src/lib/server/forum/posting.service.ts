import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import { getHousehold } from '../households/index.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type AppError, type Result } from '../platform/errors.ts';
import { isProfessional, professionalBadge, type ForumActor } from './forum-access.ts';
import { forumErrors } from './forum.errors.ts';
import { mailNotices, notify, type ForumNotice } from './forum-notices.ts';
import {
  countOpenTrustedFlags,
  countPostsSince,
  countPseudonyms,
  countPublicPostsBy,
  deleteFollow,
  deleteReaction,
  findAccountCreatedAt,
  findActiveSuspension,
  findOpeningPost,
  findPost,
  findPseudonym,
  findThread,
  insertFlag,
  insertFollow,
  insertPost,
  insertPseudonym,
  insertReaction,
  insertRevision,
  insertThread,
  listFollowers,
  lockThread,
  markFirstProfessionalReply,
  markPostDeleted,
  setPostStatus,
  touchThread,
  updatePostBody
} from './forum.queries.ts';
import { editSchema, fieldErrors, flagSchema, idSchema, replySchema, threadSchema } from './forum.schemas.ts';
import type { HoldReason, PostStatus, RiskCategory, RiskLevel } from './forum.table.ts';
import { ageKeyFrom } from './pseudonym.ts';
import { applyWatchedWords, containsLink, screenText } from './risk/screen.ts';
import { listForumTopics, loadScreeningLists, loadSettings, type ForumSettings } from './settings.service.ts';

type FormInput = Record<string, unknown>;

export interface PostOutcome {
  threadId: string;
  postId: string;
  status: PostStatus;
  /** Held for the professionals because of risk: the writer is shown the supportive page. */
  heldForSafety: boolean;
  /** Held for a moderator (watched word): the writer is told it will be checked. */
  heldForReview: boolean;
  riskCategories: RiskCategory[];
}

const DAY_MS = 86_400_000;

/** The start of today in Tokyo, as an instant. */
function startOfTokyoDay(at: Date): Date {
  const tokyo = new Date(at.getTime() + 9 * 3_600_000);
  return new Date(Date.UTC(tokyo.getUTCFullYear(), tokyo.getUTCMonth(), tokyo.getUTCDate()) - 9 * 3_600_000);
}

/**
 * Whether the person still has the new-account limits: for their first N days, or until M of their
 * posts are public, whichever comes later.
 */
export async function isNewAccount(db: Db, actor: ForumActor, settings: ForumSettings, at: Date): Promise<boolean> {
  const createdAt = await findAccountCreatedAt(db, actor.userId);
  const young = !createdAt || at.getTime() - createdAt.getTime() < settings.newAccountDays * DAY_MS;
  if (young) return true;
  return (await countPublicPostsBy(db, actor.userId, actor.municipalityId)) < settings.newAccountPublicPosts;
}

async function checkMayWrite(db: Db, actor: ForumActor, at: Date): Promise<AppError | undefined> {
  const suspension = await findActiveSuspension(db, actor.userId, actor.municipalityId, at);
  return suspension ? forumErrors.suspended : undefined;
}

/** New-account limits: posts per Tokyo day and no links. Professionals answer without limits. */
async function checkNewAccountLimits(db: Db, actor: ForumActor, body: string, at: Date): Promise<AppError | undefined> {
  if (isProfessional(actor)) return undefined;
  const settings = await loadSettings(db, actor.municipalityId);
  if (!(await isNewAccount(db, actor, settings, at))) return undefined;
  if (containsLink(body)) return forumErrors.linksNotAllowed;
  if ((await countPostsSince(db, actor.userId, actor.municipalityId, startOfTokyoDay(at))) >= settings.newAccountDailyPosts) return forumErrors.dailyLimit;
  return undefined;
}

interface Screened {
  body: string;
  status: PostStatus;
  holdReason: HoldReason | null;
  riskLevel: RiskLevel;
  riskCategories: RiskCategory[];
  urgent: boolean;
  flagAfterPosting: boolean;
}

/**
 * Every post and every edit passes here before anyone sees it: watched words first (a block refuses
 * the text), then risk screening. A high risk holds the post for the professionals, urgently.
 */
async function screen(db: Db, municipalityId: string, text: string): Promise<Result<Screened>> {
  const lists = await loadScreeningLists(db, municipalityId);
  const watched = applyWatchedWords(text, lists.words);
  if (watched.blocked) return failure(forumErrors.blocked(watched.blocked.message));
  const risk = screenText(watched.text, lists.terms);
  const high = risk.level === 'high';
  return ok({
    body: watched.text,
    status: high || watched.hold ? 'held' : 'public',
    holdReason: high ? 'risk' : watched.hold ? 'watched_word' : null,
    riskLevel: risk.level,
    riskCategories: risk.categories,
    urgent: high,
    flagAfterPosting: watched.flag && !high && !watched.hold
  });
}

async function pseudonymAgeKey(app: App, actor: ForumActor) {
  const household = await getHousehold(app, actor);
  return ageKeyFrom(
    household
      ? { childAgesInYears: household.children.map((c) => c.age.years), hasOngoingPregnancy: household.pregnancies.some((p) => p.outcome === null) }
      : undefined
  );
}

/** The writer's pseudonym in this thread: kept if they wrote here before, else the next letter. */
async function ensurePseudonym(trx: Db, threadId: string, actor: ForumActor, ageKey: string, persona: string) {
  await lockThread(trx, threadId);
  if (await findPseudonym(trx, threadId, actor.userId)) return;
  const position = await countPseudonyms(trx, threadId);
  await insertPseudonym(trx, { threadId, userId: actor.userId, position, ageKey, persona });
}

async function flagForModerators(trx: Db, municipalityId: string, postId: string, at: Date) {
  await insertFlag(trx, { municipalityId, postId, userId: null, reason: 'other', note: 'watched_word', isTrusted: false }, at);
}

/**
 * Starts a thread: a title, a first post and its two topics (child age and theme). The writer
 * appears under a pseudonym made from their household today and follows the thread.
 */
export async function startThread(app: App, actor: ForumActor, input: FormInput): Promise<Result<PostOutcome>> {
  const db = app.database.db;
  const at = now();
  const parsed = threadSchema.safeParse(input);
  if (!parsed.success) return failure(forumErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const topics = await listForumTopics(app, actor.municipalityId);
  const problems: Record<string, string> = {};
  if (!topics.some((t) => t.kind === 'age' && t.code === parsed.data.ageTopic)) problems.ageTopic = 'forum_error_topic_required';
  if (!topics.some((t) => t.kind === 'theme' && t.code === parsed.data.themeTopic)) problems.themeTopic = 'forum_error_topic_required';
  if (Object.keys(problems).length) return failure(forumErrors.invalidInput(problems));
  const refused = (await checkMayWrite(db, actor, at)) ?? (await checkNewAccountLimits(db, actor, `${parsed.data.title}\n${parsed.data.body}`, at));
  if (refused) return failure(refused);
  const titleCheck = await screen(db, actor.municipalityId, parsed.data.title);
  if (!titleCheck.ok) return failure(forumErrors.invalidInput({ title: titleCheck.error.fields?.body ?? 'forum_error_blocked' }));
  const screened = await screen(db, actor.municipalityId, `${parsed.data.title}\n${parsed.data.body}`);
  if (!screened.ok) return screened;
  const bodyOnly = await screen(db, actor.municipalityId, parsed.data.body);
  if (!bodyOnly.ok) return bodyOnly;
  const decision = screened.value;
  const ageKey = await pseudonymAgeKey(app, actor);
  const outcome = await db.transaction().execute(async (trx) => {
    const thread = await insertThread(
      trx,
      { municipalityId: actor.municipalityId, ageTopic: parsed.data.ageTopic, themeTopic: parsed.data.themeTopic, title: titleCheck.value.body, createdBy: actor.userId },
      at
    );
    await ensurePseudonym(trx, thread.id, actor, ageKey, parsed.data.persona);
    const post = await insertPost(
      trx,
      {
        municipalityId: actor.municipalityId,
        threadId: thread.id,
        authorId: actor.userId,
        isOpening: true,
        body: bodyOnly.value.body,
        status: decision.status,
        holdReason: decision.holdReason,
        riskCategories: decision.riskCategories,
        riskLevel: decision.riskLevel,
        professionalRole: null,
        professionalLabel: null,
        privateForPostId: null,
        urgent: decision.urgent
      },
      at
    );
    if (decision.status === 'public') await touchThread(trx, thread.id, at);
    if (decision.flagAfterPosting) await flagForModerators(trx, actor.municipalityId, post.id, at);
    await insertFollow(trx, { threadId: thread.id, userId: actor.userId, municipalityId: actor.municipalityId }, at);
    await writeAudit(trx, actor, { action: 'create', recordType: 'forum_post', recordId: post.id });
    return { threadId: thread.id, postId: post.id };
  });
  return ok({
    ...outcome,
    status: decision.status,
    heldForSafety: decision.holdReason === 'risk',
    heldForReview: decision.holdReason === 'watched_word',
    riskCategories: decision.riskCategories
  });
}

/**
 * Answers in a public thread. A professional answers under their verified badge (never their name);
 * a guardian under their pseudonym for this thread. Followers are told, in the forum and by e-mail
 * when they allow it.
 */
export async function replyToThread(app: App, actor: ForumActor, threadId: string, input: FormInput): Promise<Result<PostOutcome>> {
  const db = app.database.db;
  const at = now();
  if (!idSchema.safeParse(threadId).success) return failure(forumErrors.notFound);
  const thread = await findThread(db, actor.municipalityId, threadId);
  if (!thread) return failure(forumErrors.notFound);
  const opening = await findOpeningPost(db, threadId);
  if (!opening || opening.status !== 'public' || opening.deleted_at) {
    return failure(opening?.author_id === actor.userId ? forumErrors.threadClosed : forumErrors.notFound);
  }
  const parsed = replySchema.safeParse(input);
  if (!parsed.success) return failure(forumErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const refused = (await checkMayWrite(db, actor, at)) ?? (await checkNewAccountLimits(db, actor, parsed.data.body, at));
  if (refused) return failure(refused);
  const screened = await screen(db, actor.municipalityId, parsed.data.body);
  if (!screened.ok) return screened;
  const decision = screened.value;
  const badge = parsed.data.asProfessional ? professionalBadge(actor) : undefined;
  const ageKey = badge ? '' : await pseudonymAgeKey(app, actor);
  const notices: ForumNotice[] = [];
  const postId = await db.transaction().execute(async (trx) => {
    if (!badge) await ensurePseudonym(trx, threadId, actor, ageKey, parsed.data.persona);
    const post = await insertPost(
      trx,
      {
        municipalityId: actor.municipalityId,
        threadId,
        authorId: actor.userId,
        isOpening: false,
        body: decision.body,
        status: decision.status,
        holdReason: decision.holdReason,
        riskCategories: decision.riskCategories,
        riskLevel: decision.riskLevel,
        professionalRole: badge?.role ?? null,
        professionalLabel: badge ? badge.label : null,
        privateForPostId: null,
        urgent: decision.urgent
      },
      at
    );
    if (decision.status === 'public') {
      await touchThread(trx, threadId, at);
      if (badge) await markFirstProfessionalReply(trx, opening.id, at);
      for (const userId of await listFollowers(trx, threadId)) {
        if (userId === actor.userId) continue;
        const notice: ForumNotice = { municipalityId: actor.municipalityId, userId, kind: 'reply', threadId, postId: post.id };
        await notify(trx, notice, at);
        notices.push(notice);
      }
    }
    if (decision.flagAfterPosting) await flagForModerators(trx, actor.municipalityId, post.id, at);
    if (!badge) await insertFollow(trx, { threadId, userId: actor.userId, municipalityId: actor.municipalityId }, at);
    await writeAudit(trx, actor, { action: 'create', recordType: 'forum_post', recordId: post.id });
    return post.id;
  });
  await mailNotices(app, notices);
  return ok({
    threadId,
    postId,
    status: decision.status,
    heldForSafety: decision.holdReason === 'risk',
    heldForReview: decision.holdReason === 'watched_word',
    riskCategories: decision.riskCategories
  });
}

async function ownPost(db: Db, actor: ForumActor, postId: string) {
  if (!idSchema.safeParse(postId).success) return undefined;
  const post = await findPost(db, actor.municipalityId, postId);
  if (!post || post.author_id !== actor.userId || post.deleted_at || post.private_for_post_id) return undefined;
  return post;
}

/**
 * Edits one's own post within the edit window. The old text is kept in the history, and the new text
 * is screened again exactly like a new post: an edit that shows risk is held at once.
 */
export async function editPost(app: App, actor: ForumActor, postId: string, input: FormInput): Promise<Result<PostOutcome>> {
  const db = app.database.db;
  const at = now();
  const post = await ownPost(db, actor, postId);
  if (!post) return failure(forumErrors.notFound);
  const parsed = editSchema.safeParse(input);
  if (!parsed.success) return failure(forumErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const settings = await loadSettings(db, actor.municipalityId);
  if (at.getTime() - post.created_at.getTime() > settings.editWindowMinutes * 60_000) return failure(forumErrors.editWindowOver);
  const refused = await checkMayWrite(db, actor, at);
  if (refused) return failure(refused);
  if (!isProfessional(actor) && (await isNewAccount(db, actor, settings, at)) && containsLink(parsed.data.body)) return failure(forumErrors.linksNotAllowed);
  const screened = await screen(db, actor.municipalityId, parsed.data.body);
  if (!screened.ok) return screened;
  const decision = screened.value;
  // A post a professional or moderator is holding stays held whatever the edit says; risk always holds.
  const isRisk = decision.holdReason === 'risk';
  const nextStatus: PostStatus = isRisk ? 'held' : post.status === 'public' ? decision.status : post.status;
  const nextHold: HoldReason | null = isRisk ? 'risk' : post.status === 'public' ? decision.holdReason : post.hold_reason;
  await db.transaction().execute(async (trx) => {
    await insertRevision(trx, { municipalityId: actor.municipalityId, postId: post.id, body: post.body, editedBy: actor.userId, byModerator: false }, at);
    await updatePostBody(
      trx,
      post.id,
      {
        body: decision.body,
        status: nextStatus,
        holdReason: nextStatus === 'held' ? nextHold : null,
        riskCategories: [...new Set([...(post.risk_categories as RiskCategory[]), ...decision.riskCategories])],
        riskLevel: decision.riskLevel === 'none' ? post.risk_level : decision.riskLevel,
        urgent: decision.urgent
      },
      at
    );
    if (decision.flagAfterPosting) await flagForModerators(trx, actor.municipalityId, post.id, at);
    await writeAudit(trx, actor, { action: 'update', recordType: 'forum_post', recordId: post.id });
  });
  return ok({
    threadId: post.thread_id,
    postId: post.id,
    status: nextStatus,
    heldForSafety: decision.holdReason === 'risk',
    heldForReview: nextStatus === 'held' && decision.holdReason === 'watched_word',
    riskCategories: decision.riskCategories
  });
}

/**
 * Deletes one's own post: it disappears from the forum. A post that was held for the professionals
 * stays in their queue (its writer may still need help).
 */
export async function deletePost(app: App, actor: ForumActor, postId: string): Promise<Result<{ threadId: string; wasOpening: boolean }>> {
  const db = app.database.db;
  const post = await ownPost(db, actor, postId);
  if (!post) return failure(forumErrors.notFound);
  await db.transaction().execute(async (trx) => {
    await markPostDeleted(trx, post.id, now());
    await writeAudit(trx, actor, { action: 'delete', recordType: 'forum_post', recordId: post.id });
  });
  return ok({ threadId: post.thread_id, wasOpening: post.is_opening });
}

async function visiblePublicPost(db: Db, actor: ForumActor, postId: string) {
  if (!idSchema.safeParse(postId).success) return undefined;
  const post = await findPost(db, actor.municipalityId, postId);
  if (!post || post.status !== 'public' || post.deleted_at || post.private_for_post_id) return undefined;
  const opening = post.is_opening ? post : await findOpeningPost(db, post.thread_id);
  if (!opening || opening.status !== 'public' || opening.deleted_at) return undefined;
  return post;
}

/** Marks (or unmarks) "わかる" on a public post; one per person per post. */
export async function toggleWakaru(app: App, actor: ForumActor, postId: string): Promise<Result<{ threadId: string; marked: boolean }>> {
  const db = app.database.db;
  const post = await visiblePublicPost(db, actor, postId);
  if (!post) return failure(forumErrors.notFound);
  const refused = await checkMayWrite(db, actor, now());
  if (refused) return failure(refused);
  const marked = await db.transaction().execute(async (trx) => {
    const added = await insertReaction(trx, { postId: post.id, userId: actor.userId, municipalityId: actor.municipalityId }, now());
    if (!added) await deleteReaction(trx, post.id, actor.userId);
    return added;
  });
  return ok({ threadId: post.thread_id, marked });
}

/** Follows a public thread (notices of new answers) or stops following it. */
export async function setFollowing(app: App, actor: ForumActor, threadId: string, follow: boolean): Promise<Result<{ threadId: string }>> {
  const db = app.database.db;
  if (!idSchema.safeParse(threadId).success) return failure(forumErrors.notFound);
  const thread = await findThread(db, actor.municipalityId, threadId);
  const opening = thread ? await findOpeningPost(db, threadId) : undefined;
  if (!thread || !opening || (opening.status !== 'public' && opening.author_id !== actor.userId)) return failure(forumErrors.notFound);
  if (follow) await insertFollow(db, { threadId, userId: actor.userId, municipalityId: actor.municipalityId }, now());
  else await deleteFollow(db, threadId, actor.userId);
  return ok({ threadId });
}

/**
 * Flags a post for the moderators. Flags from trusted people (past the new-account period) count
 * towards hiding: at the threshold the post is held until a moderator decides, and its writer is told.
 */
export async function flagPost(app: App, actor: ForumActor, postId: string, input: FormInput): Promise<Result<{ threadId: string; hidden: boolean }>> {
  const db = app.database.db;
  const at = now();
  const post = await visiblePublicPost(db, actor, postId);
  if (!post) return failure(forumErrors.notFound);
  if (post.author_id === actor.userId) return failure(forumErrors.ownPost);
  const parsed = flagSchema.safeParse(input);
  if (!parsed.success) return failure(forumErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const refused = await checkMayWrite(db, actor, at);
  if (refused) return failure(refused);
  const settings = await loadSettings(db, actor.municipalityId);
  const trusted = !(await isNewAccount(db, actor, settings, at));
  const hidden = await db.transaction().execute(async (trx) => {
    await insertFlag(trx, { municipalityId: actor.municipalityId, postId: post.id, userId: actor.userId, reason: parsed.data.reason, note: parsed.data.note, isTrusted: trusted }, at);
    await writeAudit(trx, actor, { action: 'flag', recordType: 'forum_post', recordId: post.id });
    if ((await countOpenTrustedFlags(trx, post.id)) < settings.flagHideThreshold) return false;
    await setPostStatus(trx, post.id, 'held', { holdReason: 'flags' });
    if (post.author_id) await notify(trx, { municipalityId: actor.municipalityId, userId: post.author_id, kind: 'held_for_review', threadId: post.thread_id, postId: post.id }, at);
    return true;
  });
  return ok({ threadId: post.thread_id, hidden });
}
