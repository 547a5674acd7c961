import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { openNotification } from '#lib/server/notifications/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { m } from '#lib/paraglide/messages.js';

// Opening a notice (from the inbox, an email or a push) records it as opened, then goes where it leads.
export const GET: RequestHandler = async ({ locals, params }) => {
  const opened = await openNotification(locals.app, personActor(locals), params.id);
  if (!opened.ok) error(404, { message: m.error_not_found() });
  redirect(303, opened.value.link);
};
