import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authRequestOf, errorText, fieldMessages, formValues, rememberLanguage, resendVerification, signIn } from '#lib/server/auth/index.ts';
import { safeNextPath } from '#lib/server/platform/next-path.ts';

export const load: PageServerLoad = ({ url, locals }) => {
  const next = safeNextPath(url.searchParams.get('next'));
  if (locals.viewer) redirect(303, next);
  return { next, isSignInNeeded: url.searchParams.has('next') };
};

export const actions: Actions = {
  signIn: async (event) => {
    const input = formValues(await event.request.formData());
    const next = safeNextPath(input.next);
    const result = await signIn(event.locals.app, input, authRequestOf(event));
    if (!result.ok) {
      const { error } = result;
      return fail(error.status, {
        values: { email: input.email ?? '' },
        errors: fieldMessages(error.fields),
        message: error.fields ? undefined : errorText(error),
        isUnverified: error.code === 'auth.email_not_verified'
      });
    }
    if (result.value.kind === 'second_factor') redirect(303, `/sign-in/two-factor?next=${encodeURIComponent(next)}`);
    rememberLanguage(event.cookies, result.value.language);
    redirect(303, next);
  },

  resend: async (event) => {
    const input = formValues(await event.request.formData());
    const result = await resendVerification(event.locals.app, input, authRequestOf(event));
    if (!result.ok) {
      return fail(result.error.status, { values: { email: input.email ?? '' }, errors: fieldMessages(result.error.fields), message: result.error.fields ? undefined : errorText(result.error), isUnverified: true });
    }
    return { values: { email: result.value.email }, isResent: true };
  }
};
