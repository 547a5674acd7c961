import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getEventForEditing, listPlaceChoicesForEvents, publishEvent, unpublishEvent, updateEvent } from '#lib/server/events/index.ts';
import { listDistricts } from '#lib/server/municipalities/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { orgFailure, orgFormInput, orgNotFound } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const result = await getEventForEditing(locals.app, personActor(locals), params.orgId, params.eventId);
  if (!result.ok) orgNotFound();
  const districts = await listDistricts(locals.app.database.db, locals.municipality.id);
  const e = result.value.event;
  return {
    canPublish: result.value.canPublish,
    registrations: result.value.registrations,
    saved: result.value.values,
    event: { id: e.id, title: e.title, status: e.status, hasRegistration: e.registration === 'bookings', endsOn: e.ends_on },
    places: await listPlaceChoicesForEvents(locals.app, locals.municipality.id),
    districts: districts.map((d) => ({ id: d.id, name: d.name, nameEn: d.name_en })),
    done: url.searchParams.get('done')
  };
};

export const actions: Actions = {
  save: async ({ request, locals, params }) => {
    const { values, input } = orgFormInput(await request.formData());
    const result = await updateEvent(locals.app, personActor(locals), params.orgId, params.eventId, input);
    if (!result.ok) return orgFailure(result.error, values, {}, 'save');
    redirect(303, `/org/${params.orgId}/events/${params.eventId}?done=saved`);
  },
  publish: async ({ locals, params }) => {
    const result = await publishEvent(locals.app, personActor(locals), params.orgId, params.eventId);
    if (!result.ok) return orgFailure(result.error, {}, {}, 'status');
    redirect(303, `/org/${params.orgId}/events/${params.eventId}?done=published`);
  },
  unpublish: async ({ locals, params }) => {
    const result = await unpublishEvent(locals.app, personActor(locals), params.orgId, params.eventId);
    if (!result.ok) return orgFailure(result.error, {}, {}, 'status');
    redirect(303, `/org/${params.orgId}/events?done=unpublished`);
  }
};
