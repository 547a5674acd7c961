import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { closeInquiryAsOrganization, getOrganizationInquiry, replyAsOrganization } from '#lib/server/publishing/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { orgFailure, orgFormInput, orgNotFound } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const thread = await getOrganizationInquiry(locals.app, personActor(locals), params.orgId, params.threadId);
  if (!thread.ok) orgNotFound();
  return { thread: thread.value, done: url.searchParams.get('done') };
};

export const actions: Actions = {
  reply: async ({ request, locals, params }) => {
    const { values, input } = orgFormInput(await request.formData());
    const link = absoluteUrlFor(locals.app.config);
    const result = await replyAsOrganization(locals.app, personActor(locals), params.orgId, params.threadId, input, (path) => link(path, request));
    if (!result.ok) return orgFailure(result.error, values, {}, 'reply');
    redirect(303, `/org/${params.orgId}/inquiries/${params.threadId}?done=sent`);
  },
  close: async ({ request, locals, params }) => {
    const link = absoluteUrlFor(locals.app.config);
    const result = await closeInquiryAsOrganization(locals.app, personActor(locals), params.orgId, params.threadId, (path) => link(path, request));
    if (!result.ok) return orgFailure(result.error, {}, {}, 'close');
    redirect(303, `/org/${params.orgId}/inquiries/${params.threadId}?done=closed`);
  }
};
