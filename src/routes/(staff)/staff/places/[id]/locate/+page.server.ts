import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerOf } from '#lib/server/municipalities/index.ts';
import { getPlace, mapCentreFor, placeOnMap } from '#lib/server/places/index.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ params, locals }) => {
  const place = await getPlace(locals.app, locals.municipality.id, params.id, { includeUnpublished: true });
  if (!place.ok) error(404, { message: m.error_not_found() });
  const centre = place.value.lat !== null && place.value.lng !== null ? { lat: place.value.lat, lng: place.value.lng } : await mapCentreFor(locals.app, locals.municipality.id, place.value.districtId);
  return { place: { id: place.value.id, name: place.value.name, address: place.value.address, lat: place.value.lat, lng: place.value.lng }, centre };
};

export const actions: Actions = {
  default: async ({ params, request, locals }) => {
    const caller = callerOf(locals);
    if (!caller) error(401, { message: m.error_sign_in_required() });
    const form = await request.formData();
    const values = { lat: String(form.get('lat') ?? ''), lng: String(form.get('lng') ?? '') };
    const result = await placeOnMap(locals.app, caller, params.id, values);
    if (!result.ok) {
      if (result.error.status === 404) error(404, { message: m.error_not_found() });
      return fail(result.error.status, { values, errors: result.error.fields ?? null, formError: result.error.fields ? null : result.error.messageKey });
    }
    redirect(303, '/staff/places?done=placed');
  }
};
