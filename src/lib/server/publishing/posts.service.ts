import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import type { OrgActor, StaffActor } from '../organizations/index.ts';
import { pubErrors } from './publishing.errors.ts';
import { authoriseEditor, authoriseMember, authorisePublisher, authoriseStaff, isPostPublic } from './publishing-access.ts';
import { tellPublishingNotice } from './publishing-notices.ts';
import {
  findPost,
  insertPost,
  listPhotosOfPosts,
  listPostsOfOrganization,
  listPublicPosts,
  listRecentPublishedForStaff,
  publishDuePosts,
  resolveReports,
  setPostDraft,
  setPostPublished,
  setPostScheduled,
  setPostUnpublished,
  updatePostContent,
  type PostRow,
  type PostValues
} from './publishing.queries.ts';
import { fieldErrors, postSchema, reasonSchema, scheduleSchema, uuidSchema, type PostKind, type PostStatus } from './publishing.schemas.ts';

export interface PhotoView {
  id: string;
  altText: string;
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
}

/** A post as its organization's members see it: every language version and its state. */
export interface ConsolePost {
  id: string;
  organizationId: string;
  kind: PostKind;
  status: PostStatus;
  titleJa: string;
  bodyJa: string;
  titleEn: string;
  bodyEn: string;
  titleEasy: string;
  bodyEasy: string;
  volunteerRoles: string;
  volunteerDates: string;
  volunteerRequirements: string;
  publishAt: Date | null;
  publishedAt: Date | null;
  revisedAt: Date | null;
  unpublishedAt: Date | null;
  unpublishedByStaff: boolean;
  unpublishReason: string;
  createdAt: Date;
  photos: PhotoView[];
}

/** A post as a reader sees it, in the reader's language when the organization wrote one, else Japanese. */
export interface PublicPost {
  id: string;
  organizationId: string;
  organizationName: string;
  isOfficial: boolean;
  kind: PostKind;
  /** The language actually shown ('ja' for Japanese and やさしい日本語 alike, for the lang attribute). */
  lang: 'ja' | 'en';
  isEasyJapanese: boolean;
  title: string;
  body: string;
  volunteerRoles: string;
  volunteerDates: string;
  volunteerRequirements: string;
  publishedAt: Date;
  revisedAt: Date | null;
  photos: PhotoView[];
}

async function photosByPost(app: App, postIds: string[]): Promise<Map<string, PhotoView[]>> {
  const rows = await listPhotosOfPosts(app.database.db, postIds);
  const map = new Map<string, PhotoView[]>();
  for (const r of rows) {
    const list = map.get(r.post_id) ?? [];
    list.push({ id: r.id, altText: r.alt_text, width: r.width, height: r.height, thumbWidth: r.thumb_width, thumbHeight: r.thumb_height });
    map.set(r.post_id, list);
  }
  return map;
}

function consoleView(row: PostRow, photos: PhotoView[]): ConsolePost {
  return {
    id: row.id,
    organizationId: row.organization_id,
    kind: row.kind as PostKind,
    status: row.status as PostStatus,
    titleJa: row.title_ja,
    bodyJa: row.body_ja,
    titleEn: row.title_en,
    bodyEn: row.body_en,
    titleEasy: row.title_easy,
    bodyEasy: row.body_easy,
    volunteerRoles: row.volunteer_roles,
    volunteerDates: row.volunteer_dates,
    volunteerRequirements: row.volunteer_requirements,
    publishAt: row.publish_at,
    publishedAt: row.published_at,
    revisedAt: row.revised_at,
    unpublishedAt: row.unpublished_at,
    unpublishedByStaff: row.unpublished_by_staff,
    unpublishReason: row.unpublish_reason,
    createdAt: row.created_at,
    photos
  };
}

/** Picks the version for a reader's locale; a missing translation falls back to Japanese. */
export function localizePost(row: PostRow, locale: string, photos: PhotoView[]): PublicPost {
  const useEn = locale === 'en' && row.title_en !== '';
  const useEasy = locale === 'ja-x-easy' && row.title_easy !== '';
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    isOfficial: row.is_official,
    kind: row.kind as PostKind,
    lang: useEn ? 'en' : 'ja',
    isEasyJapanese: useEasy,
    title: useEn ? row.title_en : useEasy ? row.title_easy : row.title_ja,
    body: useEn ? row.body_en : useEasy ? row.body_easy : row.body_ja,
    volunteerRoles: row.volunteer_roles,
    volunteerDates: row.volunteer_dates,
    volunteerRequirements: row.volunteer_requirements,
    publishedAt: row.published_at as Date,
    revisedAt: row.revised_at,
    photos
  };
}

