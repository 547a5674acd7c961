import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { listBlockedOrganizations, listMyApplications, listMyInquiries, unblockOrganization } from '#lib/server/publishing/index.ts';
import { personActor } from '#lib/server/people/index.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = personActor(locals);
  const [threads, applications, blocks] = await Promise.all([listMyInquiries(locals.app, actor), listMyApplications(locals.app, actor), listBlockedOrganizations(locals.app, actor)]);
  return { threads, applications, blocks, done: url.searchParams.get('done') };
};

export const actions: Actions = {
  unblock: async ({ request, locals }) => {
    const form = await request.formData();
    await unblockOrganization(locals.app, personActor(locals), String(form.get('organizationId') ?? ''));
    redirect(303, '/family/inquiries?done=unblocked');
  }
};
