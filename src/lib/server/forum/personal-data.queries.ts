import type { Db } from '../db/database.ts';

// What the forum holds about one person, for their own data export. Every query is keyed by the person.

export async function listPostsWrittenBy(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('forum_post')
    .innerJoin('forum_thread', 'forum_thread.id', 'forum_post.thread_id')
    .select([
      'forum_post.id',
      'forum_post.thread_id',
      'forum_thread.title as thread_title',
      'forum_post.is_opening',
      'forum_post.body',
      'forum_post.status',
      'forum_post.hold_reason',
      'forum_post.hidden_reason',
      'forum_post.private_for_post_id',
      'forum_post.created_at',
      'forum_post.edited_at',
      'forum_post.deleted_at'
    ])
    .where('forum_post.author_id', '=', userId)
    .where('forum_post.municipality_id', '=', municipalityId)
    .orderBy('forum_post.created_at')
    .execute();
}

export async function listRevisionsOfPostsBy(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('forum_post_revision')
    .innerJoin('forum_post', 'forum_post.id', 'forum_post_revision.post_id')
    .select(['forum_post_revision.post_id', 'forum_post_revision.body', 'forum_post_revision.by_moderator', 'forum_post_revision.replaced_at'])
    .where('forum_post.author_id', '=', userId)
    .where('forum_post.municipality_id', '=', municipalityId)
    .orderBy('forum_post_revision.replaced_at')
    .execute();
}

export async function listPseudonymsOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('forum_pseudonym')
    .innerJoin('forum_thread', 'forum_thread.id', 'forum_pseudonym.thread_id')
    .select(['forum_pseudonym.thread_id', 'forum_thread.title as thread_title', 'forum_pseudonym.position', 'forum_pseudonym.age_key', 'forum_pseudonym.persona'])
    .where('forum_pseudonym.user_id', '=', userId)
    .where('forum_thread.municipality_id', '=', municipalityId)
    .execute();
}

export async function listReactionsOf(db: Db, userId: string, municipalityId: string) {
  return db.selectFrom('forum_reaction').select(['post_id', 'created_at']).where('user_id', '=', userId).where('municipality_id', '=', municipalityId).execute();
}

export async function listFollowsOf(db: Db, userId: string, municipalityId: string) {
  return db.selectFrom('forum_follow').select(['thread_id', 'created_at']).where('user_id', '=', userId).where('municipality_id', '=', municipalityId).execute();
}

export async function listFlagsBy(db: Db, userId: string, municipalityId: string) {
  return db.selectFrom('forum_flag').select(['post_id', 'reason', 'note', 'created_at', 'resolved_at']).where('user_id', '=', userId).where('municipality_id', '=', municipalityId).execute();
}

export async function listForumNoticesOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('forum_notice')
    .select(['kind', 'thread_id', 'post_id', 'reason', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at')
    .execute();
}

export async function listConsultationsOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('forum_consultation')
    .select(['id', 'thread_id', 'contact_method', 'contact_detail', 'preferred_time', 'consent_text', 'consented_at', 'status', 'created_at', 'updated_at'])
    .where('user_id', '=', userId)
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at')
    .execute();
}

export async function listSuspensionsOf(db: Db, userId: string, municipalityId: string) {
  return db.selectFrom('forum_suspension').select(['until', 'reason', 'created_at']).where('user_id', '=', userId).where('municipality_id', '=', municipalityId).execute();
}