function normalize(input: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, typeof input[k] === 'string' ? input[k] : '']));
}

const POST_FIELDS = ['kind', 'titleJa', 'bodyJa', 'titleEn', 'bodyEn', 'titleEasy', 'bodyEasy', 'volunteerRoles', 'volunteerDates', 'volunteerRequirements'];

function parsePost(input: Record<string, unknown>): Result<PostValues> {
  const parsed = postSchema.safeParse(normalize(input, POST_FIELDS));
  if (!parsed.success) return failure(pubErrors.invalidInput(fieldErrors(parsed.error)));
  const v = parsed.data;
  const volunteer = v.kind === 'volunteer';
  return ok({
    kind: v.kind,
    title_ja: v.titleJa,
    body_ja: v.bodyJa,
    title_en: v.titleEn,
    body_en: v.bodyEn,
    title_easy: v.titleEasy,
    body_easy: v.bodyEasy,
    volunteer_roles: volunteer ? v.volunteerRoles : '',
    volunteer_dates: volunteer ? v.volunteerDates : '',
    volunteer_requirements: volunteer ? v.volunteerRequirements : ''
  });
}

/** The post of this organization, or not found (another organization's post looks like no post). */
async function postOf(app: App, municipalityId: string, organizationId: string, postId: string, lock = false, db = app.database.db): Promise<PostRow | undefined> {
  if (!uuidSchema.safeParse(postId).success) return undefined;
  const row = await findPost(db, municipalityId, postId, lock);
  return row && row.organization_id === organizationId ? row : undefined;
}

/** Every post of the organization, drafts included, newest first; any member may read them. */
export async function listConsolePosts(app: App, actor: OrgActor, organizationId: string): Promise<Result<ConsolePost[]>> {
  const context = await authoriseMember(app, actor, organizationId);
  if (!context.ok) return context;
  const rows = await listPostsOfOrganization(app.database.db, actor.municipalityId, organizationId);
  const photos = await photosByPost(app, rows.map((r) => r.id));
  return ok(rows.map((r) => consoleView(r, photos.get(r.id) ?? [])));
}

export async function getConsolePost(app: App, actor: OrgActor, organizationId: string, postId: string): Promise<Result<ConsolePost>> {
  const context = await authoriseMember(app, actor, organizationId);
  if (!context.ok) return context;
  const row = await postOf(app, actor.municipalityId, organizationId, postId);
  if (!row) return failure(pubErrors.notFound);
  const photos = await photosByPost(app, [row.id]);
  return ok(consoleView(row, photos.get(row.id) ?? []));
}

/** Writes a draft (owners and editors; the organization need not be verified yet to draft). */
export async function createPost(app: App, actor: OrgActor, organizationId: string, input: Record<string, unknown>): Promise<Result<{ id: string }>> {
  const context = await authoriseEditor(app, actor, organizationId);
  if (!context.ok) return context;
  const values = parsePost(input);
  if (!values.ok) return values;
  const row = await insertPost(app.database.db, { ...values.value, municipality_id: actor.municipalityId, organization_id: organizationId, created_by: actor.userId });
  return ok({ id: row.id });
}

/** Edits a post; once it has been published the edit is shown to readers as 「更新」 with its date. */
export async function updatePost(app: App, actor: OrgActor, organizationId: string, postId: string, input: Record<string, unknown>): Promise<Result<{ revised: boolean }>> {
  const context = await authoriseEditor(app, actor, organizationId);
  if (!context.ok) return context;
  const values = parsePost(input);
  if (!values.ok) return values;
  return app.database.db.transaction().execute(async (trx) => {
    const row = await postOf(app, actor.municipalityId, organizationId, postId, true, trx);
    if (!row) return failure(pubErrors.notFound);
    const revised = row.published_at !== null;
    await updatePostContent(trx, row.id, values.value, now(), revised);
    return ok({ revised });
  });
}

