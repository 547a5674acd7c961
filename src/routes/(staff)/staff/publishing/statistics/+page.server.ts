import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { loadPublishingStatistics, type EventFiguresLoader } from '#lib/server/publishing/index.ts';
import { loadEventStatistics } from '#lib/server/events/index.ts';
import { ORGANIZATION_TYPES } from '#lib/server/organizations/index.ts';
import { callerOf } from '#lib/server/municipalities/index.ts';
import { fiscalYearOf, today } from '#lib/server/platform/clock.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url }) => {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  const current = fiscalYearOf(today());
  const asked = Number(url.searchParams.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= current ? asked : current;
  // Events held count each session (a weekly class held four times counts four), with their registrations.
  const eventFigures: EventFiguresLoader = async (app, municipalityId) =>
    (await loadEventStatistics(app.database.db, municipalityId, year)).months.map((f) => ({ month: f.month, eventsHeld: f.sessions, registrations: f.registrations }));
  const stats = await loadPublishingStatistics(locals.app, caller, year, eventFigures);
  if (!stats.ok) error(403, { message: m.error_forbidden() });
  return { stats: stats.value, types: [...ORGANIZATION_TYPES], years: Array.from({ length: 5 }, (_, i) => current - i) };
};
