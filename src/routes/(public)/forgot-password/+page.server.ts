import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { authRequestOf, errorText, fieldMessages, formValues, requestPasswordReset } from '#lib/server/auth/index.ts';

export const actions: Actions = {
  default: async (event) => {
    const input = formValues(await event.request.formData());
    const result = await requestPasswordReset(event.locals.app, input, authRequestOf(event));
    if (!result.ok) return fail(result.error.status, { values: { email: input.email ?? '' }, errors: fieldMessages(result.error.fields), message: result.error.fields ? undefined : errorText(result.error) });
    return { isSent: true };
  }
};
