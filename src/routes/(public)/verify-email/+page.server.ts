import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authRequestOf, errorText, fieldMessages, formValues, resendVerification, verifyEmail } from '#lib/server/auth/index.ts';

export const load: PageServerLoad = async (event) => {
  const token = event.url.searchParams.get('token');
  if (token === null) return { outcome: 'resend' as const, problem: undefined };
  const result = await verifyEmail(event.locals.app, token, authRequestOf(event));
  if (result.ok) return { outcome: 'verified' as const, problem: undefined };
  return { outcome: 'failed' as const, problem: errorText(result.error) };
};

export const actions: Actions = {
  resend: async (event) => {
    const input = formValues(await event.request.formData());
    const result = await resendVerification(event.locals.app, input, authRequestOf(event));
    if (!result.ok) return fail(result.error.status, { values: { email: input.email ?? '' }, errors: fieldMessages(result.error.fields), message: result.error.fields ? undefined : errorText(result.error) });
    return { isSent: true };
  }
};
