import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerOf } from '#lib/server/municipalities/index.ts';
import { confirmImport, getImport, mapImportColumns, MAPPABLE_FIELDS, parseImportInBackground, PLACE_CATEGORIES, resumeImportIfStalled } from '#lib/server/places/index.ts';
import { m } from '#lib/paraglide/messages.js';

const ISSUE_ROWS_SHOWN = 300;

export const load: PageServerLoad = async ({ locals, url }) => {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  await resumeImportIfStalled(locals.app, caller, url.searchParams.get('id') ?? '');
  const result = await getImport(locals.app, caller, url.searchParams.get('id') ?? '');
  if (!result.ok) error(result.error.status === 403 ? 403 : 404, { message: result.error.status === 403 ? m.error_forbidden() : m.error_not_found() });
  const { preview, ...view } = result.value;
  // The drafts stay on the server; the page shows the rows that need a look and a sample of the rest.
  const rows = preview?.rows ?? [];
  const issueRows = rows.filter((r) => r.errors.length || r.warnings.length);
  return {
    view,
    preview: preview
      ? {
          encoding: preview.encoding,
          boms: preview.boms,
          layout: preview.layout,
          sourceDataset: preview.sourceDataset,
          blankRows: preview.blankRows,
          counts: preview.counts,
          issueRows: issueRows.slice(0, ISSUE_ROWS_SHOWN).map(({ draft: _draft, ...r }) => r),
          issueRowsHidden: Math.max(0, issueRows.length - ISSUE_ROWS_SHOWN),
          sample: rows.filter((r) => r.draft).slice(0, 10).map(({ draft: _draft, ...r }) => r)
        }
      : null,
    fields: [...MAPPABLE_FIELDS],
    categories: [...PLACE_CATEGORIES],
    done: url.searchParams.get('done')
  };
};

export const actions: Actions = {
  map: async ({ request, locals, url }) => {
    const caller = callerOf(locals);
    if (!caller) error(401, { message: m.error_sign_in_required() });
    const id = url.searchParams.get('id') ?? '';
    const form = await request.formData();
    const values: Record<string, string> = {};
    for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
    const result = await mapImportColumns(locals.app, caller, id, values);
    if (!result.ok) {
      if (result.error.status === 404) error(404, { message: m.error_not_found() });
      return fail(result.error.status, { action: 'map', values, errors: result.error.fields ?? null, formError: result.error.fields ? null : result.error.messageKey });
    }
    parseImportInBackground(locals.app, caller.municipalityId, id);
    redirect(303, `/staff/places/import/review?id=${id}`);
  },
  confirm: async ({ locals, url }) => {
    const caller = callerOf(locals);
    if (!caller) error(401, { message: m.error_sign_in_required() });
    const id = url.searchParams.get('id') ?? '';
    const result = await confirmImport(locals.app, caller, id);
    if (!result.ok) {
      if (result.error.status === 404) error(404, { message: m.error_not_found() });
      return fail(result.error.status, { action: 'confirm', values: {} as Record<string, string>, errors: null as Record<string, string> | null, formError: result.error.messageKey, line: result.error.fields?.line ?? null });
    }
    redirect(303, `/staff/places/import/review?id=${id}&done=imported`);
  }
};
