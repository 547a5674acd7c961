import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { eventJsonLd, getPublicEvent, jsonLdScript } from '#lib/server/events/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, params, url, request }) => {
  const result = await getPublicEvent(locals.app, locals.municipality.id, params.id);
  if (!result.ok) error(404, { message: m.error_not_found() });
  const pageUrl = absoluteUrlFor(locals.app.config)(`/events/${params.id}`, request);
  // A registration that came from a notice (お知らせ) carries its id on to the booking.
  const notice = url.searchParams.get('notice') ?? '';
  return {
    event: result.value,
    jsonLd: jsonLdScript(eventJsonLd(result.value, pageUrl)),
    noticeId: /^[A-Za-z0-9_.:-]{1,100}$/.test(notice) ? notice : ''
  };
};
