import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isOnlyGuardian } from '#lib/server/households/index.ts';
import { deletePersonalData, personActor } from '#lib/server/people/index.ts';
import { checkOwnPassword } from '#lib/server/auth/index.ts';
import { organizationsOnlyOwnedBy } from '#lib/server/organizations/index.ts';
import { failFor, formInput } from '../../hh-result.ts';

export const load: PageServerLoad = async ({ locals }) => {
  const actor = personActor(locals);
  const [only, organizations] = await Promise.all([
    isOnlyGuardian(locals.app, actor),
    organizationsOnlyOwnedBy(locals.app.database.db, actor.municipalityId, actor.userId)
  ]);
  return {
    household: only.ok ? { isOnlyGuardian: only.value } : null,
    organizationsToHandOver: organizations.filter((o) => o.mustHandOver),
    organizationsToSuspend: organizations.filter((o) => !o.mustHandOver),
    auditRetentionYears: Math.round(locals.app.config.auditRetentionDays / 365)
  };
};

export const actions: Actions = {
  delete: async ({ request, locals }) => {
    const input = formInput(await request.formData(), ['password']);
    const viewer = locals.viewer;
    if (!viewer) error(401);
    const result = await deletePersonalData(locals.app, personActor(locals), input, (password) =>
      checkOwnPassword(locals.app, viewer.user, password, locals.address)
    );
    // Never echo the password back.
    if (!result.ok) return failFor(result.error, {});
    // The session row went with the account; this clears the cookie.
    await locals.app.auth.api.signOut({ headers: request.headers });
    redirect(303, '/account/deleted');
  }
};
