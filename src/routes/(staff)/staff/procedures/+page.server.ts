import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createForm, listFormsForStaff, listReviewQueue } from '#lib/server/procedures/index.ts';
import { failFor, refuse, staffCaller, textValues } from './staff-procedures.ts';

export const load: PageServerLoad = async ({ locals }) => {
  const caller = staffCaller(locals);
  const [forms, queue] = await Promise.all([listFormsForStaff(locals.app, caller), listReviewQueue(locals.app, caller, 'received')]);
  if (!forms.ok) refuse(forms.error);
  if (!queue.ok) refuse(queue.error);
  return { forms: forms.value, received: queue.value.counts.received };
};

export const actions: Actions = {
  create: async ({ request, locals }) => {
    const values = textValues(await request.formData(), ['title', 'purpose']);
    const result = await createForm(locals.app, staffCaller(locals), values);
    if (!result.ok) return failFor(result.error, 'create', values);
    redirect(303, `/staff/procedures/${result.value.id}`);
  }
};
