import type { App } from '../app.ts';
import { newId } from '../platform/ids.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import type { OrgActor } from '../organizations/index.ts';
import { pubErrors } from './publishing.errors.ts';
import { authoriseEditor, authoriseMember, isPostPublic } from './publishing-access.ts';
import { countPhotosOfPost, deletePhoto, findPhoto, findPost, insertPhoto } from './publishing.queries.ts';
import { altTextSchema, fieldErrors, uuidSchema } from './publishing.schemas.ts';
import { contentTypeOf, PHOTO_VARIANTS, PHOTOS_PER_POST, processPhoto, type PhotoProblem, type PhotoVariant } from './photo-processing.ts';
import { readPhotoFile, removePhotoFiles, writePhotoFiles } from './photo-store.ts';

const PROBLEM_KEYS: Record<PhotoProblem, string> = {
  missing: 'pub_error_photo_missing',
  too_large: 'pub_error_photo_too_large',
  not_an_image: 'pub_error_photo_not_image'
};

/** What a form sends for a file field: a File (or any Blob), or nothing. */
type Upload = Blob | null | undefined;

/**
 * Adds a photo to a post: alt text is required; the file is checked by its content (not its name),
 * resized, converted and stripped of metadata before anything is stored. On any refusal nothing is
 * written, neither a row nor a file.
 */
export async function addPhoto(app: App, actor: OrgActor, organizationId: string, postId: string, input: { altText?: unknown; file?: Upload }): Promise<Result<{ id: string }>> {
  const context = await authoriseEditor(app, actor, organizationId);
  if (!context.ok) return context;
  if (!uuidSchema.safeParse(postId).success) return failure(pubErrors.notFound);
  const post = await findPost(app.database.db, actor.municipalityId, postId);
  if (!post || post.organization_id !== organizationId) return failure(pubErrors.notFound);

  const fields: Record<string, string> = {};
  const alt = altTextSchema.safeParse({ altText: typeof input.altText === 'string' ? input.altText : '' });
  if (!alt.success) Object.assign(fields, fieldErrors(alt.error));
  const bytes = input.file && input.file.size > 0 ? new Uint8Array(await input.file.arrayBuffer()) : new Uint8Array();
  const processed = await processPhoto(bytes);
  if (!processed.ok) fields.photo = PROBLEM_KEYS[processed.problem];
  if (!alt.success || !processed.ok) return failure(pubErrors.invalidInput(fields));

  const photo = processed.photo;
  const id = newId();
  const stored = await app.database.db.transaction().execute(async (trx) => {
    const locked = await findPost(trx, actor.municipalityId, postId, true);
    if (!locked) return failure<void>(pubErrors.notFound);
    if ((await countPhotosOfPost(trx, postId)) >= PHOTOS_PER_POST) return failure<void>(pubErrors.tooManyPhotos);
    await insertPhoto(trx, {
      id,
      municipality_id: actor.municipalityId,
      post_id: postId,
      alt_text: alt.data.altText,
      width: photo.width,
      height: photo.height,
      thumb_width: photo.thumbWidth,
      thumb_height: photo.thumbHeight,
      bytes: photo.files['large.webp'].byteLength,
      created_by: actor.userId
    });
    // The files are written before the row commits; if writing fails, the row rolls back too.
    try {
      await writePhotoFiles(app.config, id, photo.files);
    } catch (error) {
      await removePhotoFiles(app.config, id);
      throw error;
    }
    return ok(undefined);
  });
  if (!stored.ok) return stored;
  return ok({ id });
}

export async function removePhoto(app: App, actor: OrgActor, organizationId: string, photoId: string): Promise<Result<void>> {
  const context = await authoriseEditor(app, actor, organizationId);
  if (!context.ok) return context;
  if (!uuidSchema.safeParse(photoId).success) return failure(pubErrors.notFound);
  const row = await findPhoto(app.database.db, actor.municipalityId, photoId);
  if (!row || row.organization_id !== organizationId) return failure(pubErrors.notFound);
  await deletePhoto(app.database.db, photoId);
  await removePhotoFiles(app.config, photoId);
  return ok(undefined);
}

export interface PhotoFile {
  bytes: Buffer;
  contentType: string;
}

async function fileOf(app: App, photoId: string, variant: string): Promise<Result<PhotoFile>> {
  if (!(PHOTO_VARIANTS as readonly string[]).includes(variant)) return failure(pubErrors.notFound);
  const bytes = await readPhotoFile(app.config, photoId, variant as PhotoVariant);
  return bytes ? ok({ bytes, contentType: contentTypeOf(variant as PhotoVariant) }) : failure(pubErrors.notFound);
}

/** A photo for everyone: only when its post is public (published, organization verified and not suspended). */
export async function readPublicPhoto(app: App, municipalityId: string, photoId: string, variant: string): Promise<Result<PhotoFile>> {
  if (!uuidSchema.safeParse(photoId).success) return failure(pubErrors.notFound);
  const row = await findPhoto(app.database.db, municipalityId, photoId);
  if (!row || !isPostPublic({ status: row.post_status, organization_status: row.organization_status, suspended_at: row.suspended_at })) return failure(pubErrors.notFound);
  return fileOf(app, photoId, variant);
}

/** A photo of any of the organization's posts (drafts too), for its members' console. */
export async function readMemberPhoto(app: App, actor: OrgActor, organizationId: string, photoId: string, variant: string): Promise<Result<PhotoFile>> {
  const context = await authoriseMember(app, actor, organizationId);
  if (!context.ok) return context;
  if (!uuidSchema.safeParse(photoId).success) return failure(pubErrors.notFound);
  const row = await findPhoto(app.database.db, actor.municipalityId, photoId);
  if (!row || row.organization_id !== organizationId) return failure(pubErrors.notFound);
  return fileOf(app, photoId, variant);
}
