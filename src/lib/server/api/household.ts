import { json, type RequestEvent } from '@sveltejs/kit';
import {
  addChild,
  addPregnancy,
  clearPregnancyOutcome,
  findChild,
  findPregnancy,
  getHousehold,
  recordPregnancyOutcome,
  removeChild,
  removePregnancy,
  updateChild,
  updatePregnancy,
  type ChildView,
  type HouseholdView,
  type PersonActor,
  type PregnancyView
} from '../households/index.ts';
import type { App } from '../app.ts';
import type { AppError, Result } from '../platform/errors.ts';
import { apiErrorResponse, apiJson, type ApiErrorCode } from './api-errors.ts';
import { requireApiViewer } from './api-access.ts';
import type { ApiLocale } from './api-locale.ts';

// /api/v1/me/household…: the same services as the family pages (same validation, audit and
// authorization: only the household's active guardians); this file only maps JSON in and out.

type FieldKind = 'string' | 'integer';
type Body = Record<string, unknown>;

export function childJson(c: ChildView) {
  return { id: c.id, name: c.name, birthDate: c.birthDate, sex: c.sex, age: c.age };
}

export function pregnancyJson(p: PregnancyView) {
  return { id: p.id, dueDate: p.dueDate, fetusCount: p.fetusCount, outcome: p.outcome, outcomeDate: p.outcomeDate, gestation: p.gestation ?? null };
}

export function householdJson(h: HouseholdView) {
  return {
    id: h.id,
    district: h.district,
    guardians: h.guardians.map((g) => ({ name: g.name, isYou: g.isYou })),
    children: h.children.map(childJson),
    pregnancies: h.pregnancies.map(pregnancyJson)
  };
}

type Caller = { app: App; actor: PersonActor; locale: ApiLocale; body: Body };
type Handler = (caller: Caller) => Promise<Response>;

/** Signs in, reads the JSON body (an object, or nothing for GET/DELETE) and runs the handler. */
export async function withHouseholdCaller(event: RequestEvent, readBody: boolean, handler: Handler): Promise<Response> {
  const access = requireApiViewer(event);
  if (!access.ok) return access.response;
  const { locale } = access;
  let body: Body = {};
  if (readBody) {
    let parsed: unknown;
    try {
      parsed = await event.request.json();
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return apiErrorResponse('households.invalid_input', locale, { fields: { body: 'calendar_api_error_body_json' } });
    }
    body = parsed as Body;
  }
  const { municipality, requestId, address } = event.locals;
  const actor = { userId: access.viewer.user.id, municipalityId: municipality.id, requestId, address };
  return handler({ app: event.locals.app, actor, locale, body });
}

/**
 * The body's fields as the form services take them (strings). A field of the wrong JSON type is refused
 * here with its own message, so `{ "name": {} }` is never read as an empty name.
 */
function formFields(body: Body, kinds: Record<string, FieldKind>): { input: Record<string, string>; problems: Record<string, string> } {
  const input: Record<string, string> = {};
  const problems: Record<string, string> = {};
  for (const [field, kind] of Object.entries(kinds)) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') input[field] = value;
    else if (kind === 'integer' && typeof value === 'number' && Number.isInteger(value)) input[field] = String(value);
    else problems[field] = kind === 'integer' ? 'calendar_api_error_integer' : 'calendar_api_error_string';
  }
  return { input, problems };
}

function failed(error: AppError, locale: ApiLocale): Response {
  if (error.code === 'households.invalid_input') return apiErrorResponse('households.invalid_input', locale, { fields: error.fields });
  if (error.code === 'households.no_household') return apiErrorResponse('households.no_household', locale);
  if (error.status === 404) return apiErrorResponse('api.not_found', locale);
  return apiErrorResponse(error.code as ApiErrorCode, locale);
}

function invalid(problems: Record<string, string>, locale: ApiLocale): Response {
  return apiErrorResponse('households.invalid_input', locale, { fields: problems });
}

const hasAny = (problems: Record<string, string>) => Object.keys(problems).length > 0;

function created(body: unknown, locale: ApiLocale, location: string): Response {
  return json(body, { status: 201, headers: { 'cache-control': 'no-store', 'content-language': locale, location } });
}

const noContent = () => new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });

async function respondWith<T>(result: Result<T>, locale: ApiLocale, onOk: (value: T) => Promise<Response>): Promise<Response> {
  return result.ok ? onOk(result.value) : failed(result.error, locale);
}

const CHILD_FIELDS: Record<string, FieldKind> = { name: 'string', birthDate: 'string', sex: 'string' };
const PREGNANCY_FIELDS: Record<string, FieldKind> = { dueDate: 'string', weeks: 'integer', days: 'integer', fetusCount: 'integer' };
const PREGNANCY_EDIT_FIELDS: Record<string, FieldKind> = { dueDate: 'string', fetusCount: 'integer' };
const OUTCOME_FIELDS: Record<string, FieldKind> = { outcome: 'string', outcomeDate: 'string' };

