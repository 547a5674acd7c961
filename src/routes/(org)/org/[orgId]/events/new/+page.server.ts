import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createEvent, listOrganizationEvents, listPlaceChoicesForEvents } from '#lib/server/events/index.ts';
import { listDistricts } from '#lib/server/municipalities/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { orgFailure, orgFormInput, orgNotFound } from '#lib/ui/org-form.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const listed = await listOrganizationEvents(locals.app, personActor(locals), params.orgId);
  if (!listed.ok) orgNotFound();
  const districts = await listDistricts(locals.app.database.db, locals.municipality.id);
  return {
    canPublish: listed.value.canPublish,
    places: await listPlaceChoicesForEvents(locals.app, locals.municipality.id),
    districts: districts.map((d) => ({ id: d.id, name: d.name, nameEn: d.name_en }))
  };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const { values, input } = orgFormInput(await request.formData());
    const publish = values.intent === 'publish';
    const result = await createEvent(locals.app, personActor(locals), params.orgId, input, { publish });
    if (!result.ok) return orgFailure(result.error, values);
    redirect(303, `/org/${params.orgId}/events/${result.value.id}?done=${publish ? 'published' : 'saved'}`);
  }
};
