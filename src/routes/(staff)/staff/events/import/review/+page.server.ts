import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerOf } from '#lib/server/municipalities/index.ts';
import { confirmEventImport, getEventImport } from '#lib/server/events/index.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url }) => {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  const view = await getEventImport(locals.app, caller, url.searchParams.get('id') ?? '');
  if (!view.ok) error(view.error.status === 403 ? 403 : 404, { message: view.error.status === 403 ? m.error_forbidden() : m.error_not_found() });
  const preview = view.value.preview;
  // The page lists every rejected and warned row; clean rows are counted, and the first ones shown.
  return {
    view: { ...view.value, preview: null },
    counts: preview?.counts ?? null,
    layout: preview?.layout ?? '',
    encoding: preview?.encoding ?? '',
    flagged: preview?.rows.filter((r) => r.errors.length || r.warnings.length).map(({ draft: _draft, ...r }) => r) ?? [],
    sample: preview?.rows.filter((r) => r.draft).slice(0, 10).map((r) => ({ line: r.line, title: r.title, startDate: r.startDate, isUpdate: r.isUpdate })) ?? []
  };
};

export const actions: Actions = {
  default: async ({ locals, url }) => {
    const caller = callerOf(locals);
    if (!caller) error(401, { message: m.error_sign_in_required() });
    const importId = url.searchParams.get('id') ?? '';
    const result = await confirmEventImport(locals.app, caller, importId);
    if (!result.ok) return fail(result.error.status, { formError: result.error.messageKey });
    redirect(303, `/staff/events/import/review?id=${encodeURIComponent(importId)}`);
  }
};
