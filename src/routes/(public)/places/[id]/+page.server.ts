import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getPlace } from '#lib/server/places/index.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ params, locals }) => {
  const isStaff = Boolean(locals.viewer?.roles.some((r) => ['ward_staff', 'supervisor', 'admin'].includes(r.role)));
  const place = await getPlace(locals.app, locals.municipality.id, params.id, { includeUnpublished: isStaff });
  if (!place.ok) error(404, { message: m.error_not_found() });
  return { place: place.value, isStaff };
};
