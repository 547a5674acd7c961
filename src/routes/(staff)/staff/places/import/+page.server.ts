import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { callerOf } from '#lib/server/municipalities/index.ts';
import { parseImportInBackground, uploadPlaceFile } from '#lib/server/places/index.ts';
import { m } from '#lib/paraglide/messages.js';

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const caller = callerOf(locals);
    if (!caller) error(401, { message: m.error_sign_in_required() });
    const form = await request.formData();
    const file = form.get('file');
    const publisher = typeof form.get('publisher') === 'string' ? String(form.get('publisher')) : '';
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const result = await uploadPlaceFile(locals.app, caller, { fileName: file instanceof File ? file.name : '', bytes, publisher });
    if (!result.ok) return fail(result.error.status, { values: { publisher }, errors: result.error.fields ?? null, formError: result.error.fields ? null : result.error.messageKey });
    parseImportInBackground(locals.app, caller.municipalityId, result.value.importId);
    redirect(303, `/staff/places/import/review?id=${result.value.importId}`);
  }
};
