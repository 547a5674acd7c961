import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authRequestOf, signOut } from '#lib/server/auth/index.ts';

export const load: PageServerLoad = ({ locals, url }) => ({
  isSignedIn: Boolean(locals.viewer),
  isDone: url.searchParams.has('done')
});

export const actions: Actions = {
  default: async (event) => {
    await signOut(event.locals.app, event.locals.viewer?.user.id, authRequestOf(event));
    redirect(303, '/sign-out?done');
  }
};
