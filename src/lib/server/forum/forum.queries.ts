import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { HoldReason, PostStatus, RiskLevel } from './forum.table.ts';

// ── settings and lists ───────────────────────────────────────────────────────────────────────────

export async function findSettings(db: Db, municipalityId: string) {
  return db.selectFrom('forum_settings').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();
}

/** Inserts the settings row; true when this call created it (so the defaults are seeded once). */
export async function insertSettingsIfMissing(db: Db, municipalityId: string): Promise<boolean> {
  const row = await db
    .insertInto('forum_settings')
    .values({ municipality_id: municipalityId, updated_by: null })
    .onConflict((oc) => oc.column('municipality_id').doNothing())
    .returning('municipality_id')
    .executeTakeFirst();
  return Boolean(row);
}

export async function updateSettings(
  db: Db,
  municipalityId: string,
  values: { newAccountDays: number; newAccountPublicPosts: number; newAccountDailyPosts: number; editWindowMinutes: number; flagHideThreshold: number },
  userId: string
) {
  await db
    .updateTable('forum_settings')
    .set({
      new_account_days: values.newAccountDays,
      new_account_public_posts: values.newAccountPublicPosts,
      new_account_daily_posts: values.newAccountDailyPosts,
      edit_window_minutes: values.editWindowMinutes,
      flag_hide_threshold: values.flagHideThreshold,
      updated_at: sql`now()`,
      updated_by: userId
    })
    .where('municipality_id', '=', municipalityId)
    .execute();
}

export async function insertTopics(db: Db, municipalityId: string, topics: { kind: 'age' | 'theme'; code: string; name: string; nameEn: string; nameEasy: string }[]) {
  if (!topics.length) return;
  await db
    .insertInto('forum_topic')
    .values(topics.map((t, i) => ({ municipality_id: municipalityId, kind: t.kind, code: t.code, name: t.name, name_en: t.nameEn, name_easy: t.nameEasy, sort_order: i + 1 })))
    .onConflict((oc) => oc.columns(['municipality_id', 'code']).doNothing())
    .execute();
}

export async function listTopics(db: Db, municipalityId: string) {
  return db.selectFrom('forum_topic').selectAll().where('municipality_id', '=', municipalityId).orderBy('sort_order').execute();
}

export async function listRiskTerms(db: Db, municipalityId: string) {
  return db.selectFrom('forum_risk_term').selectAll().where('municipality_id', '=', municipalityId).orderBy('category').orderBy('created_at').execute();
}

