import type { PageServerLoad } from './$types';
import { getPlaceAvailability } from '#lib/server/bookings/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { notFound } from '../../../../bookings-forms.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const viewer = locals.viewer ? personActor(locals) : undefined;
  const result = await getPlaceAvailability(locals.app, locals.municipality.id, params.id, viewer);
  if (!result.ok) notFound();
  return { availability: result.value, signedIn: Boolean(viewer) };
};
