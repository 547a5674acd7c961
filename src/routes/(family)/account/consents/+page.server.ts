import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getConsents, personActor, recordConsent } from '#lib/server/people/index.ts';
import { failFor, formInput } from '../../hh-result.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  return {
    consents: await getConsents(locals.app, personActor(locals)),
    done: url.searchParams.get('done'),
    purpose: url.searchParams.get('purpose')
  };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const values = formInput(await request.formData(), ['purpose', 'decision']);
    const result = await recordConsent(locals.app, personActor(locals), values);
    if (!result.ok) return failFor(result.error, values);
    redirect(303, `/account/consents?done=${result.value.granted ? 'given' : 'withdrawn'}&purpose=${result.value.purpose}`);
  }
};
