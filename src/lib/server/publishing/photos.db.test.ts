import { existsSync, readdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { addPhoto, createPost, getConsolePost, publishPost, readMemberPhoto, readPublicPhoto, removePhoto, PHOTO_MAX_BYTES } from './index.ts';
import { photoRoot } from './photo-store.ts';
import { NEWS, openWorld, type World } from './publishing.test-world.ts';

let app: TestApp;
let world: World;
let ownRoot: string | undefined;

beforeAll(async () => {
  // On PostgreSQL the test apps share one data folder (and so one photo folder); this file counts the
  // photo files, so it keeps a folder of its own. On PGlite every file has its own data folder already.
  ownRoot = inject('databaseTemplate').kind === 'postgres' ? join(tmpdir(), `hagukumi-photos-${randomUUID()}`) : undefined;
  app = await openTestApp(ownRoot ? { dataDir: join(ownRoot, 'data') } : {});
  world = await openWorld(app);
});
afterAll(async () => {
  await app.stop();
  if (ownRoot) rmSync(ownRoot, { recursive: true, force: true });
});

/** A real JPEG from sharp, 2400×1800, carrying EXIF with a GPS position and the camera. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Hagukumi 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 41/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '139/1 41/1 0/1' }
    })
    .toBuffer();
}

async function postOf(world: World) {
  const org = await world.organization();
  const created = await createPost(app, org.owner, org.id, NEWS);
  if (!created.ok) throw new Error('no post');
  return { org, postId: created.value.id };
}

const fileOf = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });
const filesStored = () => (existsSync(photoRoot(app.config)) ? readdirSync(photoRoot(app.config), { recursive: true }).filter((f) => String(f).includes('.')).length : 0);

describe('the photo pipeline', () => {
  it('resizes to 1600 px and a thumbnail, converts to AVIF and WebP, and strips EXIF and GPS', async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif?.byteLength ?? 0).toBeGreaterThan(0);
    expect((await sharp(original).metadata()).width).toBe(2400);

    const { org, postId } = await postOf(world);
    const added = await addPhoto(app, org.editor, org.id, postId, { altText: '公園で遊ぶ親子', file: fileOf(original, 'photo.jpg', 'image/jpeg') });
    expect(added.ok).toBe(true);
    if (!added.ok) return;

    const post = await getConsolePost(app, org.owner, org.id, postId);
    expect(post.ok && post.value.photos).toEqual([{ id: added.value.id, altText: '公園で遊ぶ親子', width: 1600, height: 1200, thumbWidth: 400, thumbHeight: 300 }]);
    for (const [variant, format, width] of [
      ['large.webp', 'webp', 1600],
      ['large.avif', 'heif', 1600],
      ['thumb.webp', 'webp', 400],
      ['thumb.avif', 'heif', 400]
    ] as const) {
      const file = await readMemberPhoto(app, org.viewer, org.id, added.value.id, variant);
      expect(file.ok).toBe(true);
      if (!file.ok) continue;
      expect(file.value.contentType).toBe(variant.endsWith('avif') ? 'image/avif' : 'image/webp');
      const meta = await sharp(file.value.bytes).metadata();
      expect([meta.format, meta.width]).toEqual([format, width]);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
    }
  });

  it('only a published post of a public organization shows its photos to everyone', async () => {
    const { org, postId } = await postOf(world);
    const png = await sharp({ create: { width: 64, height: 48, channels: 4, background: '#3366cc' } }).png().toBuffer();
    const added = await addPhoto(app, org.owner, org.id, postId, { altText: '青い四角', file: fileOf(png, 'a.png', 'image/png') });
    if (!added.ok) throw new Error('not added');
    expect((await readPublicPhoto(app, world.municipalityId, added.value.id, 'thumb.webp')).ok).toBe(false);
    await publishPost(app, org.owner, org.id, postId);
    const shown = await readPublicPhoto(app, world.municipalityId, added.value.id, 'thumb.webp');
    // A small picture is never enlarged.
    expect(shown.ok && (await sharp(shown.value.bytes).metadata()).width).toBe(64);
    expect((await readPublicPhoto(app, world.municipalityId, added.value.id, '../../etc/passwd')).ok).toBe(false);
    // Another organization's member cannot read it through their console.
    const other = await world.organization();
    expect((await readMemberPhoto(app, other.owner, other.id, added.value.id, 'large.webp')).ok).toBe(false);
    expect((await removePhoto(app, other.owner, other.id, added.value.id)).ok).toBe(false);
    expect((await removePhoto(app, org.editor, org.id, added.value.id)).ok).toBe(true);
    expect((await readPublicPhoto(app, world.municipalityId, added.value.id, 'thumb.webp')).ok).toBe(false);
  });
});

describe('bad uploads are refused beside the field and nothing is stored', () => {
  it('a text file named .jpg, an empty upload, a missing alt text and an oversized file each get their message', async () => {
    const { org, postId } = await postOf(world);
    const stored = filesStored();
    const fake = await addPhoto(app, org.owner, org.id, postId, { altText: '写真', file: fileOf(new TextEncoder().encode('not a picture at all'), 'photo.jpg', 'image/jpeg') });
    expect(!fake.ok && fake.error.fields).toEqual({ photo: 'pub_error_photo_not_image' });

    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#ffffff' } }).png().toBuffer();
    // A real picture whose bytes were cut short.
    const truncated = await addPhoto(app, org.owner, org.id, postId, { altText: '写真', file: fileOf(png.subarray(0, 40), 'cut.png', 'image/png') });
    expect(!truncated.ok && truncated.error.fields).toEqual({ photo: 'pub_error_photo_not_image' });

    const noAlt = await addPhoto(app, org.owner, org.id, postId, { altText: '  ', file: fileOf(png, 'a.png', 'image/png') });
    expect(!noAlt.ok && noAlt.error.fields).toEqual({ altText: 'pub_error_alt_required' });

    const nothing = await addPhoto(app, org.owner, org.id, postId, { altText: '', file: null });
    expect(!nothing.ok && nothing.error.fields).toEqual({ altText: 'pub_error_alt_required', photo: 'pub_error_photo_missing' });

    const huge = new Uint8Array(PHOTO_MAX_BYTES + 1);
    huge.set(png);
    const oversized = await addPhoto(app, org.owner, org.id, postId, { altText: '大きい写真', file: fileOf(huge, 'big.png', 'image/png') });
    expect(!oversized.ok && oversized.error.fields).toEqual({ photo: 'pub_error_photo_too_large' });

    const post = await getConsolePost(app, org.owner, org.id, postId);
    expect(post.ok && post.value.photos).toEqual([]);
    expect(filesStored()).toBe(stored);
  });

  it('a viewer cannot upload', async () => {
    const { org, postId } = await postOf(world);
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const result = await addPhoto(app, org.viewer, org.id, postId, { altText: '写真', file: fileOf(png, 'a.png', 'image/png') });
    expect(result.ok || result.error.code).toBe('publishing.editors_only');
  });
});
