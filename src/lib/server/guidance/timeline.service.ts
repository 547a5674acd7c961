import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import type { PersonActor } from '../households/index.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { today as businessToday } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { guidanceErrors } from './guidance.errors.ts';
import {
  deleteDose,
  deleteItemRecord,
  findGuardianHousehold,
  insertDoses,
  listDepartments,
  listHouseholdChildren,
  listHouseholdDoses,
  listHouseholdPregnancies,
  listItemRecords,
  listRules,
  lockChildDoses,
  upsertItemRecord
} from './guidance.queries.ts';
import { doseSchema, doseTargetSchema, fieldErrors, idSchema, itemTargetSchema, markDoneSchema } from './guidance.schemas.ts';
import { checkDoseSet, pastDoseCandidates, ruleKeyOf, type DoseRecord } from './immunisation.ts';
import { ensureRuleSet, toPublishedRule } from './rule-set.service.ts';
import { ROTA_BRANDS, type RotaBrand, type VaccineCode } from './rule-sets/immunisation-schedule.ts';
import type { ContentLocale } from './rules.ts';
import { buildTimeline, findItem, type SubjectType, type Timeline, type TimelineChild, type TimelineItem } from './timeline.ts';

type FormInput = Record<string, unknown>;
type Household = NonNullable<Awaited<ReturnType<typeof findGuardianHousehold>>>;

export interface DepartmentName {
  name: string;
  nameEn: string;
}

export interface TimelineView extends Timeline {
  householdId: string;
  departments: Record<string, DepartmentName>;
}

interface Loaded {
  household: Household;
  timeline: Timeline;
  children: TimelineChild[];
  doses: Map<string, DoseRecord[]>;
}

function dosesByChild(rows: Awaited<ReturnType<typeof listHouseholdDoses>>): Map<string, DoseRecord[]> {
  const map = new Map<string, DoseRecord[]>();
  for (const r of rows) {
    const list = map.get(r.child_id) ?? [];
    list.push({ vaccine: r.vaccine as VaccineCode, dose: r.dose, givenOn: r.given_on, brand: r.brand });
    map.set(r.child_id, list);
  }
  return map;
}

async function loadTimeline(db: Db, municipalityId: string, household: Household, onDate: string, locale: ContentLocale): Promise<Loaded> {
  const [rules, childRows, pregnancyRows, records, doseRows] = await Promise.all([
    listRules(db, municipalityId, true),
    listHouseholdChildren(db, household.id),
    listHouseholdPregnancies(db, household.id),
    listItemRecords(db, household.id),
    listHouseholdDoses(db, household.id)
  ]);
  const children = childRows.map((c) => ({ id: c.id, name: c.name, birthDate: c.birth_date, sex: c.sex }));
  const doses = dosesByChild(doseRows);
  const timeline = buildTimeline({
    rules: rules.map(toPublishedRule),
    districtCode: household.district_code,
    children,
    pregnancies: pregnancyRows.map((p) => ({ id: p.id, dueDate: p.due_date, fetusCount: p.fetus_count, outcome: p.outcome, outcomeDate: p.outcome_date })),
    records: records.map((r) => ({
      subjectType: r.child_id ? ('child' as const) : ('pregnancy' as const),
      subjectId: (r.child_id ?? r.pregnancy_id)!,
      ruleKey: r.rule_key,
      occurrence: r.occurrence,
      status: r.status,
      doneOn: r.done_on
    })),
    doses: [...doses].map(([childId, list]) => ({ childId, doses: list })),
    today: onDate,
    locale
  });
  return { household, timeline, children, doses };
}

async function householdOf(app: App, actor: PersonActor): Promise<Household | undefined> {
  return findGuardianHousehold(app.database.db, actor.userId, actor.municipalityId);
}

/**
 * The viewer's timeline: per child and per pregnancy, every item that applies today with its status,
 * or undefined when the viewer has no household yet. Reading pregnancy items is an audited read.
 */
