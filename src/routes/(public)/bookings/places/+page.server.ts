import type { PageServerLoad } from './$types';
import { listBookablePlaces } from '#lib/server/bookings/index.ts';

export const load: PageServerLoad = async ({ locals }) => {
  return { places: await listBookablePlaces(locals.app, locals.municipality.id) };
};
