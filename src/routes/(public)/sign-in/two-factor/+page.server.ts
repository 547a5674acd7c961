import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authRequestOf, errorText, fieldMessages, formValues, rememberLanguage, verifySignInCode } from '#lib/server/auth/index.ts';
import { safeNextPath } from '#lib/server/platform/next-path.ts';

export const load: PageServerLoad = ({ url, locals }) => {
  const next = safeNextPath(url.searchParams.get('next'));
  if (locals.viewer) redirect(303, next);
  return { next };
};

function codeAction(method: 'totp' | 'backup') {
  return async (event: Parameters<Actions[string]>[0]) => {
    const input = formValues(await event.request.formData());
    const next = safeNextPath(input.next);
    const result = await verifySignInCode(event.locals.app, method, input, authRequestOf(event));
    if (!result.ok) {
      const { error } = result;
      return fail(error.status, {
        method,
        errors: fieldMessages(error.fields),
        message: error.fields ? undefined : errorText(error),
        isChallengeOver: error.code === 'auth.two_factor_challenge_expired'
      });
    }
    rememberLanguage(event.cookies, result.value.language);
    redirect(303, next);
  };
}

export const actions: Actions = {
  totp: codeAction('totp'),
  backup: codeAction('backup')
};
