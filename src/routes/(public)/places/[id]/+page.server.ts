import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getPlace } from '#lib/server/places/index.ts';
import { getPlaceAvailability } from '#lib/server/bookings/index.ts';
import { listPlaceEvents } from '#lib/server/events/index.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ params, locals }) => {
  const isStaff = Boolean(locals.viewer?.roles.some((r) => ['ward_staff', 'supervisor', 'admin'].includes(r.role)));
  const place = await getPlace(locals.app, locals.municipality.id, params.id, { includeUnpublished: isStaff });
  if (!place.ok) error(404, { message: m.error_not_found() });
  // What can be booked here: service names and the count of open slots ahead (the availability page has the rest).
  const availability = place.value.isBookable ? await getPlaceAvailability(locals.app, locals.municipality.id, params.id) : undefined;
  const bookables =
    availability?.ok === true
      ? availability.value.services.map((s) => ({ id: s.id, name: s.name, kind: s.kind, openSlots: s.slots.filter((slot) => slot.seatsLeft > 0 && slot.bookable === 'open').length }))
      : [];
  return { place: place.value, isStaff, bookables, events: await listPlaceEvents(locals.app, locals.municipality.id, params.id) };
};
