import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authRequestOf, errorText, fieldMessages, formValues, isResetTokenUsable, resetPassword } from '#lib/server/auth/index.ts';

export const load: PageServerLoad = async ({ url, locals }) => {
  const token = url.searchParams.get('token') ?? '';
  return { token, isUsable: await isResetTokenUsable(locals.app, token) };
};

export const actions: Actions = {
  default: async (event) => {
    const input = formValues(await event.request.formData());
    const result = await resetPassword(event.locals.app, input, authRequestOf(event));
    if (!result.ok) {
      const { error } = result;
      return fail(error.status, {
        errors: fieldMessages(error.fields),
        message: error.fields ? undefined : errorText(error),
        isLinkBroken: error.code === 'auth.reset_link_invalid'
      });
    }
    return { isDone: true };
  }
};
