import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { blockOrganization, closeInquiryAsResident, getMyInquiry, replyAsResident, unblockOrganization } from '#lib/server/publishing/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { orgFailure, orgFormInput, orgNotFound } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const thread = await getMyInquiry(locals.app, personActor(locals), params.threadId);
  if (!thread.ok) orgNotFound();
  return { thread: thread.value, done: url.searchParams.get('done') };
};

/** The thread of this resident, or a plain not found (someone else's thread). */
async function ownThread(locals: App.Locals, threadId: string) {
  const thread = await getMyInquiry(locals.app, personActor(locals), threadId);
  if (!thread.ok) orgNotFound();
  return thread.value;
}

export const actions: Actions = {
  reply: async ({ request, locals, params }) => {
    const { values, input } = orgFormInput(await request.formData());
    const link = absoluteUrlFor(locals.app.config);
    const result = await replyAsResident(locals.app, personActor(locals), params.threadId, input, (path) => link(path, request));
    if (!result.ok) return orgFailure(result.error, values, {}, 'reply');
    redirect(303, `/family/inquiries/${params.threadId}?done=sent`);
  },
  close: async ({ request, locals, params }) => {
    const link = absoluteUrlFor(locals.app.config);
    const result = await closeInquiryAsResident(locals.app, personActor(locals), params.threadId, (path) => link(path, request));
    if (!result.ok) return orgFailure(result.error, {}, {}, 'close');
    redirect(303, `/family/inquiries/${params.threadId}?done=closed`);
  },
  block: async ({ locals, params }) => {
    const thread = await ownThread(locals, params.threadId);
    const result = await blockOrganization(locals.app, personActor(locals), thread.organizationId);
    if (!result.ok) return orgFailure(result.error, {}, {}, 'block');
    redirect(303, `/family/inquiries/${params.threadId}?done=blocked`);
  },
  unblock: async ({ locals, params }) => {
    const thread = await ownThread(locals, params.threadId);
    await unblockOrganization(locals.app, personActor(locals), thread.organizationId);
    redirect(303, `/family/inquiries/${params.threadId}?done=unblocked`);
  }
};
