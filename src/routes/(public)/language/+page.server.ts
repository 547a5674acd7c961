import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cookieName, cookieMaxAge, isLocale } from '#lib/paraglide/runtime.js';
import { setPreferredLanguage } from '#lib/server/people/index.ts';
import { safeNextPath } from '#lib/server/platform/next-path.ts';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ request, cookies, locals }) => {
    const form = await request.formData();
    const locale = String(form.get('locale') ?? '');
    const next = safeNextPath(String(form.get('next') ?? '/'));
    if (isLocale(locale)) {
      cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: false });
      if (locals.viewer) await setPreferredLanguage(locals.app, locals.viewer.user.id, locale);
    }
    redirect(303, next);
  }
};