export async function getTimeline(app: App, actor: PersonActor, locale: ContentLocale): Promise<TimelineView | undefined> {
  const db = app.database.db;
  const household = await householdOf(app, actor);
  if (!household) return undefined;
  await ensureRuleSet(app, actor.municipalityId);
  const loaded = await loadTimeline(db, actor.municipalityId, household, businessToday(), locale);
  for (const p of loaded.timeline.pregnancies) await writeAudit(db, actor, { action: 'read', recordType: 'pregnancy', recordId: p.pregnancy.id });
  const departments = Object.fromEntries((await listDepartments(db, actor.municipalityId)).map((d) => [d.code, { name: d.name, nameEn: d.name_en }]));
  return { ...loaded.timeline, householdId: household.id, departments };
}

async function loadForChange(app: App, actor: PersonActor, subjectType: SubjectType, subjectId: string) {
  const household = await householdOf(app, actor);
  if (!household) return undefined;
  await ensureRuleSet(app, actor.municipalityId);
  const loaded = await loadTimeline(app.database.db, actor.municipalityId, household, businessToday(), 'ja');
  const owned = subjectType === 'child' ? loaded.timeline.children.some((c) => c.child.id === subjectId) : loaded.timeline.pregnancies.some((p) => p.pregnancy.id === subjectId);
  return owned ? loaded : undefined;
}

function subjectColumns(subjectType: SubjectType, subjectId: string) {
  return subjectType === 'child' ? { childId: subjectId, pregnancyId: null } : { childId: null, pregnancyId: subjectId };
}

async function recordItem(app: App, actor: PersonActor, input: FormInput, status: 'done' | 'not_applicable'): Promise<Result<{ item: TimelineItem }>> {
  const onDate = businessToday();
  const parsed = status === 'done' ? markDoneSchema(onDate).safeParse(input) : itemTargetSchema().safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error.issues);
    if (fields.subjectType || fields.subjectId || fields.ruleKey) return failure(guidanceErrors.notFound);
    return failure(guidanceErrors.invalidInput(fields));
  }
  const { subjectType, subjectId, ruleKey } = parsed.data;
  const loaded = await loadForChange(app, actor, subjectType, subjectId);
  if (!loaded) return failure(guidanceErrors.notFound);
  const item = findItem(loaded.timeline, subjectType, subjectId, ruleKey);
  if (!item) return failure(guidanceErrors.notFound);
  // A vaccination is recorded as a dose with its date (it moves the next dose), not as a plain "done".
  if (item.recordedAs === 'dose' || (status === 'done' && item.kind === 'immunisation' && item.dose)) return failure(guidanceErrors.notRecordable);
  const doneOn = 'doneOn' in parsed.data ? (parsed.data.doneOn as string) : null;
  await app.database.db.transaction().execute(async (trx) => {
    await upsertItemRecord(trx, {
      municipalityId: actor.municipalityId,
      householdId: loaded.household.id,
      ...subjectColumns(subjectType, subjectId),
      ruleKey,
      occurrence: item.occurrence,
      status,
      doneOn,
      recordedBy: actor.userId
    });
    await writeAudit(trx, actor, { action: status === 'done' ? 'guidance.mark_done' : 'guidance.mark_not_applicable', recordType: subjectType, recordId: subjectId });
  });
  return ok({ item });
}

/** Marks a timeline item done on a date (today or earlier). Vaccinations are recorded with `recordDose`. */
export function markItemDone(app: App, actor: PersonActor, input: FormInput) {
  return recordItem(app, actor, input, 'done');
}

/** Marks a timeline item as not applicable to this child or pregnancy (e.g. the doctor advised otherwise). */
export function markItemNotApplicable(app: App, actor: PersonActor, input: FormInput) {
  return recordItem(app, actor, input, 'not_applicable');
}

