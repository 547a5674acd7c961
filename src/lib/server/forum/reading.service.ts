import type { App } from '../app.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { canWorkSupportQueue, type ForumActor } from './forum-access.ts';
import { forumErrors } from './forum.errors.ts';
import {
  countUnreadNotices,
  findPost,
  findThread,
  isFollowing,
  listFollowedThreads,
  listNoticesFor,
  listPostsBy,
  listPublicThreads,
  listReactionsBy,
  listRevisions,
  listThreadPosts,
  markNoticesRead
} from './forum.queries.ts';
import { idSchema } from './forum.schemas.ts';
import type { PostStatus, RiskCategory } from './forum.table.ts';
import { pseudonymParts, type PseudonymParts } from './pseudonym.ts';
import { RISK_CATEGORIES } from './risk/screen.ts';
import { listForumContacts, loadSettings, type ContactView } from './settings.service.ts';

/** Who wrote a post, as anyone may see it: a pseudonym, or a professional's verified badge. */
export type Author = { kind: 'guardian'; pseudonym: PseudonymParts } | { kind: 'professional'; role: 'health_professional' | 'coordinator'; label: string };

export interface ThreadSummary {
  id: string;
  title: string;
  ageTopic: string;
  themeTopic: string;
  author: Author;
  replies: number;
  hasProfessionalAnswer: boolean;
  createdAt: Date;
  lastPostAt: Date;
}

export interface ThreadPage {
  items: ThreadSummary[];
  nextCursor: string | null;
}

export const PAGE_SIZE = 20;
const Q_MAX = 100;

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { at: Date; id: string } | undefined | 'invalid' {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || !idSchema.safeParse(id).success) return 'invalid';
    return { at: date, id };
  } catch {
    return 'invalid';
  }
}

/**
 * Public threads of the municipality, newest activity first, optionally by topic and by a search
 * word (partial match in titles and public posts, so 「夜泣」 finds 「夜泣き」). Anyone may read them.
 */
export async function listThreads(app: App, municipalityId: string, query: { topic?: string | null; q?: string | null; cursor?: string | null }): Promise<Result<ThreadPage>> {
  const after = decodeCursor(query.cursor ?? undefined);
  if (after === 'invalid') return failure(forumErrors.invalidInput({ cursor: 'forum_error_cursor' }));
  const q = (query.q ?? '').normalize('NFKC').trim().slice(0, Q_MAX);
  const topic = (query.topic ?? '').trim();
  const rows = await listPublicThreads(app.database.db, {
    municipalityId,
    topic: /^[a-z0-9_]{1,40}$/.test(topic) ? topic : undefined,
    q: q || undefined,
    after,
    limit: PAGE_SIZE + 1
  });
  const items = rows.slice(0, PAGE_SIZE).map((r) => ({
    id: r.id,
    title: r.title,
    ageTopic: r.age_topic,
    themeTopic: r.theme_topic,
    author: { kind: 'guardian' as const, pseudonym: pseudonymParts(r) },
    replies: Number(r.replies),
    hasProfessionalAnswer: Boolean(r.has_professional_answer),
    createdAt: r.created_at,
    lastPostAt: r.last_public_post_at as Date
  }));
  const last = items.at(-1);
  return ok({ items, nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last.lastPostAt, last.id) : null });
}

export interface PostView {
  id: string;
  isOpening: boolean;
  author: Author;
  /** Empty when the post was deleted or hidden (the reason is shown instead). */
  body: string;
  status: PostStatus | 'deleted';
  hiddenReason: string | null;
  moderatorNote: string | null;
  createdAt: Date;
  edited: boolean;
  wakaru: number;
  /** Only for the signed-in viewer: never who wrote it, only whether it was them. */
  isMine: boolean;
  markedWakaru: boolean;
  canEdit: boolean;
  /** The viewer's own post's earlier versions (the writer sees their history). */
  history: { body: string; byModerator: boolean; replacedAt: Date }[];
  /** Messages a professional wrote only to this post's writer (seen only by them). */
  privateReplies: { id: string; body: string; author: Author; createdAt: Date }[];
}

export interface ThreadView {
  id: string;
  title: string;
  ageTopic: string;
  themeTopic: string;
  createdAt: Date;
  isPublic: boolean;
  isFollowing: boolean;
  posts: PostView[];
}

function authorOf(row: { professional_role: 'health_professional' | 'coordinator' | null; professional_label: string | null; position: number | null; age_key: string | null; persona: string | null }): Author {
  if (row.professional_role) return { kind: 'professional', role: row.professional_role, label: row.professional_label ?? '' };
  return { kind: 'guardian', pseudonym: pseudonymParts(row) };
}

/**
 * One thread as the viewer may see it. Public posts for everyone; a held post only for its writer
 * (with the professionals' private replies to it). A thread whose first post is not public exists
 * only for its writer. The view carries pseudonyms and badges, never an account.
 */
