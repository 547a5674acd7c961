import { error, fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { authRequestOf, changeOwnPassword, errorText, fieldMessages, formValues } from '#lib/server/auth/index.ts';

export const actions: Actions = {
  default: async (event) => {
    const viewer = event.locals.viewer;
    if (!viewer) error(401);
    const input = formValues(await event.request.formData());
    const result = await changeOwnPassword(event.locals.app, viewer, input, authRequestOf(event));
    if (!result.ok) {
      // Passwords are never sent back into the page; the choice about other sessions is kept.
      return fail(result.error.status, {
        values: { signOutOthers: input.signOutOthers === 'on' },
        errors: fieldMessages(result.error.fields),
        message: result.error.fields ? undefined : errorText(result.error)
      });
    }
    return { isChanged: true, signedOutOthers: result.value.signedOutOthers };
  }
};
