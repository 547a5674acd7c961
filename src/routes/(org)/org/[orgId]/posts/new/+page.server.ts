import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { createPost } from '#lib/server/publishing/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { orgFailure, orgFormInput } from '#lib/ui/org-form.ts';

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const { values, input } = orgFormInput(await request.formData());
    const created = await createPost(locals.app, personActor(locals), params.orgId, input);
    if (!created.ok) return orgFailure(created.error, values);
    redirect(303, `/org/${params.orgId}/posts/${created.value.id}?done=saved`);
  }
};