export async function getThread(app: App, viewer: ForumActor | undefined, municipalityId: string, threadId: string): Promise<Result<ThreadView>> {
  const db = app.database.db;
  if (!idSchema.safeParse(threadId).success) return failure(forumErrors.notFound);
  const thread = await findThread(db, municipalityId, threadId);
  if (!thread) return failure(forumErrors.notFound);
  const rows = await listThreadPosts(db, threadId);
  const opening = rows.find((r) => r.is_opening);
  if (!opening) return failure(forumErrors.notFound);
  const viewerId = viewer?.userId;
  const isPublic = opening.status === 'public' && !opening.deleted_at;
  if (!isPublic && (!viewerId || opening.author_id !== viewerId || opening.deleted_at)) return failure(forumErrors.notFound);

  const settings = await loadSettings(db, municipalityId);
  const at = now();
  const visible = rows.filter((r) => {
    if (r.private_for_post_id) return false;
    if (r.status === 'public' || r.status === 'hidden') return true;
    return Boolean(viewerId) && r.author_id === viewerId && !r.deleted_at;
  });
  const mine = visible.filter((r) => viewerId && r.author_id === viewerId).map((r) => r.id);
  const [reactions, revisions] = viewerId
    ? await Promise.all([listReactionsBy(db, viewerId, visible.map((r) => r.id)), listRevisions(db, mine)])
    : [[], []];
  const marked = new Set(reactions.map((r) => r.post_id));
  const posts: PostView[] = visible.map((r) => {
    const isMine = Boolean(viewerId) && r.author_id === viewerId;
    const deleted = Boolean(r.deleted_at);
    const hidden = r.status === 'hidden';
    const privateReplies = isMine
      ? rows.filter((p) => p.private_for_post_id === r.id).map((p) => ({ id: p.id, body: p.body, author: authorOf(p), createdAt: p.created_at }))
      : [];
    return {
      id: r.id,
      isOpening: r.is_opening,
      author: authorOf(r),
      body: deleted || (hidden && !isMine) ? '' : r.body,
      status: deleted ? 'deleted' : r.status,
      hiddenReason: hidden ? (r.hidden_reason ?? '') : null,
      moderatorNote: r.moderator_note,
      createdAt: r.created_at,
      edited: Boolean(r.edited_at),
      wakaru: Number(r.wakaru),
      isMine,
      markedWakaru: marked.has(r.id),
      canEdit: isMine && !deleted && !hidden && at.getTime() - r.created_at.getTime() <= settings.editWindowMinutes * 60_000,
      history: isMine ? revisions.filter((h) => h.post_id === r.id).map((h) => ({ body: h.body, byModerator: h.by_moderator, replacedAt: h.replaced_at })) : [],
      privateReplies
    };
  });
  return ok({
    id: thread.id,
    title: thread.title,
    ageTopic: thread.age_topic,
    themeTopic: thread.theme_topic,
    createdAt: thread.created_at,
    isPublic,
    isFollowing: viewerId ? await isFollowing(db, threadId, viewerId) : false,
    posts
  });
}

export interface MyForum {
  posts: { id: string; threadId: string; title: string; excerpt: string; status: PostStatus | 'deleted'; isOpening: boolean; createdAt: Date }[];
  following: { id: string; title: string; lastPostAt: Date | null }[];
  unreadNotices: number;
}

/** The person's own posts (with their state) and the threads they follow. */
export async function getMyForum(app: App, actor: ForumActor): Promise<MyForum> {
  const db = app.database.db;
  const [posts, following, unread] = await Promise.all([
    listPostsBy(db, actor.userId, actor.municipalityId),
    listFollowedThreads(db, actor.userId, actor.municipalityId),
    countUnreadNotices(db, actor.userId, actor.municipalityId)
  ]);
  return {
    posts: posts.map((p) => ({
      id: p.id,
      threadId: p.thread_id,
      title: p.title,
      excerpt: p.body.slice(0, 80),
      status: p.deleted_at ? 'deleted' : p.status,
      isOpening: p.is_opening,
      createdAt: p.created_at
    })),
    following: following.map((t) => ({ id: t.id, title: t.title, lastPostAt: t.last_public_post_at })),
    unreadNotices: unread
  };
}

export interface NoticeView {
  id: string;
  kind: string;
  threadId: string | null;
  postId: string | null;
  threadTitle: string | null;
  reason: string;
  createdAt: Date;
  isNew: boolean;
}

/** The person's forum notices, newest first; reading them marks them read. */
export async function readNotices(app: App, actor: ForumActor): Promise<NoticeView[]> {
  const db = app.database.db;
  const rows = await listNoticesFor(db, actor.userId, actor.municipalityId);
  await markNoticesRead(db, actor.userId, actor.municipalityId, now());
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    threadId: n.thread_id,
    postId: n.post_id,
    threadTitle: n.title,
    reason: n.reason,
    createdAt: n.created_at,
    isNew: !n.read_at
  }));
}

export interface SafetyView {
  /** The risks found in the person's post (empty: show every contact). */
  categories: RiskCategory[];
  contacts: ContactView[];
  postId: string | null;
}

/**
 * The supportive page after a post was held: the contacts that fit what the post showed (danger
 * now first), then the ward's own desk, and the offer to talk to a professional.
 */
export async function getSafetyPage(app: App, actor: ForumActor, postId: string | null): Promise<SafetyView> {
  const db = app.database.db;
  let categories: RiskCategory[] = [];
  let ownPostId: string | null = null;
  if (postId && idSchema.safeParse(postId).success) {
    const post = await findPost(db, actor.municipalityId, postId);
    if (post && post.author_id === actor.userId) {
      categories = RISK_CATEGORIES.filter((c) => (post.risk_categories as string[]).includes(c));
      ownPostId = post.id;
    }
  }
  const all = await listForumContacts(app, actor.municipalityId);
  const order = (c: ContactView) => (c.categories.includes('acute_crisis') && categories.includes('acute_crisis') ? 0 : c.categories.includes('ward') ? 2 : 1);
  const fitting = categories.length
    ? all.filter((c) => c.categories.some((k) => (categories as string[]).includes(k)) || c.categories.includes('ward') || c.categories.includes('acute_crisis'))
    : all;
  return { categories, contacts: [...fitting].sort((a, b) => order(a) - order(b)), postId: ownPostId };
}

/** Whether the viewer works the professionals' queue (for links on the public pages). */
export function seesSupportQueue(actor: ForumActor | undefined): boolean {
  return Boolean(actor && canWorkSupportQueue(actor));
}
