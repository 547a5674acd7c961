import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { addPhoto, cancelSchedule, getConsolePost, publishPost, removePhoto, schedulePost, unpublishPost, updatePost } from '#lib/server/publishing/index.ts';
import { canPublish } from '#lib/server/organizations/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { orgFailure, orgFormInput, orgNotFound } from '#lib/ui/org-form.ts';
import type { Result } from '#lib/server/platform/errors.ts';

export const load: PageServerLoad = async ({ locals, params, url, parent }) => {
  const post = await getConsolePost(locals.app, personActor(locals), params.orgId, params.postId);
  if (!post.ok) orgNotFound();
  const { console } = await parent();
  return { post: post.value, canPublish: canPublish(console), done: url.searchParams.get('done') };
};

/** Runs one use case on the post and comes back to this page with a confirmation, or with the problem and what was typed. */
async function act(event: RequestEvent, action: string, run: (input: Record<string, unknown>, form: FormData) => Promise<Result<unknown>>) {
  const form = await event.request.formData();
  const { values, input } = orgFormInput(form);
  const result = await run(input, form);
  if (!result.ok) return orgFailure(result.error, values, {}, action);
  redirect(303, `/org/${event.params.orgId}/posts/${event.params.postId}?done=${action}`);
}

export const actions: Actions = {
  save: (e) => act(e, 'saved', (input) => updatePost(e.locals.app, personActor(e.locals), e.params.orgId, e.params.postId, input)),
  publish: (e) => act(e, 'published', () => publishPost(e.locals.app, personActor(e.locals), e.params.orgId, e.params.postId)),
  schedule: (e) => act(e, 'scheduled', (input) => schedulePost(e.locals.app, personActor(e.locals), e.params.orgId, e.params.postId, input)),
  unschedule: (e) => act(e, 'unscheduled', () => cancelSchedule(e.locals.app, personActor(e.locals), e.params.orgId, e.params.postId)),
  unpublish: (e) => act(e, 'unpublished', () => unpublishPost(e.locals.app, personActor(e.locals), e.params.orgId, e.params.postId)),
  addPhoto: (e) =>
    act(e, 'photo_added', (input, form) => {
      const file = form.get('photo');
      return addPhoto(e.locals.app, personActor(e.locals), e.params.orgId, e.params.postId, { altText: input.altText, file: file instanceof Blob ? file : null });
    }),
  removePhoto: (e) => act(e, 'photo_removed', (input) => removePhoto(e.locals.app, personActor(e.locals), e.params.orgId, String(input.photoId ?? '')))
};