export async function insertRiskTerms(
  db: Db,
  municipalityId: string,
  terms: { category: string; level: 'high' | 'concern'; pattern: string; isRegex: boolean; language: 'ja' | 'ja-x-easy' | 'en' }[],
  createdBy: string | null
) {
  if (!terms.length) return 0;
  const rows = await db
    .insertInto('forum_risk_term')
    .values(
      terms.map((t) => ({
        municipality_id: municipalityId,
        category: t.category as 'self_harm',
        level: t.level,
        pattern: t.pattern,
        is_regex: t.isRegex,
        language: t.language,
        created_by: createdBy
      }))
    )
    .onConflict((oc) => oc.columns(['municipality_id', 'category', 'pattern']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

export async function deleteRiskTerm(db: Db, municipalityId: string, id: string) {
  const result = await db.deleteFrom('forum_risk_term').where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listWatchedWords(db: Db, municipalityId: string) {
  return db.selectFrom('forum_watched_word').selectAll().where('municipality_id', '=', municipalityId).orderBy('created_at').execute();
}

export async function insertWatchedWords(
  db: Db,
  municipalityId: string,
  words: { pattern: string; isRegex: boolean; action: 'block' | 'hold' | 'flag' | 'replace'; replacement: string; message: string }[],
  createdBy: string | null
) {
  if (!words.length) return 0;
  const rows = await db
    .insertInto('forum_watched_word')
    .values(
      words.map((w) => ({
        municipality_id: municipalityId,
        pattern: w.pattern,
        is_regex: w.isRegex,
        action: w.action,
        replacement: w.replacement,
        message: w.message,
        created_by: createdBy
      }))
    )
    .onConflict((oc) => oc.columns(['municipality_id', 'pattern', 'action']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

export async function deleteWatchedWord(db: Db, municipalityId: string, id: string) {
  const result = await db.deleteFrom('forum_watched_word').where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listContacts(db: Db, municipalityId: string) {
  return db.selectFrom('forum_contact').selectAll().where('municipality_id', '=', municipalityId).orderBy('sort_order').orderBy('name').execute();
}

export async function insertContacts(
  db: Db,
  municipalityId: string,
  contacts: { categories: string[]; name: string; phone: string; hours: string; description: string }[],
  firstSortOrder = 1
) {
  if (!contacts.length) return;
  await db
    .insertInto('forum_contact')
    .values(contacts.map((c, i) => ({ municipality_id: municipalityId, categories: c.categories, name: c.name, phone: c.phone, hours: c.hours, description: c.description, sort_order: firstSortOrder + i })))
    .execute();
}

export async function updateContact(db: Db, municipalityId: string, id: string, c: { categories: string[]; name: string; phone: string; hours: string; description: string }) {
  const result = await db
    .updateTable('forum_contact')
    .set({ categories: c.categories, name: c.name, phone: c.phone, hours: c.hours, description: c.description })
    .where('id', '=', id)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteContact(db: Db, municipalityId: string, id: string) {
  const result = await db.deleteFrom('forum_contact').where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ── people, as the forum needs them ─────────────────────────────────────────────────────────────

export async function findAccountCreatedAt(db: Db, userId: string): Promise<Date | undefined> {
  return (await db.selectFrom('user').select('createdAt').where('id', '=', userId).executeTakeFirst())?.createdAt;
}

export async function countPublicPostsBy(db: Db, userId: string, municipalityId: string): Promise<number> {
  const row = await db
    .selectFrom('forum_post')
    .select(sql<string>`count(*)`.as('n'))
    .where('author_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', 'public')
    .where('private_for_post_id', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countPostsSince(db: Db, userId: string, municipalityId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('forum_post')
    .select(sql<string>`count(*)`.as('n'))
    .where('author_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findActiveSuspension(db: Db, userId: string, municipalityId: string, at: Date) {
  return db
    .selectFrom('forum_suspension')
    .select(['until', 'reason'])
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .where('until', '>', at)
    .orderBy('until', 'desc')
    .executeTakeFirst();
}

export async function insertSuspension(db: Db, row: { municipalityId: string; userId: string; until: Date; reason: string; createdBy: string }, at: Date) {
  await db
    .insertInto('forum_suspension')
    .values({ municipality_id: row.municipalityId, user_id: row.userId, until: row.until, reason: row.reason, created_by: row.createdBy, created_at: at })
    .execute();
}

// ── threads and posts ───────────────────────────────────────────────────────────────────────────

export async function insertThread(db: Db, row: { municipalityId: string; ageTopic: string; themeTopic: string; title: string; createdBy: string }, at: Date) {
  return db
    .insertInto('forum_thread')
    .values({ municipality_id: row.municipalityId, age_topic: row.ageTopic, theme_topic: row.themeTopic, title: row.title, created_by: row.createdBy, created_at: at, last_public_post_at: null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function findThread(db: Db, municipalityId: string, threadId: string) {
  return db.selectFrom('forum_thread').selectAll().where('id', '=', threadId).where('municipality_id', '=', municipalityId).executeTakeFirst();
}

/** Serialises pseudonym allocation within one thread. */
export async function lockThread(db: Db, threadId: string) {
  await db.selectFrom('forum_thread').select('id').where('id', '=', threadId).forUpdate().executeTakeFirst();
}

export async function touchThread(db: Db, threadId: string, at: Date) {
  await db.updateTable('forum_thread').set({ last_public_post_at: at }).where('id', '=', threadId).execute();
}

export async function findPseudonym(db: Db, threadId: string, userId: string) {
  return db.selectFrom('forum_pseudonym').selectAll().where('thread_id', '=', threadId).where('user_id', '=', userId).executeTakeFirst();
}

export async function countPseudonyms(db: Db, threadId: string): Promise<number> {
  const row = await db.selectFrom('forum_pseudonym').select(sql<string>`count(*)`.as('n')).where('thread_id', '=', threadId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertPseudonym(db: Db, row: { threadId: string; userId: string; position: number; ageKey: string; persona: string }) {
  await db
    .insertInto('forum_pseudonym')
    .values({ thread_id: row.threadId, user_id: row.userId, position: row.position, age_key: row.ageKey, persona: row.persona })
    .execute();
}

export interface NewPost {
  municipalityId: string;
  threadId: string;
  authorId: string;
  isOpening: boolean;
  body: string;
  status: PostStatus;
  holdReason: HoldReason | null;
  riskCategories: string[];
  riskLevel: RiskLevel;
  professionalRole: 'health_professional' | 'coordinator' | null;
  professionalLabel: string | null;
  privateForPostId: string | null;
  urgent: boolean;
}

export async function insertPost(db: Db, post: NewPost, at: Date) {
  return db
    .insertInto('forum_post')
    .values({
      municipality_id: post.municipalityId,
      thread_id: post.threadId,
      author_id: post.authorId,
      is_opening: post.isOpening,
      body: post.body,
      status: post.status,
      hold_reason: post.holdReason,
      risk_categories: post.riskCategories,
      risk_level: post.riskLevel,
      professional_role: post.professionalRole,
      professional_label: post.professionalLabel,
      private_for_post_id: post.privateForPostId,
      urgent_since: post.urgent ? at : null,
      created_at: at,
      urgent_handled_at: null,
      urgent_handled_by: null,
      first_professional_reply_at: null,
      hidden_reason: null,
      moderator_note: null,
      edited_at: null,
      deleted_at: null
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function findPost(db: Db, municipalityId: string, postId: string) {
  return db.selectFrom('forum_post').selectAll().where('id', '=', postId).where('municipality_id', '=', municipalityId).executeTakeFirst();
}

export async function findOpeningPost(db: Db, threadId: string) {
  return db.selectFrom('forum_post').selectAll().where('thread_id', '=', threadId).where('is_opening', '=', true).executeTakeFirst();
}

export async function updatePostBody(
  db: Db,
  postId: string,
  values: { body: string; status: PostStatus; holdReason: HoldReason | null; riskCategories: string[]; riskLevel: RiskLevel; urgent: boolean; moderatorNote?: string },
  at: Date
) {
  await db
    .updateTable('forum_post')
    .set({
      body: values.body,
      status: values.status,
      hold_reason: values.holdReason,
      risk_categories: values.riskCategories,
      risk_level: values.riskLevel,
      edited_at: at,
      ...(values.urgent ? { urgent_since: sql<Date>`coalesce(urgent_since, ${at})`, urgent_handled_at: null, urgent_handled_by: null } : {}),
      ...(values.moderatorNote !== undefined ? { moderator_note: values.moderatorNote } : {})
    })
    .where('id', '=', postId)
    .execute();
}

export async function setPostStatus(db: Db, postId: string, status: PostStatus, values: { holdReason?: HoldReason | null; hiddenReason?: string | null } = {}) {
  await db
    .updateTable('forum_post')
    .set({
      status,
      ...(values.holdReason !== undefined ? { hold_reason: values.holdReason } : {}),
      ...(values.hiddenReason !== undefined ? { hidden_reason: values.hiddenReason } : {})
    })
    .where('id', '=', postId)
    .execute();
}

export async function markPostDeleted(db: Db, postId: string, at: Date) {
  await db.updateTable('forum_post').set({ deleted_at: at }).where('id', '=', postId).where('deleted_at', 'is', null).execute();
}

export async function markFirstProfessionalReply(db: Db, postId: string, at: Date) {
  await db
    .updateTable('forum_post')
    .set({ first_professional_reply_at: sql<Date>`coalesce(first_professional_reply_at, ${at})` })
    .where('id', '=', postId)
    .where('urgent_since', 'is not', null)
    .execute();
}

export async function markUrgentHandled(db: Db, postId: string, userId: string, at: Date) {
  await db.updateTable('forum_post').set({ urgent_handled_at: at, urgent_handled_by: userId }).where('id', '=', postId).execute();
}

export async function insertRevision(db: Db, row: { municipalityId: string; postId: string; body: string; editedBy: string; byModerator: boolean }, at: Date) {
  await db
    .insertInto('forum_post_revision')
    .values({ municipality_id: row.municipalityId, post_id: row.postId, body: row.body, edited_by: row.editedBy, by_moderator: row.byModerator, replaced_at: at })
    .execute();
}

export async function listRevisions(db: Db, postIds: string[]) {
  if (!postIds.length) return [];
  return db.selectFrom('forum_post_revision').select(['post_id', 'body', 'by_moderator', 'replaced_at']).where('post_id', 'in', postIds).orderBy('replaced_at').execute();
}

/** Every post of a thread with its pseudonym (never the account), oldest first. */
export async function listThreadPosts(db: Db, threadId: string) {
  return db
    .selectFrom('forum_post as p')
    .leftJoin('forum_pseudonym as ps', (join) => join.onRef('ps.thread_id', '=', 'p.thread_id').onRef('ps.user_id', '=', 'p.author_id'))
    .select([
      'p.id',
      'p.author_id',
      'p.is_opening',
      'p.body',
      'p.status',
      'p.hold_reason',
      'p.risk_categories',
      'p.professional_role',
      'p.professional_label',
      'p.private_for_post_id',
      'p.hidden_reason',
      'p.moderator_note',
      'p.created_at',
      'p.edited_at',
      'p.deleted_at',
      'ps.position',
      'ps.age_key',
      'ps.persona',
      sql<string>`(select count(*) from forum_reaction r where r.post_id = p.id)`.as('wakaru')
    ])
    .where('p.thread_id', '=', threadId)
    .orderBy('p.created_at')
    .orderBy('p.seq')
    .execute();
}

export async function listReactionsBy(db: Db, userId: string, postIds: string[]) {
  if (!postIds.length) return [];
  return db.selectFrom('forum_reaction').select('post_id').where('user_id', '=', userId).where('post_id', 'in', postIds).execute();
}

export async function insertReaction(db: Db, row: { postId: string; userId: string; municipalityId: string }, at: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('forum_reaction')
    .values({ post_id: row.postId, user_id: row.userId, municipality_id: row.municipalityId, created_at: at })
    .onConflict((oc) => oc.columns(['post_id', 'user_id']).doNothing())
    .returning('post_id')
    .executeTakeFirst();
  return Boolean(inserted);
}

export async function deleteReaction(db: Db, postId: string, userId: string) {
  await db.deleteFrom('forum_reaction').where('post_id', '=', postId).where('user_id', '=', userId).execute();
}

export async function insertFollow(db: Db, row: { threadId: string; userId: string; municipalityId: string }, at: Date) {
  await db
    .insertInto('forum_follow')
    .values({ thread_id: row.threadId, user_id: row.userId, municipality_id: row.municipalityId, created_at: at })
    .onConflict((oc) => oc.columns(['thread_id', 'user_id']).doNothing())
    .execute();
}

export async function deleteFollow(db: Db, threadId: string, userId: string) {
  await db.deleteFrom('forum_follow').where('thread_id', '=', threadId).where('user_id', '=', userId).execute();
}

export async function isFollowing(db: Db, threadId: string, userId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('forum_follow').select('thread_id').where('thread_id', '=', threadId).where('user_id', '=', userId).executeTakeFirst());
}

export async function listFollowers(db: Db, threadId: string): Promise<string[]> {
  return (await db.selectFrom('forum_follow').select('user_id').where('thread_id', '=', threadId).execute()).map((r) => r.user_id);
}

export interface ThreadListFilter {
  municipalityId: string;
  topic?: string;
  q?: string;
  after?: { at: Date; id: string };
  limit: number;
}

/**
 * Public threads, newest activity first, keyset-paginated on (last_public_post_at, id). `q` is a
 * partial-word match (ILIKE, helped by the pg_trgm indexes) on the title and every public post.
 */
export async function listPublicThreads(db: Db, filter: ThreadListFilter) {
  let query = db
    .selectFrom('forum_thread as t')
    .innerJoin('forum_post as o', (join) => join.onRef('o.thread_id', '=', 't.id').on('o.is_opening', '=', true))
    .leftJoin('forum_pseudonym as ps', (join) => join.onRef('ps.thread_id', '=', 't.id').onRef('ps.user_id', '=', 'o.author_id'))
    .select([
      't.id',
      't.title',
      't.age_topic',
      't.theme_topic',
      't.created_at',
      't.last_public_post_at',
      'ps.position',
      'ps.age_key',
      'ps.persona',
      sql<string>`(select count(*) from forum_post r where r.thread_id = t.id and r.is_opening = false and r.status = 'public' and r.private_for_post_id is null and r.deleted_at is null)`.as('replies'),
      sql<boolean>`exists (select 1 from forum_post r where r.thread_id = t.id and r.professional_role is not null and r.status = 'public' and r.private_for_post_id is null and r.deleted_at is null)`.as('has_professional_answer')
    ])
    .where('t.municipality_id', '=', filter.municipalityId)
    .where('o.status', '=', 'public')
    .where('o.deleted_at', 'is', null)
    .where('t.last_public_post_at', 'is not', null);
  if (filter.topic) {
    const topic = filter.topic;
    query = query.where((eb) => eb.or([eb('t.age_topic', '=', topic), eb('t.theme_topic', '=', topic)]));
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('t.title', 'ilike', like),
        eb.exists(
          eb
            .selectFrom('forum_post as s')
            .select('s.id')
            .whereRef('s.thread_id', '=', 't.id')
            .where('s.status', '=', 'public')
            .where('s.private_for_post_id', 'is', null)
            .where('s.deleted_at', 'is', null)
            .where('s.body', 'ilike', like)
        )
      ])
    );
  }
  if (filter.after) {
    const { at, id } = filter.after;
    query = query.where((eb) => eb.or([eb('t.last_public_post_at', '<', at), eb.and([eb('t.last_public_post_at', '=', at), eb('t.id', '<', id)])]));
  }
  return query.orderBy('t.last_public_post_at', 'desc').orderBy('t.id', 'desc').limit(filter.limit).execute();
}

/** The person's own posts (any status), newest first, with their thread. */
export async function listPostsBy(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('forum_post as p')
    .innerJoin('forum_thread as t', 't.id', 'p.thread_id')
    .select(['p.id', 'p.thread_id', 'p.body', 'p.status', 'p.is_opening', 'p.created_at', 'p.deleted_at', 't.title'])
    .where('p.author_id', '=', userId)
    .where('p.municipality_id', '=', municipalityId)
    .where('p.private_for_post_id', 'is', null)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.seq', 'desc')
    .limit(100)
    .execute();
}

export async function listFollowedThreads(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('forum_follow as f')
    .innerJoin('forum_thread as t', 't.id', 'f.thread_id')
    .select(['t.id', 't.title', 't.last_public_post_at'])
    .where('f.user_id', '=', userId)
    .where('f.municipality_id', '=', municipalityId)
    .orderBy('t.last_public_post_at', 'desc')
    .execute();
}

// ── flags ───────────────────────────────────────────────────────────────────────────────────────

export async function insertFlag(db: Db, row: { municipalityId: string; postId: string; userId: string | null; reason: string; note: string; isTrusted: boolean }, at: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('forum_flag')
    .values({ municipality_id: row.municipalityId, post_id: row.postId, user_id: row.userId, reason: row.reason, note: row.note, is_trusted: row.isTrusted, created_at: at, resolved_at: null, resolved_by: null })
    .onConflict((oc) => oc.columns(['post_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return Boolean(inserted);
}

export async function countOpenTrustedFlags(db: Db, postId: string): Promise<number> {
  const row = await db
    .selectFrom('forum_flag')
    .select(sql<string>`count(*)`.as('n'))
    .where('post_id', '=', postId)
    .where('is_trusted', '=', true)
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listFlags(db: Db, postId: string) {
  return db.selectFrom('forum_flag').select(['id', 'reason', 'note', 'is_trusted', 'created_at', 'resolved_at']).where('post_id', '=', postId).orderBy('created_at').execute();
}

export async function resolveFlags(db: Db, postId: string, userId: string, at: Date) {
  await db.updateTable('forum_flag').set({ resolved_at: at, resolved_by: userId }).where('post_id', '=', postId).where('resolved_at', 'is', null).execute();
}

// ── notices ─────────────────────────────────────────────────────────────────────────────────────

export async function insertNotice(db: Db, row: { municipalityId: string; userId: string; kind: string; threadId: string | null; postId: string | null; reason: string }, at: Date) {
  return db
    .insertInto('forum_notice')
    .values({ municipality_id: row.municipalityId, user_id: row.userId, kind: row.kind, thread_id: row.threadId, post_id: row.postId, reason: row.reason, created_at: at, read_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listNoticesFor(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('forum_notice as n')
    .leftJoin('forum_thread as t', 't.id', 'n.thread_id')
    .select(['n.id', 'n.kind', 'n.thread_id', 'n.post_id', 'n.reason', 'n.created_at', 'n.read_at', 't.title'])
    .where('n.user_id', '=', userId)
    .where('n.municipality_id', '=', municipalityId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.seq', 'desc')
    .limit(100)
    .execute();
}

export async function countUnreadNotices(db: Db, userId: string, municipalityId: string): Promise<number> {
  const row = await db
    .selectFrom('forum_notice')
    .select(sql<string>`count(*)`.as('n'))
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markNoticesRead(db: Db, userId: string, municipalityId: string, at: Date) {
  await db.updateTable('forum_notice').set({ read_at: at }).where('user_id', '=', userId).where('municipality_id', '=', municipalityId).where('read_at', 'is', null).execute();
}

// ── moderation ──────────────────────────────────────────────────────────────────────────────────

export async function insertModerationAction(
  db: Db,
  row: { municipalityId: string; postId: string | null; targetUserId: string | null; moderatorId: string; action: 'approve' | 'hide' | 'edit' | 'warn' | 'suspend' | 'release'; reason: string },
  at: Date
) {
  await db
    .insertInto('forum_moderation_action')
    .values({ municipality_id: row.municipalityId, post_id: row.postId, target_user_id: row.targetUserId, moderator_id: row.moderatorId, action: row.action, reason: row.reason, created_at: at })
    .execute();
}

export async function listModerationActions(db: Db, postId: string) {
  return db.selectFrom('forum_moderation_action').select(['action', 'reason', 'created_at']).where('post_id', '=', postId).orderBy('created_at').execute();
}

/** Posts waiting for a moderator: held by watched words or flags, or carrying open flags. */
export async function listModerationQueue(db: Db, municipalityId: string) {
  return db
    .selectFrom('forum_post as p')
    .innerJoin('forum_thread as t', 't.id', 'p.thread_id')
    .select([
      'p.id',
      'p.thread_id',
      'p.body',
      'p.status',
      'p.hold_reason',
      'p.created_at',
      'p.deleted_at',
      't.title',
      sql<string>`(select count(*) from forum_flag f where f.post_id = p.id and f.resolved_at is null)`.as('open_flags')
    ])
    .where('p.municipality_id', '=', municipalityId)
    .where((eb) =>
      eb.or([
        eb.and([eb('p.status', '=', 'held'), eb('p.hold_reason', 'in', ['watched_word', 'flags'])]),
        eb.exists(eb.selectFrom('forum_flag as f').select('f.id').whereRef('f.post_id', '=', 'p.id').where('f.resolved_at', 'is', null))
      ])
    )
    .orderBy('p.created_at')
    .execute();
}

export async function countModerationHistoryOf(db: Db, userId: string, municipalityId: string) {
  const row = await db
    .selectFrom('forum_moderation_action')
    .select([
      sql<string>`count(*) filter (where action = 'warn')`.as('warnings'),
      sql<string>`count(*) filter (where action = 'suspend')`.as('suspensions'),
      sql<string>`count(*) filter (where action = 'hide')`.as('hidden')
    ])
    .where('target_user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return { warnings: Number(row.warnings), suspensions: Number(row.suspensions), hidden: Number(row.hidden) };
}

// ── professionals' queue ─────────────────────────────────────────────────────────────────────────

/** Urgent posts not yet handled and public posts of concern, with the thread title. */
export async function listUrgentQueue(db: Db, municipalityId: string, concernSince: Date) {
  return db
    .selectFrom('forum_post as p')
    .innerJoin('forum_thread as t', 't.id', 'p.thread_id')
    .select([
      'p.id',
      'p.thread_id',
      'p.body',
      'p.status',
      'p.risk_categories',
      'p.risk_level',
      'p.urgent_since',
      'p.urgent_handled_at',
      'p.first_professional_reply_at',
      'p.created_at',
      'p.deleted_at',
      't.title'
    ])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.private_for_post_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('p.urgent_since', 'is not', null), eb('p.urgent_handled_at', 'is', null)]),
        eb.and([eb('p.risk_level', '=', 'concern'), eb('p.urgent_since', 'is', null), eb('p.created_at', '>', concernSince)])
      ])
    )
    .orderBy('p.urgent_since')
    .orderBy('p.created_at')
    .execute();
}

export async function listPrivateReplies(db: Db, postId: string) {
  return db
    .selectFrom('forum_post')
    .select(['id', 'body', 'professional_label', 'professional_role', 'created_at'])
    .where('private_for_post_id', '=', postId)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();
}

/** The latest professional who wrote privately to a post's writer (the one who offered a consultation). */
export async function findLatestPrivateReplier(db: Db, postId: string): Promise<string | null> {
  const row = await db
    .selectFrom('forum_post')
    .select('author_id')
    .where('private_for_post_id', '=', postId)
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return row?.author_id ?? null;
}

// ── consultation requests ───────────────────────────────────────────────────────────────────────

export async function insertConsultation(
  db: Db,
  row: {
    municipalityId: string;
    threadId: string;
    postId: string;
    userId: string;
    offeredBy: string | null;
    contactMethod: 'phone' | 'email' | 'visit' | 'online';
    contactDetail: string;
    preferredTime: string;
    consentText: string;
  },
  at: Date
) {
  return db
    .insertInto('forum_consultation')
    .values({
      municipality_id: row.municipalityId,
      thread_id: row.threadId,
      post_id: row.postId,
      user_id: row.userId,
      offered_by: row.offeredBy,
      contact_method: row.contactMethod,
      contact_detail: row.contactDetail,
      preferred_time: row.preferredTime,
      consent_text: row.consentText,
      consented_at: at,
      created_at: at,
      updated_at: at
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findOpenConsultationFor(db: Db, postId: string, userId: string) {
  return db.selectFrom('forum_consultation').select('id').where('post_id', '=', postId).where('user_id', '=', userId).where('status', '<>', 'closed').executeTakeFirst();
}

export async function listConsultations(db: Db, municipalityId: string) {
  return db
    .selectFrom('forum_consultation')
    .select(['id', 'status', 'contact_method', 'created_at', 'updated_at'])
    .where('municipality_id', '=', municipalityId)
    .orderBy(sql`case status when 'new' then 0 when 'contacted' then 1 else 2 end`)
    .orderBy('created_at')
    .limit(200)
    .execute();
}

export async function findConsultation(db: Db, municipalityId: string, id: string) {
  return db
    .selectFrom('forum_consultation as c')
    .innerJoin('forum_thread as t', 't.id', 'c.thread_id')
    .select([
      'c.id',
      'c.thread_id',
      'c.post_id',
      'c.user_id',
      'c.status',
      'c.contact_method',
      'c.contact_detail',
      'c.preferred_time',
      'c.consent_text',
      'c.consented_at',
      'c.created_at',
      'c.updated_at',
      't.title'
    ])
    .where('c.id', '=', id)
    .where('c.municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function lockConsultation(db: Db, id: string) {
  return db.selectFrom('forum_consultation').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateConsultationStatus(db: Db, id: string, status: 'new' | 'contacted' | 'closed', at: Date) {
  await db.updateTable('forum_consultation').set({ status, updated_at: at }).where('id', '=', id).execute();
}

export async function insertConsultationNote(db: Db, row: { municipalityId: string; consultationId: string; authorId: string; statusTo: 'new' | 'contacted' | 'closed'; note: string }, at: Date) {
  await db
    .insertInto('forum_consultation_note')
    .values({ municipality_id: row.municipalityId, consultation_id: row.consultationId, author_id: row.authorId, status_to: row.statusTo, note: row.note, created_at: at })
    .execute();
}

export async function listConsultationNotes(db: Db, consultationId: string) {
  return db
    .selectFrom('forum_consultation_note as n')
    .leftJoin('user as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.status_to', 'n.note', 'n.created_at', 'u.name as author_name'])
    .where('n.consultation_id', '=', consultationId)
    .orderBy('n.created_at')
    .execute();
}

// ── KPI ─────────────────────────────────────────────────────────────────────────────────────────

export async function listPostFactsBetween(db: Db, municipalityId: string, from: Date, to: Date) {
  return db
    .selectFrom('forum_post')
    .select(['created_at', 'professional_role', 'private_for_post_id'])
    .where('municipality_id', '=', municipalityId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
}

export async function listUrgentFactsBetween(db: Db, municipalityId: string, from: Date, to: Date) {
  return db
    .selectFrom('forum_post')
    .select(['urgent_since', 'first_professional_reply_at'])
    .where('municipality_id', '=', municipalityId)
    .where('urgent_since', '>=', from)
    .where('urgent_since', '<', to)
    .execute();
}

export async function listConsultationFactsBetween(db: Db, municipalityId: string, from: Date, to: Date) {
  return db.selectFrom('forum_consultation').select(['created_at']).where('municipality_id', '=', municipalityId).where('created_at', '>=', from).where('created_at', '<', to).execute();
}
