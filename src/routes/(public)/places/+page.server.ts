import type { PageServerLoad } from './$types';
import { listPlaceDistricts, PLACE_CATEGORIES, searchParamsInput, searchPlaces } from '#lib/server/places/index.ts';

const PARAMS = ['q', 'category', 'district', 'age', 'open_now', 'bookable', 'near', 'near_place', 'near_district', 'view'] as const;

/** The place search: a GET form, so the list works without JavaScript; the map view is the same search. */
export const load: PageServerLoad = async ({ url, locals }) => {
  const view = url.searchParams.get('view') === 'map' ? 'map' : 'list';
  const isStaff = Boolean(locals.viewer?.roles.some((r) => ['ward_staff', 'supervisor', 'admin'].includes(r.role)));
  const result = await searchPlaces(locals.app, locals.municipality.id, searchParamsInput(url.searchParams), { defaultLimit: view === 'map' ? 100 : 20 });
  const params: Record<string, string> = {};
  for (const name of PARAMS) {
    const value = url.searchParams.get(name);
    if (value) params[name] = value;
  }
  return {
    view,
    isStaff,
    params,
    categories: [...PLACE_CATEGORIES],
    districts: await listPlaceDistricts(locals.app, locals.municipality.id),
    result: result.ok ? result.value : null,
    errors: result.ok ? null : (result.error.fields ?? {})
  };
};
