import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getTimeline, listInbox, markItemDone, markItemNotApplicable, recordDose, undoItem } from '#lib/server/guidance/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { listTimelineProcedures } from '#lib/server/procedures/index.ts';
import { addDays, monthsBetween, now, today } from '#lib/server/platform/clock.ts';
import { getHousehold } from '#lib/server/households/index.ts';
import { listDistricts } from '#lib/server/municipalities/index.ts';
import { listEventsForFamily } from '#lib/server/events/index.ts';
import { listHeldBookings } from '#lib/server/bookings/index.ts';
import type { AppError } from '#lib/server/platform/errors.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';
import { formInput } from '../hh-result.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const timeline = await getTimeline(locals.app, personActor(locals), getLocale());
  const notices = timeline ? (await listInbox(locals.app, personActor(locals), getLocale())).length : 0;
  const procedures = await listTimelineProcedures(locals.app, personActor(locals));
  const bookings = timeline ? await listHeldBookings(locals.app, personActor(locals), now()) : [];
  return {
    timeline,
    notices,
    procedures,
    bookings,
    today: today(),
    soonUntil: addDays(today(), 60),
    done: url.searchParams.get('done'),
    localEvents: await localEventsFor(locals)
  };
};

/** 「地域のイベント」: the coming month's public events for the children's ages, in the family's district or ward-wide. */
async function localEventsFor(locals: App.Locals) {
  const household = await getHousehold(locals.app, personActor(locals));
  if (!household || household.children.length === 0) return [];
  const districts = await listDistricts(locals.app.database.db, locals.municipality.id);
  const districtCode = districts.find((d) => d.id === household.district.id)?.code ?? null;
  const from = today();
  return listEventsForFamily(locals.app.database.db, locals.municipality.id, {
    districtCode,
    childAgeMonths: household.children.map((c) => monthsBetween(c.birthDate, from)),
    from,
    to: addDays(from, 30),
    limit: 5
  });
}

const TARGET = ['subjectType', 'subjectId', 'ruleKey'] as const;

/** Errors come back to the one item they concern (the page has a form per item). */
function failFor(appError: AppError, values: Record<string, string>) {
  if (appError.status === 404) error(404, { message: m.error_not_found() });
  const item = `${values.subjectId ?? values.childId ?? ''}:${values.ruleKey ?? ''}`;
  return fail(appError.status, { item, values, errors: appError.fields ?? null, formError: appError.fields ? null : appError.messageKey });
}

function back(done: string, values: Record<string, string>): never {
  const anchor = values.subjectId ?? values.childId ?? '';
  redirect(303, `/timeline?done=${done}#subject-${anchor}`);
}

export const actions: Actions = {
  done: async ({ request, locals }) => {
    const values = formInput(await request.formData(), [...TARGET, 'doneOn']);
    const result = await markItemDone(locals.app, personActor(locals), values);
    if (!result.ok) return failFor(result.error, values);
    back('marked', values);
  },
  notApplicable: async ({ request, locals }) => {
    const values = formInput(await request.formData(), TARGET);
    const result = await markItemNotApplicable(locals.app, personActor(locals), values);
    if (!result.ok) return failFor(result.error, values);
    back('not_applicable', values);
  },
  undo: async ({ request, locals }) => {
    const values = formInput(await request.formData(), TARGET);
    const result = await undoItem(locals.app, personActor(locals), values);
    if (!result.ok) return failFor(result.error, values);
    back('undone', values);
  },
  dose: async ({ request, locals }) => {
    const values = formInput(await request.formData(), ['childId', 'ruleKey', 'vaccine', 'dose', 'givenOn', 'brand']);
    const result = await recordDose(locals.app, personActor(locals), values);
    if (!result.ok) return failFor(result.error, { ...values, subjectId: values.childId ?? '' });
    back('dose', values);
  }
};
