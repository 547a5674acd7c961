// STAND-IN until the auth branch (wt-auth) lands: a bare email + password sign-in so that the
// household journeys can run in this worktree. Integrator: on conflict keep wt-auth's version and
// delete this file and its +page.svelte.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { safeNextPath } from '#lib/server/platform/next-path.ts';

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    try {
      await locals.app.auth.api.signInEmail({ body: { email, password }, headers: request.headers });
    } catch {
      return fail(400, { email, failed: true });
    }
    redirect(303, safeNextPath(url.searchParams.get('next'), '/'));
  }
};
