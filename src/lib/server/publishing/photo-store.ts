import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../platform/config.ts';
import { PHOTO_VARIANTS, type PhotoVariant } from './photo-processing.ts';

/**
 * Where photo files live: beside the data folder (like the mail folder), never inside the embedded
 * database's own folder. One folder per photo, named by its id.
 */
export function photoRoot(config: Pick<AppConfig, 'dataDir'>): string {
  return `${config.dataDir}-photos`;
}

const folderOf = (config: Pick<AppConfig, 'dataDir'>, photoId: string) => join(photoRoot(config), photoId.slice(0, 2), photoId);

export async function writePhotoFiles(config: Pick<AppConfig, 'dataDir'>, photoId: string, files: Record<PhotoVariant, Buffer>): Promise<void> {
  const folder = folderOf(config, photoId);
  await mkdir(folder, { recursive: true });
  for (const variant of PHOTO_VARIANTS) await writeFile(join(folder, variant), files[variant]);
}

export async function readPhotoFile(config: Pick<AppConfig, 'dataDir'>, photoId: string, variant: PhotoVariant): Promise<Buffer | undefined> {
  try {
    return await readFile(join(folderOf(config, photoId), variant));
  } catch {
    return undefined;
  }
}

export async function removePhotoFiles(config: Pick<AppConfig, 'dataDir'>, photoId: string): Promise<void> {
  await rm(folderOf(config, photoId), { recursive: true, force: true });
}
