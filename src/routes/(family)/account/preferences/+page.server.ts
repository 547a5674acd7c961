import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cookieMaxAge, cookieName } from '#lib/paraglide/runtime.js';
import { getPreferences, personActor, updatePreferences } from '#lib/server/people/index.ts';
import { getPushSettings } from '#lib/server/notifications/index.ts';
import { failFor, formInput } from '../../hh-result.ts';

const FIELDS = ['language', 'notifyEmail', 'notifyPush', 'quietHours', 'quietStart', 'quietEnd'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = personActor(locals);
  const push = await getPushSettings(locals.app, actor);
  return {
    preferences: await getPreferences(locals.app, actor),
    push: { vapidPublicKey: push.vapidPublicKey, deviceCount: push.devices.length },
    saved: url.searchParams.has('saved')
  };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies }) => {
    const values = formInput(await request.formData(), FIELDS);
    const result = await updatePreferences(locals.app, personActor(locals), values);
    if (!result.ok) return failFor(result.error, values);
    // The page language follows the person's choice at once, on this device too.
    cookies.set(cookieName, result.value.language, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: false });
    redirect(303, '/account/preferences?saved=1');
  }
};
