import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerOf } from '#lib/server/municipalities/index.ts';
import { CONTENT_FIELDS, getRuleForStaff, previewRuleEdit, saveRuleEdit } from '#lib/server/guidance/index.ts';
import type { AppError } from '#lib/server/platform/errors.ts';
import { getRuleProcedureChoice, setRuleProcedure } from '#lib/server/procedures/index.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  const detail = await getRuleForStaff(locals.app, caller, params.ruleId);
  if (!detail.ok) error(detail.error.status, { message: detail.error.status === 404 ? m.error_not_found() : m.error_forbidden(), code: detail.error.code });
  const procedure = await getRuleProcedureChoice(locals.app, caller, detail.value.rule.key);
  return { ...detail.value, saved: url.searchParams.has('saved'), procedure: procedure.ok ? procedure.value : null, procedureSaved: url.searchParams.has('procedure') };
};

const SCALAR_FIELDS = [
  ...CONTENT_FIELDS.map((f) => f.name),
  'triggerType',
  'fromValue',
  'fromUnit',
  'untilValue',
  'untilUnit',
  'fromTurning',
  'untilTurning',
  'fromWeeks',
  'fromDays',
  'untilWeeks',
  'untilDays',
  'withinDays',
  'fromDate',
  'untilDate',
  'minFetusCount',
  'departmentCode',
  'isPublished'
];

function readForm(data: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of SCALAR_FIELDS) {
    const value = data.get(name);
    if (typeof value === 'string') values[name] = value;
  }
  values.districtCodes = data.getAll('districtCodes').filter((v): v is string => typeof v === 'string');
  return values;
}

function failFor(appError: AppError, values: Record<string, string | string[]>) {
  if (appError.status === 404) error(404, { message: m.error_not_found() });
  if (appError.status === 403) error(403, { message: m.error_forbidden() });
  return fail(appError.status, { values, errors: appError.fields ?? null, reach: null });
}

export const actions: Actions = {
  preview: async ({ request, locals, params }) => {
    const caller = callerOf(locals);
    if (!caller) error(401, { message: m.error_sign_in_required() });
    const values = readForm(await request.formData());
    const result = await previewRuleEdit(locals.app, caller, params.ruleId, values);
    if (!result.ok) return failFor(result.error, values);
    return { values, errors: null, reach: result.value.reach };
  },
  save: async ({ request, locals, params }) => {
    const caller = callerOf(locals);
    if (!caller) error(401, { message: m.error_sign_in_required() });
    const values = readForm(await request.formData());
    const result = await saveRuleEdit(locals.app, caller, params.ruleId, values);
    if (!result.ok) return failFor(result.error, values);
    redirect(303, `/staff/guidance/${params.ruleId}?saved=1`);
  },
  procedure: async ({ request, locals, params }) => {
    const caller = callerOf(locals);
    if (!caller) error(401, { message: m.error_sign_in_required() });
    const detail = await getRuleForStaff(locals.app, caller, params.ruleId);
    if (!detail.ok) error(detail.error.status, { message: detail.error.status === 404 ? m.error_not_found() : m.error_forbidden() });
    const procedureId = String((await request.formData()).get('procedureId') ?? '');
    const result = await setRuleProcedure(locals.app, caller, detail.value.rule.key, procedureId);
    if (!result.ok) return fail(result.error.status, { procedureError: result.error.fields?.procedureId ?? result.error.messageKey });
    redirect(303, `/staff/guidance/${params.ruleId}?procedure=1#procedure-heading`);
  }
};
