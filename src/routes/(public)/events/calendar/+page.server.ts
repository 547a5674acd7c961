import type { PageServerLoad } from './$types';
import { loadEventCalendar } from '#lib/server/events/index.ts';
import { listDistricts } from '#lib/server/municipalities/index.ts';
import { today } from '#lib/server/platform/clock.ts';
import { filterInput, filterQuery } from '#lib/ui/events/events-query.ts';

function shift(month: string, by: number): string {
  const [y, mo] = month.split('-').map(Number);
  const index = y * 12 + (mo - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const requested = url.searchParams.get('month') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : today().slice(0, 7);
  const input = filterInput(url);
  const calendar = await loadEventCalendar(locals.app, locals.municipality.id, month, input);
  const districts = await listDistricts(locals.app.database.db, locals.municipality.id);
  const query = (extra: Record<string, string>) => {
    const copy = new URL(url);
    copy.searchParams.delete('from');
    copy.searchParams.delete('to');
    return filterQuery(copy, extra);
  };
  return {
    month,
    today: today(),
    params: Object.fromEntries(Object.entries(input).filter(([k, v]) => v && !['cursor', 'from', 'to'].includes(k))),
    districts: districts.map((d) => ({ id: d.id, name: d.name, nameEn: d.name_en })),
    weeks: calendar.ok ? calendar.value.weeks : [],
    previous: query({ month: shift(month, -1) }),
    next: query({ month: shift(month, 1) }),
    listQuery: query({})
  };
};
