import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { dismissReport, listOpenReportsForStaff, listPublishedPostsForStaff } from '#lib/server/publishing/index.ts';
import { callerOf, type Caller } from '#lib/server/municipalities/index.ts';
import { m } from '#lib/paraglide/messages.js';
import { orgFailure } from '#lib/ui/org-form.ts';

function staffOf(locals: App.Locals): Caller {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  return caller;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const caller = staffOf(locals);
  const [reports, posts] = await Promise.all([listOpenReportsForStaff(locals.app, caller), listPublishedPostsForStaff(locals.app, caller)]);
  if (!reports.ok || !posts.ok) error(403, { message: m.error_forbidden() });
  return { reports: reports.value, posts: posts.value, done: url.searchParams.get('done') };
};

export const actions: Actions = {
  dismiss: async ({ request, locals }) => {
    const form = await request.formData();
    const result = await dismissReport(locals.app, staffOf(locals), String(form.get('reportId') ?? ''));
    if (!result.ok) return orgFailure(result.error, {}, {}, 'dismiss');
    redirect(303, '/staff/publishing?done=dismissed');
  }
};
