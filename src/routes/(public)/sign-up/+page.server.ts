import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '#lib/paraglide/runtime.js';
import { authRequestOf, errorText, fieldMessages, formValues, signUp } from '#lib/server/auth/index.ts';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.viewer) redirect(303, '/account');
  const municipality = locals.municipality;
  const locale = getLocale();
  const municipalityName =
    locale === 'en' ? municipality.nameEn || municipality.name : locale === 'ja-x-easy' ? municipality.nameEasy || municipality.name : municipality.name;
  return { municipalityName };
};

export const actions: Actions = {
  default: async (event) => {
    const input = formValues(await event.request.formData());
    const result = await signUp(event.locals.app, input, authRequestOf(event));
    if (!result.ok) {
      const { error } = result;
      // Passwords are never sent back into the page.
      return fail(error.status, {
        values: { name: input.name ?? '', email: input.email ?? '' },
        errors: fieldMessages(error.fields),
        message: error.fields ? undefined : errorText(error)
      });
    }
    redirect(303, '/sign-up/check-mail');
  }
};
