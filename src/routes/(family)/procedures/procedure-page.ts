import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { openProcedure, saveProcedureAnswers, type ProcedureTarget } from '#lib/server/procedures/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { m } from '#lib/paraglide/messages.js';

/** The two pages a guardian fills a procedure on (a direct request, a timeline item) share this load and these actions. */

export async function loadProcedure(locals: App.Locals, target: ProcedureTarget, url: URL) {
  const view = await openProcedure(locals.app, personActor(locals), target);
  if (!view.ok) error(404, { message: m.error_not_found() });
  return { view: view.value, saved: url.searchParams.get('saved') };
}

/** Every submitted value as typed (lists for repeated names such as checkboxes), to check and to show again. */
function formValues(data: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(data.keys())) {
    const all = data.getAll(key).filter((v): v is string => typeof v === 'string');
    values[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return values;
}

function save(target: (event: RequestEvent) => ProcedureTarget, mode: 'draft' | 'submit') {
  return async (event: RequestEvent) => {
    const values = formValues(await event.request.formData());
    const result = await saveProcedureAnswers(event.locals.app, personActor(event.locals), target(event), values, mode);
    if (!result.ok) {
      if (result.error.status === 404) error(404, { message: m.error_not_found() });
      return fail(result.error.status, { values, errors: result.error.fields ?? null, formError: result.error.fields ? null : result.error.messageKey });
    }
    redirect(303, `${result.value.path}?saved=${mode === 'draft' ? 'draft' : 'sent'}`);
  };
}

export function procedureActions(target: (event: RequestEvent) => ProcedureTarget) {
  return { draft: save(target, 'draft'), submit: save(target, 'submit') };
}
