import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readMemberPhoto } from '#lib/server/publishing/index.ts';
import { personActor } from '#lib/server/people/index.ts';

/** Any photo of the organization's posts (drafts too), for its members only; never cached by shared caches. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const file = await readMemberPhoto(locals.app, personActor(locals), params.orgId, params.photoId, params.variant);
  if (!file.ok) error(404, { message: 'not found' });
  return new Response(new Uint8Array(file.value.bytes), {
    headers: {
      'content-type': file.value.contentType,
      'content-length': String(file.value.bytes.byteLength),
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff'
    }
  });
};
