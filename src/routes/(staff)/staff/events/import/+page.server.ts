import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerOf } from '#lib/server/municipalities/index.ts';
import { listEventImports, uploadEventFile } from '#lib/server/events/index.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals }) => {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  const imports = await listEventImports(locals.app, caller);
  if (!imports.ok) error(403, { message: m.error_forbidden() });
  return { imports: imports.value };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const caller = callerOf(locals);
    if (!caller) error(401, { message: m.error_sign_in_required() });
    const file = (await request.formData()).get('file');
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const result = await uploadEventFile(locals.app, caller, { fileName: file instanceof File ? file.name : '', bytes });
    if (!result.ok) return fail(result.error.status, { errors: result.error.fields ?? null, formError: result.error.fields ? null : result.error.messageKey });
    redirect(303, `/staff/events/import/review?id=${result.value.importId}`);
  }
};
