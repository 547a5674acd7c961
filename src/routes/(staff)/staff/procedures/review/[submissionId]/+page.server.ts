import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getSubmissionForStaff, reviewSubmission } from '#lib/server/procedures/index.ts';
import { failFor, refuse, staffCaller, textValues } from '../../staff-procedures.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const submission = await getSubmissionForStaff(locals.app, staffCaller(locals), params.submissionId);
  if (!submission.ok) refuse(submission.error);
  return { submission: submission.value, moved: url.searchParams.get('moved') };
};

function step(action: 'in_review' | 'done' | 'return') {
  return async ({ request, locals, params }: { request: Request; locals: App.Locals; params: { submissionId: string } }) => {
    const values = textValues(await request.formData(), ['message']);
    const result = await reviewSubmission(locals.app, staffCaller(locals), params.submissionId, action, values);
    if (!result.ok) return failFor(result.error, action, values);
    redirect(303, `/staff/procedures/review/${params.submissionId}?moved=${result.value.status}`);
  };
}

export const actions: Actions = { inReview: step('in_review'), done: step('done'), return: step('return') };
