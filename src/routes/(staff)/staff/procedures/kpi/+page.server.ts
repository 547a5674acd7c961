import type { PageServerLoad } from './$types';
import { getProcedureKpi } from '#lib/server/procedures/index.ts';
import { fiscalYearOf, today } from '#lib/server/platform/clock.ts';
import { refuse, staffCaller } from '../staff-procedures.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const current = fiscalYearOf(today());
  const asked = Number(url.searchParams.get('fy') ?? current);
  const fiscalYear = Number.isInteger(asked) && asked >= current - 10 && asked <= current ? asked : current;
  const kpi = await getProcedureKpi(locals.app, staffCaller(locals), fiscalYear);
  if (!kpi.ok) refuse(kpi.error);
  return { kpi: kpi.value, years: Array.from({ length: 5 }, (_, i) => current - i) };
};
