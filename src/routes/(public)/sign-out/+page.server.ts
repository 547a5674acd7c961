// STAND-IN until the auth branch (wt-auth) lands; integrator: keep wt-auth's version.
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ request, locals }) => {
    await locals.app.auth.api.signOut({ headers: request.headers });
    redirect(303, '/');
  }
};
