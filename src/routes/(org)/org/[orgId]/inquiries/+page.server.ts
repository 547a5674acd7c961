import type { PageServerLoad } from './$types';
import { listOrganizationInquiries } from '#lib/server/publishing/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { orgNotFound } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const threads = await listOrganizationInquiries(locals.app, personActor(locals), params.orgId);
  if (!threads.ok) orgNotFound();
  return { threads: threads.value };
};
