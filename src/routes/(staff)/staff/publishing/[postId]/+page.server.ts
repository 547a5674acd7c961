import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getPostForStaff, unpublishPostAsStaff } from '#lib/server/publishing/index.ts';
import { callerOf, type Caller } from '#lib/server/municipalities/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { m } from '#lib/paraglide/messages.js';
import { orgFailure, orgFormInput, orgNotFound } from '#lib/ui/org-form.ts';

function staffOf(locals: App.Locals): Caller {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  return caller;
}

export const load: PageServerLoad = async ({ locals, params }) => {
  const post = await getPostForStaff(locals.app, staffOf(locals), params.postId);
  if (!post.ok) orgNotFound();
  return { post: post.value };
};

export const actions: Actions = {
  unpublish: async ({ request, locals, params }) => {
    const { values, input } = orgFormInput(await request.formData());
    const link = absoluteUrlFor(locals.app.config);
    const result = await unpublishPostAsStaff(locals.app, staffOf(locals), params.postId, input, (path) => link(path, request));
    if (!result.ok) return orgFailure(result.error, values, {}, 'unpublish');
    redirect(303, '/staff/publishing?done=unpublished');
  }
};