/** Undoes "done" / "not applicable", or removes a recorded dose (only the latest dose of that vaccine). */
export async function undoItem(app: App, actor: PersonActor, input: FormInput): Promise<Result<{ ruleKey: string }>> {
  const parsed = itemTargetSchema().safeParse(input);
  if (!parsed.success) return failure(guidanceErrors.notFound);
  const { subjectType, subjectId, ruleKey } = parsed.data;
  const loaded = await loadForChange(app, actor, subjectType, subjectId);
  if (!loaded) return failure(guidanceErrors.notFound);
  const item = findItem(loaded.timeline, subjectType, subjectId, ruleKey);
  if (!item || !item.recordedAs) return failure(guidanceErrors.nothingToUndo);
  if (item.recordedAs === 'dose' && item.dose) {
    const later = (loaded.doses.get(subjectId) ?? []).some((d) => d.vaccine === item.dose!.vaccine && d.dose > item.dose!.number);
    if (later) return failure(guidanceErrors.invalidInput({ form: 'guidance_error_undo_later_dose' }));
  }
  await app.database.db.transaction().execute(async (trx) => {
    if (item.recordedAs === 'dose' && item.dose) await deleteDose(trx, loaded.household.id, subjectId, item.dose.vaccine, item.dose.number);
    else await deleteItemRecord(trx, loaded.household.id, subjectColumns(subjectType, subjectId), ruleKey, item.occurrence);
    await writeAudit(trx, actor, { action: 'guidance.undo', recordType: subjectType, recordId: subjectId });
  });
  return ok({ ruleKey });
}

async function saveDoses(app: App, actor: PersonActor, loaded: Loaded, child: TimelineChild, added: DoseRecord[]) {
  await app.database.db.transaction().execute(async (trx) => {
    await lockChildDoses(trx, child.id);
    await insertDoses(
      trx,
      added.map((d) => ({ municipalityId: actor.municipalityId, householdId: loaded.household.id, childId: child.id, vaccine: d.vaccine, dose: d.dose, givenOn: d.givenOn, brand: d.brand, recordedBy: actor.userId }))
    );
    await writeAudit(trx, actor, { action: 'guidance.record_dose', recordType: 'child', recordId: child.id });
  });
}

/**
 * Records one vaccination dose with the real date it was given (and the brand for ロタウイルス). The
 * next dose's earliest date then follows from this date. Mixed rota brands or mixed 5種/4種 series are refused.
 */
