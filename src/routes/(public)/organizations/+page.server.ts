import type { PageServerLoad } from './$types';
import { DIRECTORY_TYPES, listDirectory } from '#lib/server/organizations/index.ts';
import { listDistricts } from '#lib/server/municipalities/index.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const filter = { type: url.searchParams.get('type'), district: url.searchParams.get('district'), cursor: url.searchParams.get('cursor') };
  const [page, districts] = await Promise.all([
    listDirectory(locals.app, locals.municipality.id, filter),
    listDistricts(locals.app.database.db, locals.municipality.id)
  ]);
  return {
    types: [...DIRECTORY_TYPES],
    districts: districts.map((d) => ({ id: d.id, name: d.name, nameEn: d.name_en })),
    filter: { type: filter.type ?? '', district: filter.district ?? '' },
    page: page.ok ? page.value : null,
    problem: page.ok ? null : page.problem,
    isFirstPage: !filter.cursor
  };
};
