import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';
import { getBookingKpi } from '#lib/server/bookings/index.ts';
import { fiscalYearOf, today } from '#lib/server/platform/clock.ts';
import { providerActor } from '../../../../bookings-forms.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const current = fiscalYearOf(today());
  const asked = Number(url.searchParams.get('fy') ?? current);
  const fiscalYear = Number.isInteger(asked) && asked >= current - 10 && asked <= current ? asked : current;
  const kpi = await getBookingKpi(locals.app, providerActor(locals), fiscalYear);
  if (!kpi.ok) error(403, { message: m.error_forbidden() });
  return { kpi: kpi.value, years: Array.from({ length: 5 }, (_, i) => current - i) };
};