export async function recordDose(app: App, actor: PersonActor, input: FormInput): Promise<Result<{ ruleKey: string }>> {
  const onDate = businessToday();
  const target = doseTargetSchema.safeParse(input);
  if (!target.success || !idSchema.safeParse(input.childId).success) return failure(guidanceErrors.notFound);
  const loaded = await loadForChange(app, actor, 'child', target.data.childId);
  if (!loaded) return failure(guidanceErrors.notFound);
  const parsed = doseSchema(onDate).safeParse(input);
  if (!parsed.success) return failure(guidanceErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const child = loaded.children.find((c) => c.id === parsed.data.childId)!;
  const existing = loaded.doses.get(child.id) ?? [];
  const key = `${parsed.data.vaccine}.${parsed.data.dose}`;
  if (existing.some((d) => `${d.vaccine}.${d.dose}` === key)) return failure(guidanceErrors.invalidInput({ givenOn: 'guidance_error_dose_already_recorded' }));
  const dose: DoseRecord = { vaccine: parsed.data.vaccine, dose: parsed.data.dose, givenOn: parsed.data.givenOn, brand: parsed.data.vaccine === 'rota' ? parsed.data.brand : null };
  const problem = checkDoseSet(child, [...existing, dose], onDate)[key];
  if (problem) return failure(guidanceErrors.invalidInput({ [problem.includes('brand') ? 'brand' : 'givenOn']: problem }));
  await saveDoses(app, actor, loaded, child, [dose]);
  return ok({ ruleKey: ruleKeyOf(dose.vaccine, dose.dose) });
}

export interface PastDoseForm {
  child: TimelineChild;
  rows: { vaccine: VaccineCode; dose: number; field: string; ruleKey: string; title: string }[];
}

export const pastDoseField = (vaccine: VaccineCode, dose: number) => `d_${vaccine}_${dose}`;

/** The one-time form for an older child's past doses: every dose whose routine window has opened and is not recorded. */
export async function getPastDoseForm(app: App, actor: PersonActor, childId: string, locale: ContentLocale): Promise<Result<PastDoseForm>> {
  if (!idSchema.safeParse(childId).success) return failure(guidanceErrors.notFound);
  const loaded = await loadForChange(app, actor, 'child', childId);
  if (!loaded) return failure(guidanceErrors.notFound);
  const child = loaded.children.find((c) => c.id === childId)!;
  const rules = (await listRules(app.database.db, actor.municipalityId)).map(toPublishedRule);
  const rows = pastDoseCandidates(child, loaded.doses.get(childId) ?? [], businessToday()).flatMap(({ vaccine, dose }) => {
    const rule = rules.find((r) => r.key === ruleKeyOf(vaccine, dose));
    return rule ? [{ vaccine, dose, field: pastDoseField(vaccine, dose), ruleKey: rule.key, title: rule.content[locale].title }] : [];
  });
  return ok({ child, rows });
}

/**
 * Saves the past-doses form at once: every filled date becomes a dose; nothing is saved if any row is
 * wrong (each problem is shown beside its row).
 */
export async function recordPastDoses(app: App, actor: PersonActor, childId: string, input: FormInput): Promise<Result<{ count: number }>> {
  const onDate = businessToday();
  const form = await getPastDoseForm(app, actor, childId, 'ja');
  if (!form.ok) return form;
  const loaded = (await loadForChange(app, actor, 'child', childId))!;
  const brandRaw = typeof input.rotaBrand === 'string' ? input.rotaBrand : '';
  const errors: Record<string, string> = {};
  const added: DoseRecord[] = [];
  const fieldOf = new Map<string, string>();
  for (const row of form.value.rows) {
    const value = typeof input[row.field] === 'string' ? (input[row.field] as string).trim() : '';
    if (!value) continue;
    const parsed = doseSchema(onDate).safeParse({ childId, vaccine: row.vaccine, dose: String(row.dose), givenOn: value, brand: row.vaccine === 'rota' ? brandRaw : '' });
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error.issues);
      if (fields.brand) errors.rotaBrand = fields.brand;
      if (fields.givenOn) errors[row.field] = fields.givenOn;
      continue;
    }
    const rotaBrand = (ROTA_BRANDS as readonly string[]).includes(brandRaw) ? (brandRaw as RotaBrand) : null;
    added.push({ vaccine: row.vaccine, dose: row.dose, givenOn: parsed.data.givenOn, brand: row.vaccine === 'rota' ? rotaBrand : null });
    fieldOf.set(`${row.vaccine}.${row.dose}`, row.field);
  }
  if (added.length === 0 && Object.keys(errors).length === 0) return failure(guidanceErrors.invalidInput({ form: 'guidance_error_no_dates' }));
  const problems = checkDoseSet(form.value.child, [...(loaded.doses.get(childId) ?? []), ...added], onDate);
  for (const [key, problem] of Object.entries(problems)) {
    const field = fieldOf.get(key);
    if (!field) continue;
    if (problem.includes('brand')) errors.rotaBrand ??= problem;
    else errors[field] ??= problem;
  }
  if (Object.keys(errors).length) return failure(guidanceErrors.invalidInput(errors));
  await saveDoses(app, actor, loaded, form.value.child, added);
  return ok({ count: added.length });
}


/** One item as GET /api/v1/me/timeline returns it. */
export interface ApiTimelineItem {
  kind: TimelineItem['kind'];
  ruleId: string;
  subjectType: SubjectType;
  childId: string | null;
  pregnancyId: string | null;
  title: string;
  windowStart: string;
  windowEnd: string | null;
  status: Exclude<TimelineItem['status'], 'closed'>;
  doneOn: string | null;
}

/**
 * The viewer's timeline as a flat list for other clients: every item still on the timeline (closed
 * ones are left out), titles in the requested language; an empty list without a household.
 */
export async function listTimelineItemsForApi(app: App, actor: PersonActor, locale: ContentLocale): Promise<{ today: string; items: ApiTimelineItem[] }> {
  const timeline = await getTimeline(app, actor, locale);
  const all = timeline ? [...timeline.pregnancies.flatMap((p) => p.items), ...timeline.children.flatMap((c) => c.items)] : [];
  const items = all.flatMap((i): ApiTimelineItem[] =>
    i.status === 'closed'
      ? []
      : [
          {
            kind: i.kind,
            ruleId: i.ruleKey,
            subjectType: i.subjectType,
            childId: i.subjectType === 'child' ? i.subjectId : null,
            pregnancyId: i.subjectType === 'pregnancy' ? i.subjectId : null,
            title: i.text.title,
            windowStart: i.windowStart,
            windowEnd: i.windowEnd,
            status: i.status,
            doneOn: i.doneOn
          }
        ]
  );
  return { today: timeline?.today ?? businessToday(), items };
}
