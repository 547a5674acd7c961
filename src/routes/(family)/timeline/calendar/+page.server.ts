import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createCalendarFeed, getCalendarSettings, revokeCalendarFeed } from '#lib/server/calendar/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';

export const load: PageServerLoad = async ({ locals }) => ({ settings: await getCalendarSettings(locals.app, personActor(locals)) });

export const actions: Actions = {
  create: async ({ request, locals }) => {
    const form = await request.formData();
    const input = { includeNames: form.get('includeNames') === 'on', includePregnancy: form.get('includePregnancy') === 'on' };
    const result = await createCalendarFeed(locals.app, personActor(locals), input);
    if (!result.ok) return fail(result.error.status, { formError: result.error.messageKey, url: null, revoked: false });
    // The secret is shown once, in this answer only (never in a redirect URL, a log or the page data).
    return { formError: null, url: absoluteUrlFor(locals.app.config)(result.value.path, request), revoked: false };
  },
  revoke: async ({ locals }) => {
    const result = await revokeCalendarFeed(locals.app, personActor(locals));
    if (!result.ok) return fail(result.error.status, { formError: result.error.messageKey, url: null, revoked: false });
    return { formError: null, url: null, revoked: true };
  }
};
