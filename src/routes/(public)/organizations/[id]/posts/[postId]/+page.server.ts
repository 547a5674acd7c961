import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { applyForVolunteering, findMyApplication, getPublicPost, reportPost } from '#lib/server/publishing/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { orgFailure, orgFormInput, orgNotFound } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const post = await getPublicPost(locals.app, locals.municipality.id, params.id, params.postId, getLocale());
  if (!post.ok) orgNotFound();
  const application = locals.viewer && post.value.kind === 'volunteer' ? await findMyApplication(locals.app, personActor(locals), post.value.id) : undefined;
  return { post: post.value, signedIn: Boolean(locals.viewer), application: application ?? null, done: url.searchParams.get('done'), locale: getLocale() };
};

function signedInOrRedirect(locals: App.Locals, path: string) {
  if (!locals.viewer) redirect(303, `/sign-in?next=${encodeURIComponent(path)}`);
}

export const actions: Actions = {
  apply: async ({ request, locals, params, url }) => {
    signedInOrRedirect(locals, url.pathname);
    const { values, input } = orgFormInput(await request.formData());
    const link = absoluteUrlFor(locals.app.config);
    const result = await applyForVolunteering(locals.app, personActor(locals), params.id, params.postId, input, (path) => link(path, request));
    if (!result.ok) return orgFailure(result.error, values, {}, 'apply');
    redirect(303, `${url.pathname}?done=applied`);
  },
  report: async ({ request, locals, params, url }) => {
    signedInOrRedirect(locals, url.pathname);
    const { values, input } = orgFormInput(await request.formData());
    const result = await reportPost(locals.app, personActor(locals), params.id, params.postId, input);
    if (!result.ok) return orgFailure(result.error, values, {}, 'report');
    redirect(303, `${url.pathname}?done=reported`);
  }
};
