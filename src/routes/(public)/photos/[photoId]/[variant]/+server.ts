import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readPublicPhoto } from '#lib/server/publishing/index.ts';

/**
 * A photo of a published post, for everyone. Cached briefly only: when a post is unpublished or its
 * organization suspended, the photo must stop being served soon after.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
  const file = await readPublicPhoto(locals.app, locals.municipality.id, params.photoId, params.variant);
  if (!file.ok) error(404, { message: 'not found' });
  return new Response(new Uint8Array(file.value.bytes), {
    headers: {
      'content-type': file.value.contentType,
      'content-length': String(file.value.bytes.byteLength),
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline'
    }
  });
};