/** Publishes now. A post ward staff unpublished stays down (the organization sees why). */
export async function publishPost(app: App, actor: OrgActor, organizationId: string, postId: string): Promise<Result<void>> {
  const context = await authorisePublisher(app, actor, organizationId);
  if (!context.ok) return context;
  return app.database.db.transaction().execute(async (trx) => {
    const row = await postOf(app, actor.municipalityId, organizationId, postId, true, trx);
    if (!row) return failure(pubErrors.notFound);
    if (row.unpublished_by_staff) return failure(pubErrors.lockedByStaff);
    if (row.status === 'published') return failure(pubErrors.wrongState);
    await setPostPublished(trx, row.id, now());
    await writeAudit(trx, actor, { action: 'publishing.post_published', recordType: 'post', recordId: row.id });
    return ok(undefined);
  });
}

/** The first instant of a Tokyo date and time. */
function tokyoInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+09:00`);
}

/** Publishes later: the `publishing.publish-due-posts` job publishes it when due. */
export async function schedulePost(app: App, actor: OrgActor, organizationId: string, postId: string, input: Record<string, unknown>): Promise<Result<{ publishAt: Date }>> {
  const context = await authorisePublisher(app, actor, organizationId);
  if (!context.ok) return context;
  const parsed = scheduleSchema.safeParse(normalize(input, ['publishDate', 'publishTime']));
  if (!parsed.success) return failure(pubErrors.invalidInput(fieldErrors(parsed.error)));
  const publishAt = tokyoInstant(parsed.data.publishDate, parsed.data.publishTime);
  if (Number.isNaN(publishAt.getTime())) return failure(pubErrors.invalidInput({ publishDate: 'pub_error_schedule_date' }));
  if (publishAt.getTime() <= now().getTime()) return failure(pubErrors.invalidInput({ publishDate: 'pub_error_schedule_past' }));
  return app.database.db.transaction().execute(async (trx) => {
    const row = await postOf(app, actor.municipalityId, organizationId, postId, true, trx);
    if (!row) return failure(pubErrors.notFound);
    if (row.unpublished_by_staff) return failure(pubErrors.lockedByStaff);
    if (row.status === 'published') return failure(pubErrors.wrongState);
    await setPostScheduled(trx, row.id, publishAt, now());
    return ok({ publishAt });
  });
}

/** Takes a scheduled post back to a draft. */
export async function cancelSchedule(app: App, actor: OrgActor, organizationId: string, postId: string): Promise<Result<void>> {
  const context = await authoriseEditor(app, actor, organizationId);
  if (!context.ok) return context;
  return app.database.db.transaction().execute(async (trx) => {
    const row = await postOf(app, actor.municipalityId, organizationId, postId, true, trx);
    if (!row) return failure(pubErrors.notFound);
    if (row.status !== 'scheduled') return failure(pubErrors.wrongState);
    await setPostDraft(trx, row.id, now());
    return ok(undefined);
  });
}

/** The organization takes its own post down (it may publish it again later). */
export async function unpublishPost(app: App, actor: OrgActor, organizationId: string, postId: string): Promise<Result<void>> {
  const context = await authoriseEditor(app, actor, organizationId);
  if (!context.ok) return context;
  return app.database.db.transaction().execute(async (trx) => {
    const row = await postOf(app, actor.municipalityId, organizationId, postId, true, trx);
    if (!row) return failure(pubErrors.notFound);
    if (row.status !== 'published') return failure(pubErrors.wrongState);
    await setPostUnpublished(trx, row.id, now(), undefined);
    await writeAudit(trx, actor, { action: 'publishing.post_unpublished', recordType: 'post', recordId: row.id });
    return ok(undefined);
  });
}

/** Published posts of one public organization, newest first, in the reader's language. */
export async function listOrganizationPublicPosts(app: App, municipalityId: string, organizationId: string, locale: string, limit = 50): Promise<PublicPost[]> {
  const rows = await listPublicPosts(app.database.db, municipalityId, { organizationId, limit });
  const photos = await photosByPost(app, rows.map((r) => r.id));
  return rows.map((r) => localizePost(r, locale, photos.get(r.id) ?? []));
}

/** The newest published posts of every public organization (the 「新着のお知らせ」 list). */
export async function listRecentPublicPosts(app: App, municipalityId: string, locale: string, filter: { kind?: string; limit?: number } = {}): Promise<PublicPost[]> {
  const kind = (['news', 'activity', 'volunteer'] as string[]).includes(filter.kind ?? '') ? filter.kind : undefined;
  const rows = await listPublicPosts(app.database.db, municipalityId, { kind, limit: filter.limit ?? 30 });
  const photos = await photosByPost(app, rows.map((r) => r.id));
  return rows.map((r) => localizePost(r, locale, photos.get(r.id) ?? []));
}

/** One public post of an organization, or not found (a draft, an unpublished post, a suspended organization). */
export async function getPublicPost(app: App, municipalityId: string, organizationId: string, postId: string, locale: string): Promise<Result<PublicPost>> {
  const row = await postOf(app, municipalityId, organizationId, postId);
  if (!row || !isPostPublic(row)) return failure(pubErrors.notFound);
  const photos = await photosByPost(app, [row.id]);
  return ok(localizePost(row, locale, photos.get(row.id) ?? []));
}

/** Run by the job: publishes every scheduled post that is due; returns how many it published. */
export async function publishDuePostsNow(app: Pick<App, 'database'>): Promise<number> {
  const rows = await publishDuePosts(app.database.db, now());
  return rows.length;
}

export interface StaffPostItem {
  id: string;
  organizationId: string;
  organizationName: string;
  title: string;
  kind: PostKind;
  publishedAt: Date;
}

/** The posts public now, newest first, for ward staff's oversight page. */
export async function listPublishedPostsForStaff(app: App, actor: StaffActor, limit = 50): Promise<Result<StaffPostItem[]>> {
  const staff = authoriseStaff(actor);
  if (!staff.ok) return staff;
  const rows = await listRecentPublishedForStaff(app.database.db, actor.municipalityId, limit);
  return ok(rows.map((r) => ({ id: r.id, organizationId: r.organization_id, organizationName: r.organization_name, title: r.title_ja, kind: r.kind as PostKind, publishedAt: r.published_at as Date })));
}

/**
 * Ward staff take any post down with a reason: the organization sees the reason in its console and
 * is told; the action is audit-logged; open reports on the post are resolved with it.
 */
export async function unpublishPostAsStaff(
  app: App,
  actor: StaffActor,
  postId: string,
  input: Record<string, unknown>,
  link: (path: string) => string
): Promise<Result<void>> {
  const staff = authoriseStaff(actor);
  if (!staff.ok) return staff;
  if (!uuidSchema.safeParse(postId).success) return failure(pubErrors.notFound);
  const parsed = reasonSchema.safeParse(normalize(input, ['reason']));
  if (!parsed.success) return failure(pubErrors.invalidInput(fieldErrors(parsed.error)));
  const reason = parsed.data.reason;
  const result = await app.database.db.transaction().execute(async (trx) => {
    const row = await findPost(trx, actor.municipalityId, postId, true);
    if (!row) return failure<PostRow>(pubErrors.notFound);
    if (row.status !== 'published' && row.status !== 'scheduled') return failure<PostRow>(pubErrors.wrongState);
    const at = now();
    await setPostUnpublished(trx, row.id, at, { reason });
    await resolveReports(trx, actor.municipalityId, { postId: row.id }, { resolution: 'unpublished', resolved_at: at, resolved_by: actor.userId });
    await writeAudit(trx, actor, { action: 'publishing.post_unpublished_by_staff', recordType: 'post', recordId: row.id });
    return ok(row);
  });
  if (!result.ok) return result;
  await tellPublishingNotice(
    app,
    { organizationId: result.value.organization_id },
    { kind: 'post_unpublished_by_staff', postTitle: result.value.title_ja, reason, link: link(`/org/${result.value.organization_id}/posts/${result.value.id}`) }
  );
  return ok(undefined);
}

/** Any post of the municipality with its organization's name, for ward staff deciding whether to take it down. */
export async function getPostForStaff(app: App, actor: StaffActor, postId: string): Promise<Result<ConsolePost & { organizationName: string }>> {
  const staff = authoriseStaff(actor);
  if (!staff.ok) return staff;
  if (!uuidSchema.safeParse(postId).success) return failure(pubErrors.notFound);
  const row = await findPost(app.database.db, actor.municipalityId, postId);
  if (!row) return failure(pubErrors.notFound);
  const photos = await photosByPost(app, [row.id]);
  return ok({ ...consoleView(row, photos.get(row.id) ?? []), organizationName: row.organization_name });
}
