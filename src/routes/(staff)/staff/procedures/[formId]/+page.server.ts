import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { addField, getFormForStaff, moveField, publishForm, removeField, sendProcedure, updateField, updateFormMeta } from '#lib/server/procedures/index.ts';
import { failFor, refuse, staffCaller, textValues } from '../staff-procedures.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const detail = await getFormForStaff(locals.app, staffCaller(locals), params.formId);
  if (!detail.ok) refuse(detail.error);
  return { form: detail.value, done: url.searchParams.get('done'), version: url.searchParams.get('version') };
};

const FIELD_INPUTS = ['fieldId', 'label', 'type', 'help', 'required', 'options', 'showIfField', 'showIfValue'] as const;

const back = (formId: string, done: string, extra = ''): never => redirect(303, `/staff/procedures/${formId}?done=${done}${extra}`);

export const actions: Actions = {
  meta: async ({ request, locals, params }) => {
    const values = textValues(await request.formData(), ['title', 'purpose']);
    const result = await updateFormMeta(locals.app, staffCaller(locals), params.formId, values);
    if (!result.ok) return failFor(result.error, 'meta', values);
    back(params.formId, 'saved');
  },
  addField: async ({ request, locals, params }) => {
    const values = textValues(await request.formData(), FIELD_INPUTS);
    const result = await addField(locals.app, staffCaller(locals), params.formId, values);
    if (!result.ok) return failFor(result.error, 'add', values);
    back(params.formId, 'saved', '#fields');
  },
  updateField: async ({ request, locals, params }) => {
    const values = textValues(await request.formData(), FIELD_INPUTS);
    const result = await updateField(locals.app, staffCaller(locals), params.formId, values.fieldId ?? '', values);
    if (!result.ok) return failFor(result.error, `field:${values.fieldId}`, values);
    back(params.formId, 'saved', `#field-${values.fieldId}`);
  },
  move: async ({ request, locals, params }) => {
    const values = textValues(await request.formData(), ['fieldId', 'direction']);
    const result = await moveField(locals.app, staffCaller(locals), params.formId, values.fieldId ?? '', values.direction ?? '');
    if (!result.ok) return failFor(result.error, `field:${values.fieldId}`, values);
    back(params.formId, 'saved', `#field-${values.fieldId}`);
  },
  remove: async ({ request, locals, params }) => {
    const values = textValues(await request.formData(), ['fieldId']);
    const result = await removeField(locals.app, staffCaller(locals), params.formId, values.fieldId ?? '');
    if (!result.ok) return failFor(result.error, `field:${values.fieldId}`, values);
    back(params.formId, 'saved', '#fields');
  },
  publish: async ({ locals, params }) => {
    const result = await publishForm(locals.app, staffCaller(locals), params.formId);
    if (!result.ok) return failFor(result.error, 'publish', {});
    back(params.formId, 'published', `&version=${result.value.version}`);
  },
  send: async ({ request, locals, params }) => {
    const values = textValues(await request.formData(), ['email', 'message']);
    const result = await sendProcedure(locals.app, staffCaller(locals), params.formId, values);
    if (!result.ok) return failFor(result.error, 'send', values);
    back(params.formId, 'sent');
  }
};