/** GET /me/household: the caller's household, or `null` when they have none yet (pregnancies: an audited read). */
export async function getMyHousehold({ app, actor, locale }: Caller): Promise<Response> {
  const household = await getHousehold(app, actor);
  return apiJson({ household: household ? householdJson(household) : null }, locale);
}

/** POST /me/household/children */
export async function postChild({ app, actor, locale, body }: Caller): Promise<Response> {
  const { input, problems } = formFields(body, CHILD_FIELDS);
  if (hasAny(problems)) return invalid(problems, locale);
  return respondWith(await addChild(app, actor, input), locale, async ({ id }) => {
    const child = await findChild(app, actor, id);
    return child.ok ? created({ child: childJson(child.value) }, locale, `/api/v1/me/household/children/${id}`) : failed(child.error, locale);
  });
}

/** PATCH /me/household/children/{id}: the fields sent replace the recorded ones; the others stay. */
export async function patchChild({ app, actor, locale, body }: Caller, childId: string): Promise<Response> {
  const current = await findChild(app, actor, childId);
  if (!current.ok) return failed(current.error, locale);
  const { input, problems } = formFields(body, CHILD_FIELDS);
  if (hasAny(problems)) return invalid(problems, locale);
  const merged = { name: current.value.name, birthDate: current.value.birthDate, sex: current.value.sex ?? '', ...input };
  if (body.sex === null) merged.sex = '';
  return respondWith(await updateChild(app, actor, childId, merged), locale, async () => {
    const child = await findChild(app, actor, childId);
    return child.ok ? apiJson({ child: childJson(child.value) }, locale) : failed(child.error, locale);
  });
}

/** DELETE /me/household/children/{id} */
export async function deleteChild({ app, actor, locale }: Caller, childId: string): Promise<Response> {
  return respondWith(await removeChild(app, actor, childId), locale, async () => noContent());
}

/** POST /me/household/pregnancies: from `dueDate`, or from the current `weeks` (+ `days`). */
export async function postPregnancy({ app, actor, locale, body }: Caller): Promise<Response> {
  const { input, problems } = formFields(body, PREGNANCY_FIELDS);
  if (hasAny(problems)) return invalid(problems, locale);
  const basis = input.dueDate !== undefined || input.weeks === undefined ? 'due_date' : 'week';
  return respondWith(await addPregnancy(app, actor, { ...input, basis }), locale, async ({ id }) => {
    const pregnancy = await findPregnancy(app, actor, id);
    return pregnancy.ok ? created({ pregnancy: pregnancyJson(pregnancy.value) }, locale, `/api/v1/me/household/pregnancies/${id}`) : failed(pregnancy.error, locale);
  });
}

/**
 * PATCH /me/household/pregnancies/{id}: either corrects `dueDate` / `fetusCount`, or records how it ended
 * (`outcome` + `outcomeDate`), or takes a recorded outcome back (`outcome: null`) — one kind of change per
 * request, so a request is applied whole or not at all.
 */
export async function patchPregnancy({ app, actor, locale, body }: Caller, pregnancyId: string): Promise<Response> {
  const current = await findPregnancy(app, actor, pregnancyId);
  if (!current.ok) return failed(current.error, locale);
  const changesOutcome = 'outcome' in body || 'outcomeDate' in body;
  const changesRecord = 'dueDate' in body || 'fetusCount' in body;
  if (changesOutcome && changesRecord) return invalid({ outcome: 'calendar_api_error_outcome_alone' }, locale);
  let result: Result<unknown>;
  if (changesOutcome && body.outcome === null) {
    result = await clearPregnancyOutcome(app, actor, pregnancyId);
  } else if (changesOutcome) {
    const { input, problems } = formFields(body, OUTCOME_FIELDS);
    if (hasAny(problems)) return invalid(problems, locale);
    result = await recordPregnancyOutcome(app, actor, pregnancyId, input);
  } else {
    const { input, problems } = formFields(body, PREGNANCY_EDIT_FIELDS);
    if (hasAny(problems)) return invalid(problems, locale);
    result = await updatePregnancy(app, actor, pregnancyId, { dueDate: current.value.dueDate, fetusCount: String(current.value.fetusCount), ...input });
  }
  return respondWith(result, locale, async () => {
    const pregnancy = await findPregnancy(app, actor, pregnancyId);
    return pregnancy.ok ? apiJson({ pregnancy: pregnancyJson(pregnancy.value) }, locale) : failed(pregnancy.error, locale);
  });
}

/** DELETE /me/household/pregnancies/{id} */
export async function deletePregnancy({ app, actor, locale }: Caller, pregnancyId: string): Promise<Response> {
  return respondWith(await removePregnancy(app, actor, pregnancyId), locale, async () => noContent());
}
