import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Every SQL of the publishing domain (posts, photos, volunteers, inquiries, blocks, reports). */

const POST_COLUMNS = [
  'post.id',
  'post.municipality_id',
  'post.organization_id',
  'post.kind',
  'post.status',
  'post.title_ja',
  'post.body_ja',
  'post.title_en',
  'post.body_en',
  'post.title_easy',
  'post.body_easy',
  'post.volunteer_roles',
  'post.volunteer_dates',
  'post.volunteer_requirements',
  'post.publish_at',
  'post.published_at',
  'post.revised_at',
  'post.unpublished_at',
  'post.unpublished_by_staff',
  'post.unpublish_reason',
  'post.created_at',
  'post.updated_at'
] as const;

const ORG_OF_POST = ['organization.name as organization_name', 'organization.is_official', 'organization.status as organization_status', 'organization.suspended_at'] as const;

export interface PostValues {
  kind: string;
  title_ja: string;
  body_ja: string;
  title_en: string;
  body_en: string;
  title_easy: string;
  body_easy: string;
  volunteer_roles: string;
  volunteer_dates: string;
  volunteer_requirements: string;
}

export async function insertPost(db: Db, values: PostValues & { municipality_id: string; organization_id: string; created_by: string }) {
  return db.insertInto('post').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updatePostContent(db: Db, postId: string, values: PostValues, at: Date, revised: boolean) {
  await db
    .updateTable('post')
    .set({ ...values, updated_at: at, ...(revised ? { revised_at: at } : {}) })
    .where('id', '=', postId)
    .execute();
}

/** A post with its organization's state, inside one municipality; locks it when asked (inside a transaction). */
export async function findPost(db: Db, municipalityId: string, postId: string, lock = false) {
  let query = db
    .selectFrom('post')
    .innerJoin('organization', 'organization.id', 'post.organization_id')
    .select([...POST_COLUMNS, ...ORG_OF_POST])
    .where('post.municipality_id', '=', municipalityId)
    .where('post.id', '=', postId);
  if (lock) query = query.forUpdate('post');
  return query.executeTakeFirst();
}
export type PostRow = NonNullable<Awaited<ReturnType<typeof findPost>>>;

export async function listPostsOfOrganization(db: Db, municipalityId: string, organizationId: string) {
  return db
    .selectFrom('post')
    .innerJoin('organization', 'organization.id', 'post.organization_id')
    .select([...POST_COLUMNS, ...ORG_OF_POST])
    .where('post.municipality_id', '=', municipalityId)
    .where('post.organization_id', '=', organizationId)
    .orderBy('post.created_at', 'desc')
    .orderBy('post.id')
    .execute();
}

/** Published posts of verified, non-suspended organizations, newest first. */
export async function listPublicPosts(db: Db, municipalityId: string, filter: { organizationId?: string; kind?: string; limit: number }) {
  let query = db
    .selectFrom('post')
    .innerJoin('organization', 'organization.id', 'post.organization_id')
    .select([...POST_COLUMNS, ...ORG_OF_POST])
    .where('post.municipality_id', '=', municipalityId)
    .where('post.status', '=', 'published')
    .where('organization.status', '=', 'verified')
    .where('organization.suspended_at', 'is', null);
  if (filter.organizationId) query = query.where('post.organization_id', '=', filter.organizationId);
  if (filter.kind) query = query.where('post.kind', '=', filter.kind);
  return query.orderBy('post.published_at', 'desc').orderBy('post.id').limit(filter.limit).execute();
}

export async function setPostPublished(db: Db, postId: string, at: Date) {
  await db
    .updateTable('post')
    .set({ status: 'published', published_at: sql<Date>`coalesce(published_at, ${at})`, publish_at: null, unpublished_at: null, updated_at: at })
    .where('id', '=', postId)
    .execute();
}

export async function setPostScheduled(db: Db, postId: string, publishAt: Date, at: Date) {
  await db.updateTable('post').set({ status: 'scheduled', publish_at: publishAt, updated_at: at }).where('id', '=', postId).execute();
}

export async function setPostDraft(db: Db, postId: string, at: Date) {
  await db.updateTable('post').set({ status: 'draft', publish_at: null, updated_at: at }).where('id', '=', postId).execute();
}

export async function setPostUnpublished(db: Db, postId: string, at: Date, byStaff: { reason: string } | undefined) {
  await db
    .updateTable('post')
    .set({
      status: 'unpublished',
      publish_at: null,
      unpublished_at: at,
      updated_at: at,
      unpublished_by_staff: byStaff !== undefined,
      unpublish_reason: byStaff?.reason ?? ''
    })
    .where('id', '=', postId)
    .execute();
}

/**
 * Publishes every scheduled post that is due, in one statement: a second run (or a second worker)
 * finds nothing left to do, so the job is safe to run at least once.
 */
export async function publishDuePosts(db: Db, at: Date) {
  return db
    .updateTable('post')
    .set({ status: 'published', published_at: sql<Date>`coalesce(published_at, publish_at)`, publish_at: null, updated_at: at })
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', at)
    .returning(['id', 'municipality_id', 'organization_id'])
    .execute();
}

/** Posts first published in [from, to), by Tokyo month and whether the publisher is the ward (official). */
export async function countPublishedByMonthAndPublisher(db: Db, municipalityId: string, from: Date, to: Date) {
  const month = sql<string>`to_char(post.published_at at time zone 'Asia/Tokyo', 'YYYY-MM')`;
  const rows = await db
    .selectFrom('post')
    .innerJoin('organization', 'organization.id', 'post.organization_id')
    .select([month.as('month'), 'organization.is_official', sql<string>`count(*)`.as('n')])
    .where('post.municipality_id', '=', municipalityId)
    .where('post.published_at', '>=', from)
    .where('post.published_at', '<', to)
    .groupBy([month, 'organization.is_official'])
    .execute();
  return rows.map((r) => ({ month: r.month, isOfficial: r.is_official, n: Number(r.n) }));
}

// Photos

export async function insertPhoto(
  db: Db,
  values: { id: string; municipality_id: string; post_id: string; alt_text: string; width: number; height: number; thumb_width: number; thumb_height: number; bytes: number; created_by: string }
) {
  await db.insertInto('post_photo').values(values).execute();
}

export async function countPhotosOfPost(db: Db, postId: string): Promise<number> {
  const row = await db.selectFrom('post_photo').select(sql<string>`count(*)`.as('n')).where('post_id', '=', postId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listPhotosOfPosts(db: Db, postIds: string[]) {
  if (!postIds.length) return [];
  return db
    .selectFrom('post_photo')
    .select(['id', 'post_id', 'alt_text', 'width', 'height', 'thumb_width', 'thumb_height', 'created_at'])
    .where('post_id', 'in', postIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A photo with the state that decides who may see it. */
export async function findPhoto(db: Db, municipalityId: string, photoId: string) {
  return db
    .selectFrom('post_photo')
    .innerJoin('post', 'post.id', 'post_photo.post_id')
    .innerJoin('organization', 'organization.id', 'post.organization_id')
    .select([
      'post_photo.id',
      'post_photo.post_id',
      'post.organization_id',
      'post.status as post_status',
      'organization.status as organization_status',
      'organization.suspended_at'
    ])
    .where('post_photo.municipality_id', '=', municipalityId)
    .where('post_photo.id', '=', photoId)
    .executeTakeFirst();
}

export async function deletePhoto(db: Db, photoId: string) {
  await db.deleteFrom('post_photo').where('id', '=', photoId).execute();
}

// Volunteer applications

export async function insertApplication(db: Db, values: { municipality_id: string; post_id: string; organization_id: string; applicant_user_id: string; message: string }) {
  return db.insertInto('volunteer_application').values(values).onConflict((oc) => oc.columns(['post_id', 'applicant_user_id']).doNothing()).returning('id').executeTakeFirst();
}

const APPLICATION_COLUMNS = [
  'volunteer_application.id',
  'volunteer_application.post_id',
  'volunteer_application.organization_id',
  'volunteer_application.applicant_user_id',
  'volunteer_application.message',
  'volunteer_application.status',
  'volunteer_application.decision_message',
  'volunteer_application.decided_at',
  'volunteer_application.created_at',
  'post.title_ja as post_title',
  'organization.name as organization_name'
] as const;

export async function findApplication(db: Db, municipalityId: string, applicationId: string, lock = false) {
  let query = db
    .selectFrom('volunteer_application')
    .innerJoin('post', 'post.id', 'volunteer_application.post_id')
    .innerJoin('organization', 'organization.id', 'volunteer_application.organization_id')
    .select(APPLICATION_COLUMNS)
    .where('volunteer_application.municipality_id', '=', municipalityId)
    .where('volunteer_application.id', '=', applicationId);
  if (lock) query = query.forUpdate('volunteer_application');
  return query.executeTakeFirst();
}

export async function listApplicationsOfOrganization(db: Db, organizationId: string) {
  return db
    .selectFrom('volunteer_application')
    .innerJoin('post', 'post.id', 'volunteer_application.post_id')
    .innerJoin('organization', 'organization.id', 'volunteer_application.organization_id')
    .innerJoin('user', 'user.id', 'volunteer_application.applicant_user_id')
    .select([...APPLICATION_COLUMNS, 'user.name as applicant_name'])
    .where('volunteer_application.organization_id', '=', organizationId)
    .orderBy('volunteer_application.created_at', 'desc')
    .execute();
}

export async function listApplicationsOfApplicant(db: Db, municipalityId: string, userId: string) {
  return db
    .selectFrom('volunteer_application')
    .innerJoin('post', 'post.id', 'volunteer_application.post_id')
    .innerJoin('organization', 'organization.id', 'volunteer_application.organization_id')
    .select(APPLICATION_COLUMNS)
    .where('volunteer_application.municipality_id', '=', municipalityId)
    .where('volunteer_application.applicant_user_id', '=', userId)
    .orderBy('volunteer_application.created_at', 'desc')
    .execute();
}

export async function setApplicationDecision(db: Db, applicationId: string, values: { status: string; decision_message: string; decided_at: Date; decided_by: string }) {
  await db.updateTable('volunteer_application').set(values).where('id', '=', applicationId).execute();
}

// Inquiries

export async function insertThread(db: Db, values: { municipality_id: string; organization_id: string; resident_user_id: string; subject: string; event_id: string | null; created_at: Date; last_message_at: Date }) {
  return db.insertInto('inquiry_thread').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function insertMessage(db: Db, values: { thread_id: string; author_side: string; author_user_id: string; body: string; created_at: Date }) {
  await db.insertInto('inquiry_message').values(values).execute();
  await db.updateTable('inquiry_thread').set({ last_message_at: values.created_at }).where('id', '=', values.thread_id).execute();
}

const THREAD_COLUMNS = [
  'inquiry_thread.id',
  'inquiry_thread.organization_id',
  'inquiry_thread.resident_user_id',
  'inquiry_thread.subject',
  'inquiry_thread.event_id',
  'inquiry_thread.status',
  'inquiry_thread.closed_at',
  'inquiry_thread.closed_by_side',
  'inquiry_thread.created_at',
  'inquiry_thread.last_message_at',
  'organization.name as organization_name',
  'user.name as resident_name'
] as const;

function threads(db: Db) {
  return db
    .selectFrom('inquiry_thread')
    .innerJoin('organization', 'organization.id', 'inquiry_thread.organization_id')
    .innerJoin('user', 'user.id', 'inquiry_thread.resident_user_id')
    .select(THREAD_COLUMNS);
}

export async function findThread(db: Db, municipalityId: string, threadId: string, lock = false) {
  let query = threads(db).where('inquiry_thread.municipality_id', '=', municipalityId).where('inquiry_thread.id', '=', threadId);
  if (lock) query = query.forUpdate('inquiry_thread');
  return query.executeTakeFirst();
}
export type ThreadRow = NonNullable<Awaited<ReturnType<typeof findThread>>>;

export async function listThreadsOfOrganization(db: Db, organizationId: string) {
  return threads(db).where('inquiry_thread.organization_id', '=', organizationId).orderBy('inquiry_thread.last_message_at', 'desc').execute();
}

export async function listThreadsOfResident(db: Db, municipalityId: string, userId: string) {
  return threads(db)
    .where('inquiry_thread.municipality_id', '=', municipalityId)
    .where('inquiry_thread.resident_user_id', '=', userId)
    .orderBy('inquiry_thread.last_message_at', 'desc')
    .execute();
}

export async function listMessages(db: Db, threadId: string) {
  return db.selectFrom('inquiry_message').select(['id', 'author_side', 'body', 'created_at']).where('thread_id', '=', threadId).orderBy('created_at').orderBy('id').execute();
}

export async function setThreadClosed(db: Db, threadId: string, side: string, at: Date) {
  await db.updateTable('inquiry_thread').set({ status: 'closed', closed_at: at, closed_by_side: side }).where('id', '=', threadId).execute();
}

export async function insertBlock(db: Db, values: { resident_user_id: string; organization_id: string; municipality_id: string }) {
  await db.insertInto('organization_block').values(values).onConflict((oc) => oc.columns(['resident_user_id', 'organization_id']).doNothing()).execute();
}

export async function deleteBlock(db: Db, residentUserId: string, organizationId: string) {
  await db.deleteFrom('organization_block').where('resident_user_id', '=', residentUserId).where('organization_id', '=', organizationId).execute();
}

export async function isBlocked(db: Db, residentUserId: string, organizationId: string): Promise<boolean> {
  const row = await db.selectFrom('organization_block').select('organization_id').where('resident_user_id', '=', residentUserId).where('organization_id', '=', organizationId).executeTakeFirst();
  return row !== undefined;
}

export async function listBlocks(db: Db, municipalityId: string, residentUserId: string) {
  return db
    .selectFrom('organization_block')
    .innerJoin('organization', 'organization.id', 'organization_block.organization_id')
    .select(['organization_block.organization_id', 'organization.name', 'organization_block.created_at'])
    .where('organization_block.municipality_id', '=', municipalityId)
    .where('organization_block.resident_user_id', '=', residentUserId)
    .orderBy('organization.name_kana')
    .execute();
}

// Reports

export async function insertReport(db: Db, values: { municipality_id: string; post_id: string; reporter_user_id: string; reason: string }) {
  return db.insertInto('content_report').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function listOpenReports(db: Db, municipalityId: string) {
  return db
    .selectFrom('content_report')
    .innerJoin('post', 'post.id', 'content_report.post_id')
    .innerJoin('organization', 'organization.id', 'post.organization_id')
    .select([
      'content_report.id',
      'content_report.post_id',
      'content_report.reason',
      'content_report.created_at',
      'post.title_ja as post_title',
      'post.status as post_status',
      'post.organization_id',
      'organization.name as organization_name'
    ])
    .where('content_report.municipality_id', '=', municipalityId)
    .where('content_report.status', '=', 'open')
    .orderBy('content_report.created_at')
    .execute();
}

export async function resolveReports(db: Db, municipalityId: string, filter: { reportId?: string; postId?: string }, values: { resolution: string; resolved_at: Date; resolved_by: string }) {
  let query = db
    .updateTable('content_report')
    .set({ status: 'resolved', ...values })
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', 'open');
  if (filter.reportId) query = query.where('id', '=', filter.reportId);
  if (filter.postId) query = query.where('post_id', '=', filter.postId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// Recipients of notices

/** A person's address and whether they accept mail (no profile yet: the default, yes). */
export async function findRecipient(db: Db, userId: string) {
  return db
    .selectFrom('user')
    .leftJoin('person_profile', 'person_profile.user_id', 'user.id')
    .select(['user.id', 'user.email', 'user.name', 'person_profile.municipality_id', sql<boolean>`coalesce(person_profile.notify_email, true)`.as('notify_email')])
    .where('user.id', '=', userId)
    .executeTakeFirst();
}

/** The members who act for the organization (owners and editors). */
export async function listActingMembers(db: Db, organizationId: string) {
  const rows = await db.selectFrom('organization_member').select('user_id').where('organization_id', '=', organizationId).where('org_role', 'in', ['owner', 'editor']).execute();
  return rows.map((r) => r.user_id);
}

/** Staff who unpublish see which posts are public now (newest first). */
export async function listRecentPublishedForStaff(db: Db, municipalityId: string, limit: number) {
  return db
    .selectFrom('post')
    .innerJoin('organization', 'organization.id', 'post.organization_id')
    .select([...POST_COLUMNS, ...ORG_OF_POST])
    .where('post.municipality_id', '=', municipalityId)
    .where('post.status', '=', 'published')
    .orderBy('post.published_at', 'desc')
    .limit(limit)
    .execute();
}
