import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { decideApplication, listVolunteerApplications } from '#lib/server/publishing/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { orgFailure, orgFormInput, orgNotFound } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const applications = await listVolunteerApplications(locals.app, personActor(locals), params.orgId);
  if (!applications.ok) orgNotFound();
  return { applications: applications.value, done: url.searchParams.get('done') };
};

export const actions: Actions = {
  decide: async ({ request, locals, params }) => {
    const { values, input } = orgFormInput(await request.formData());
    const link = absoluteUrlFor(locals.app.config);
    const result = await decideApplication(locals.app, personActor(locals), params.orgId, String(input.applicationId ?? ''), input, (path) => link(path, request));
    if (!result.ok) return orgFailure(result.error, values, {}, String(input.applicationId ?? ''));
    redirect(303, `/org/${params.orgId}/volunteers?done=decided`);
  }
};
