import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getPastDoseForm, recordPastDoses } from '#lib/server/guidance/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { today } from '#lib/server/platform/clock.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { failFor, formInput, notFound } from '../../../../hh-result.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const form = await getPastDoseForm(locals.app, personActor(locals), params.childId, getLocale());
  if (!form.ok) notFound();
  return { form: form.value, today: today() };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const data = await request.formData();
    const names = [...data.keys()].filter((k) => /^d_[a-z_]+_[1-4]$/.test(k) || k === 'rotaBrand');
    const values = formInput(data, names);
    const result = await recordPastDoses(locals.app, personActor(locals), params.childId, values);
    if (!result.ok) return failFor(result.error, values);
    redirect(303, `/timeline?done=dose#subject-${params.childId}`);
  }
};
