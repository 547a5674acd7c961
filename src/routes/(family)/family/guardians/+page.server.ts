import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getGuardians, inviteGuardian, revokeInvitation } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { failFor, formInput } from '../../hh-result.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const view = await getGuardians(locals.app, personActor(locals));
  if (!view.ok) redirect(303, '/family');
  return { ...view.value, done: url.searchParams.get('done') };
};

export const actions: Actions = {
  invite: async ({ request, locals }) => {
    const values = formInput(await request.formData(), ['email']);
    const link = absoluteUrlFor(locals.app.config);
    const result = await inviteGuardian(locals.app, personActor(locals), values, (path) => link(path, request));
    if (!result.ok) return failFor(result.error, values);
    redirect(303, '/family/guardians?done=invited');
  },
  revoke: async ({ request, locals }) => {
    const values = formInput(await request.formData(), ['invitationId']);
    const result = await revokeInvitation(locals.app, personActor(locals), values.invitationId ?? '');
    if (!result.ok) return failFor(result.error);
    redirect(303, '/family/guardians?done=invitation_revoked');
  }
};
