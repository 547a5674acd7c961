import type { PageServerLoad } from './$types';
import { listPublicEvents } from '#lib/server/events/index.ts';
import { listDistricts } from '#lib/server/municipalities/index.ts';
import { filterInput, filterQuery } from '#lib/ui/events/events-query.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const input = filterInput(url);
  const districts = await listDistricts(locals.app.database.db, locals.municipality.id);
  const page = await listPublicEvents(locals.app, locals.municipality.id, input);
  return {
    params: Object.fromEntries(Object.entries(input).filter(([k, v]) => v && k !== 'cursor')),
    districts: districts.map((d) => ({ id: d.id, name: d.name, nameEn: d.name_en })),
    result: page.ok ? page.value : null,
    errors: page.ok ? null : (page.error.fields ?? { form: page.error.messageKey }),
    query: filterQuery(url),
    nextQuery: page.ok && page.value.nextCursor ? filterQuery(url, { cursor: page.value.nextCursor }) : null
  };
};
