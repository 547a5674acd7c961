import type { LayoutServerLoad } from './$types';
import { getOrganizationConsole, listMyOrganizations } from '#lib/server/organizations/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { orgNotFound } from '#lib/ui/org-form.ts';

/** Every console page of one organization: only its members get past this (others: not found). */
export const load: LayoutServerLoad = async ({ locals, params }) => {
  const actor = personActor(locals);
  const view = await getOrganizationConsole(locals.app, actor, params.orgId);
  if (!view.ok) orgNotFound();
  const mine = await listMyOrganizations(locals.app, actor);
  return {
    console: view.value,
    others: mine.filter((o) => o.id !== params.orgId).map((o) => ({ id: o.id, name: o.name }))
  };
};
