import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getPublicOrganization } from '#lib/server/organizations/index.ts';
import { listOrganizationPublicPosts, sendInquiry } from '#lib/server/publishing/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { orgFailure, orgFormInput, orgNotFound } from '#lib/ui/org-form.ts';
import { listOrganizationUpcomingEvents } from '#lib/server/events/index.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const found = await getPublicOrganization(locals.app, locals.municipality.id, params.id);
  if (!found.ok) orgNotFound();
  const posts = await listOrganizationPublicPosts(locals.app, locals.municipality.id, params.id, getLocale());
  const events = await listOrganizationUpcomingEvents(locals.app, locals.municipality.id, found.value.id);
  return { organization: found.value, posts, events, signedIn: Boolean(locals.viewer) };
};

export const actions: Actions = {
  /** A signed-in resident asks the organization a question (optionally about one of its events). */
  inquire: async ({ request, locals, params, url }) => {
    if (!locals.viewer) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
    const { values, input } = orgFormInput(await request.formData());
    const link = absoluteUrlFor(locals.app.config);
    const sent = await sendInquiry(locals.app, personActor(locals), params.id, input, (path) => link(path, request));
    if (!sent.ok) return orgFailure(sent.error, values, {}, 'inquire');
    redirect(303, `/family/inquiries/${sent.value.id}?done=sent`);
  }
};
