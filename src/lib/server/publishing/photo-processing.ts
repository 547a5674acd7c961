import sharp from 'sharp';

/** Uploads larger than this are refused before any decoding (the form says so beside the field). */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** Decoding bombs: a small file that claims a huge canvas is refused. */
export const PHOTO_MAX_PIXELS = 50_000_000;
export const LARGE_LONG_SIDE = 1600;
export const THUMB_LONG_SIDE = 400;
export const PHOTOS_PER_POST = 10;

/** The formats people's phones and cameras produce; the content decides, never the file name. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'gif', 'tiff']);

export const PHOTO_VARIANTS = ['large.avif', 'large.webp', 'thumb.avif', 'thumb.webp'] as const;
export type PhotoVariant = (typeof PHOTO_VARIANTS)[number];

export interface ProcessedPhoto {
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
  files: Record<PhotoVariant, Buffer>;
}

export type PhotoProblem = 'missing' | 'too_large' | 'not_an_image';

/**
 * Turns an upload into the files the app serves: turned upright by its EXIF orientation, at most
 * 1600 px (and 400 px for the thumbnail) on the long side, as AVIF and WebP. sharp writes no
 * metadata unless asked, so EXIF (GPS position, camera, time), XMP and IPTC are all dropped.
 */
export async function processPhoto(bytes: Uint8Array): Promise<{ ok: true; photo: ProcessedPhoto } | { ok: false; problem: PhotoProblem }> {
  if (bytes.byteLength === 0) return { ok: false, problem: 'missing' };
  if (bytes.byteLength > PHOTO_MAX_BYTES) return { ok: false, problem: 'too_large' };
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS }).metadata()).format;
  } catch {
    return { ok: false, problem: 'not_an_image' };
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) return { ok: false, problem: 'not_an_image' };
  try {
    // One decode, upright; the pixels are then resized twice.
    const upright = await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS }).rotate().toBuffer({ resolveWithObject: true });
    const resize = (side: number) => sharp(upright.data).resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
    const largeWebp = await resize(LARGE_LONG_SIDE).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
    const largeAvif = await resize(LARGE_LONG_SIDE).avif({ quality: 55, effort: 2 }).toBuffer();
    const thumbWebp = await resize(THUMB_LONG_SIDE).webp({ quality: 75 }).toBuffer({ resolveWithObject: true });
    const thumbAvif = await resize(THUMB_LONG_SIDE).avif({ quality: 50, effort: 2 }).toBuffer();
    return {
      ok: true,
      photo: {
        width: largeWebp.info.width,
        height: largeWebp.info.height,
        thumbWidth: thumbWebp.info.width,
        thumbHeight: thumbWebp.info.height,
        files: { 'large.avif': largeAvif, 'large.webp': largeWebp.data, 'thumb.avif': thumbAvif, 'thumb.webp': thumbWebp.data }
      }
    };
  } catch {
    // A truncated or corrupt file can pass the header check and fail while decoding.
    return { ok: false, problem: 'not_an_image' };
  }
}

export function contentTypeOf(variant: PhotoVariant): string {
  return variant.endsWith('.avif') ? 'image/avif' : 'image/webp';
}
