import type { PageServerLoad } from './$types';
import { OPEN_DATA_LICENSE, OPEN_DATASETS } from '#lib/server/places/index.ts';

export const load: PageServerLoad = async ({ locals }) => ({
  datasets: OPEN_DATASETS,
  license: OPEN_DATA_LICENSE,
  code: locals.municipality.code
});
