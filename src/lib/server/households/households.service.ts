import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { today } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { findDistrict, listDistricts } from '../municipalities/index.ts';
import { householdErrors } from './households.errors.ts';
import {
  childSchema,
  fieldErrors,
  householdSchema,
  idSchema,
  outcomeSchema,
  pregnancyEditSchema,
  pregnancySchema
} from './households.schemas.ts';
import {
  deleteChild,
  deletePregnancy,
  findChildInHousehold,
  findPregnancyInHousehold,
  insertChild,
  insertHousehold,
  insertPregnancy,
  isUniqueViolation,
  listActiveGuardians,
  listChildren,
  listHouseholdSummaries,
  listPregnancies,
  setPregnancyOutcome,
  updateChild as updateChildRow,
  updateHouseholdDistrict,
  updatePregnancy as updatePregnancyRow,
  upsertGuardian,
  listActiveMembershipsOf
} from './households.queries.ts';
import { activeHouseholdOf, type PersonActor } from './household-access.ts';
import { ageOn, gestationOn } from './pregnancy-dates.ts';
import { planNoticesForHousehold } from '../guidance/index.ts';

/**
 * A change to the household's children or pregnancies plans its notices for today inside the same
 * transaction (see decision 0016): they exist exactly when the change does, with no queue in between.
 */
async function planAfterChange(trx: Db, actor: PersonActor, householdId: string): Promise<void> {
  await planNoticesForHousehold(trx, actor.municipalityId, householdId, today());
}

type FormInput = Record<string, unknown>;

export interface DistrictChoice {
  id: string;
  name: string;
  nameEn: string;
}

export interface ChildView {
  id: string;
  name: string;
  birthDate: string;
  sex: 'female' | 'male' | null;
  age: { years: number; months: number };
}

export interface PregnancyView {
  id: string;
  dueDate: string;
  fetusCount: number;
  outcome: 'birth' | 'loss' | 'moved_away' | null;
  outcomeDate: string | null;
  /** How far along today; undefined once the pregnancy has an outcome or is far past its due date. */
  gestation: { weeks: number; days: number } | undefined;
}

export interface HouseholdView {
  id: string;
  district: DistrictChoice;
  guardians: { userId: string; name: string; isYou: boolean }[];
  children: ChildView[];
  pregnancies: PregnancyView[];
}

/** The active districts of the municipality, for the district select. */
export async function listDistrictChoices(app: App, municipalityId: string): Promise<DistrictChoice[]> {
  const rows = await listDistricts(app.database.db, municipalityId);
  return rows.map((d) => ({ id: d.id, name: d.name, nameEn: d.name_en }));
}

function toChildView(row: { id: string; name: string; birth_date: string; sex: 'female' | 'male' | null }, onDate: string): ChildView {
  return { id: row.id, name: row.name, birthDate: row.birth_date, sex: row.sex, age: ageOn(row.birth_date, onDate) };
}

function toPregnancyView(
  row: { id: string; due_date: string; fetus_count: number; outcome: PregnancyView['outcome']; outcome_date: string | null },
  onDate: string
): PregnancyView {
  return {
    id: row.id,
    dueDate: row.due_date,
    fetusCount: row.fetus_count,
    outcome: row.outcome,
    outcomeDate: row.outcome_date,
    gestation: row.outcome ? undefined : gestationOn(row.due_date, onDate)
  };
}

async function auditPregnancyReads(db: Db, actor: PersonActor, pregnancyIds: string[]) {
  for (const id of pregnancyIds) await writeAudit(db, actor, { action: 'read', recordType: 'pregnancy', recordId: id });
}

/**
 * The household home: the viewer's household with its guardians (names only), children and
 * pregnancies, or undefined when the viewer has none yet. Showing pregnancies is an audited read.
 */
export async function getHousehold(app: App, actor: PersonActor): Promise<HouseholdView | undefined> {
  const db = app.database.db;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return undefined;
  const onDate = today();
  const guardians = await listActiveGuardians(db, household.id);
  const children = await listChildren(db, household.id, actor.municipalityId);
  const pregnancies = await listPregnancies(db, household.id, actor.municipalityId);
  await auditPregnancyReads(db, actor, pregnancies.map((p) => p.id));
  return {
    id: household.id,
    district: { id: household.district_id, name: household.district_name, nameEn: household.district_name_en },
    guardians: guardians.map((g) => ({ userId: g.user_id, name: g.name, isYou: g.user_id === actor.userId })),
    children: children.map((c) => toChildView(c, onDate)),
    pregnancies: pregnancies.map((p) => toPregnancyView(p, onDate))
  };
}

async function checkDistrict(db: Db, municipalityId: string, districtId: string): Promise<string | undefined> {
  const district = await findDistrict(db, municipalityId, districtId);
  return district && district.is_active ? undefined : 'hh_error_district_unknown';
}

/**
 * Creates a household in an active district of the viewer's municipality, with the viewer as its
 * first guardian. A person has at most one active household.
 */
export async function createHousehold(app: App, actor: PersonActor, input: FormInput): Promise<Result<{ id: string }>> {
  const parsed = householdSchema.safeParse(input);
  if (!parsed.success) return failure(householdErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const db = app.database.db;
  const districtProblem = await checkDistrict(db, actor.municipalityId, parsed.data.districtId);
  if (districtProblem) return failure(householdErrors.invalidInput({ districtId: districtProblem }));
  if ((await listActiveMembershipsOf(db, actor.userId)).length > 0) return failure(householdErrors.alreadyInHousehold);
  try {
    const id = await db.transaction().execute(async (trx) => {
      const { id } = await insertHousehold(trx, { municipalityId: actor.municipalityId, districtId: parsed.data.districtId });
      await upsertGuardian(trx, { householdId: id, userId: actor.userId, municipalityId: actor.municipalityId });
      await writeAudit(trx, actor, { action: 'create', recordType: 'household', recordId: id });
      return id;
    });
    return ok({ id });
  } catch (error) {
    if (isUniqueViolation(error, 'household_guardian_one_active')) return failure(householdErrors.alreadyInHousehold);
    throw error;
  }
}

/** Moves the household to another district (地区) of the same municipality. */
export async function changeHouseholdDistrict(app: App, actor: PersonActor, input: FormInput): Promise<Result<{ id: string }>> {
  const db = app.database.db;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return failure(householdErrors.noHousehold);
  const parsed = householdSchema.safeParse(input);
  if (!parsed.success) return failure(householdErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const districtProblem = await checkDistrict(db, actor.municipalityId, parsed.data.districtId);
  if (districtProblem) return failure(householdErrors.invalidInput({ districtId: districtProblem }));
  await db.transaction().execute(async (trx) => {
    await updateHouseholdDistrict(trx, household.id, actor.municipalityId, parsed.data.districtId);
    await writeAudit(trx, actor, { action: 'update', recordType: 'household', recordId: household.id });
  });
  return ok({ id: household.id });
}

// ── children ────────────────────────────────────────────────────────────────────────────────────

/** Adds a child to the viewer's household; nothing is saved unless every field is valid. */
export async function addChild(app: App, actor: PersonActor, input: FormInput): Promise<Result<{ id: string }>> {
  const db = app.database.db;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return failure(householdErrors.noHousehold);
  const parsed = childSchema(today()).safeParse(input);
  if (!parsed.success) return failure(householdErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertChild(trx, {
      municipalityId: actor.municipalityId,
      householdId: household.id,
      ...parsed.data,
      createdBy: actor.userId
    });
    await writeAudit(trx, actor, { action: 'create', recordType: 'child', recordId: id });
    await planAfterChange(trx, actor, household.id);
    return id;
  });
  return ok({ id });
}

async function lookUpChild(db: Db, actor: PersonActor, childId: string) {
  if (!idSchema.safeParse(childId).success) return undefined;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return undefined;
  const row = await findChildInHousehold(db, childId, household.id, actor.municipalityId);
  return row ? { household, row } : undefined;
}

/** A child of the viewer's household; any other id is not found. */
export async function findChild(app: App, actor: PersonActor, childId: string): Promise<Result<ChildView>> {
  const found = await lookUpChild(app.database.db, actor, childId);
  return found ? ok(toChildView(found.row, today())) : failure(householdErrors.notFound);
}

export async function updateChild(app: App, actor: PersonActor, childId: string, input: FormInput): Promise<Result<{ id: string }>> {
  const db = app.database.db;
  const found = await lookUpChild(db, actor, childId);
  if (!found) return failure(householdErrors.notFound);
  const parsed = childSchema(today()).safeParse(input);
  if (!parsed.success) return failure(householdErrors.invalidInput(fieldErrors(parsed.error.issues)));
  await db.transaction().execute(async (trx) => {
    await updateChildRow(trx, childId, found.household.id, parsed.data);
    await writeAudit(trx, actor, { action: 'update', recordType: 'child', recordId: childId });
    await planAfterChange(trx, actor, found.household.id);
  });
  return ok({ id: childId });
}

export async function removeChild(app: App, actor: PersonActor, childId: string): Promise<Result<{ id: string }>> {
  const db = app.database.db;
  const found = await lookUpChild(db, actor, childId);
  if (!found) return failure(householdErrors.notFound);
  await db.transaction().execute(async (trx) => {
    await deleteChild(trx, childId, found.household.id);
    await writeAudit(trx, actor, { action: 'delete', recordType: 'child', recordId: childId });
  });
  return ok({ id: childId });
}

// ── pregnancies ─────────────────────────────────────────────────────────────────────────────────

/** Records a pregnancy from its due date or from the current week (+ days). */
export async function addPregnancy(app: App, actor: PersonActor, input: FormInput): Promise<Result<{ id: string; dueDate: string }>> {
  const db = app.database.db;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return failure(householdErrors.noHousehold);
  const parsed = pregnancySchema(today()).safeParse(input);
  if (!parsed.success) return failure(householdErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertPregnancy(trx, {
      municipalityId: actor.municipalityId,
      householdId: household.id,
      dueDate: parsed.data.dueDate,
      fetusCount: parsed.data.fetusCount,
      createdBy: actor.userId
    });
    await writeAudit(trx, actor, { action: 'create', recordType: 'pregnancy', recordId: id });
    await planAfterChange(trx, actor, household.id);
    return id;
  });
  return ok({ id, dueDate: parsed.data.dueDate });
}

async function lookUpPregnancy(db: Db, actor: PersonActor, pregnancyId: string) {
  if (!idSchema.safeParse(pregnancyId).success) return undefined;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return undefined;
  const row = await findPregnancyInHousehold(db, pregnancyId, household.id, actor.municipalityId);
  return row ? { household, row } : undefined;
}

/** A pregnancy of the viewer's household (an audited read); any other id is not found. */
export async function findPregnancy(app: App, actor: PersonActor, pregnancyId: string): Promise<Result<PregnancyView>> {
  const db = app.database.db;
  const found = await lookUpPregnancy(db, actor, pregnancyId);
  if (!found) return failure(householdErrors.notFound);
  await auditPregnancyReads(db, actor, [found.row.id]);
  return ok(toPregnancyView(found.row, today()));
}

export async function updatePregnancy(app: App, actor: PersonActor, pregnancyId: string, input: FormInput): Promise<Result<{ id: string }>> {
  const db = app.database.db;
  const found = await lookUpPregnancy(db, actor, pregnancyId);
  if (!found) return failure(householdErrors.notFound);
  const parsed = pregnancyEditSchema(today()).safeParse(input);
  if (!parsed.success) return failure(householdErrors.invalidInput(fieldErrors(parsed.error.issues)));
  await db.transaction().execute(async (trx) => {
    await updatePregnancyRow(trx, pregnancyId, found.household.id, parsed.data);
    await writeAudit(trx, actor, { action: 'update', recordType: 'pregnancy', recordId: pregnancyId });
    await planAfterChange(trx, actor, found.household.id);
  });
  return ok({ id: pregnancyId });
}

/** Records how a pregnancy ended: a birth, a loss (流産・死産), or that the family moved away. */
export async function recordPregnancyOutcome(
  app: App,
  actor: PersonActor,
  pregnancyId: string,
  input: FormInput
): Promise<Result<{ id: string; outcome: 'birth' | 'loss' | 'moved_away'; outcomeDate: string; fetusCount: number }>> {
  const db = app.database.db;
  const found = await lookUpPregnancy(db, actor, pregnancyId);
  if (!found) return failure(householdErrors.notFound);
  const parsed = outcomeSchema(today()).safeParse(input);
  if (!parsed.success) return failure(householdErrors.invalidInput(fieldErrors(parsed.error.issues)));
  await db.transaction().execute(async (trx) => {
    await setPregnancyOutcome(trx, pregnancyId, found.household.id, parsed.data);
    await writeAudit(trx, actor, { action: 'record_outcome', recordType: 'pregnancy', recordId: pregnancyId });
    await planAfterChange(trx, actor, found.household.id);
  });
  return ok({ id: pregnancyId, ...parsed.data, fetusCount: found.row.fetus_count });
}

/** Takes back a recorded outcome (entered by mistake): the pregnancy is ongoing again. */
export async function clearPregnancyOutcome(app: App, actor: PersonActor, pregnancyId: string): Promise<Result<{ id: string }>> {
  const db = app.database.db;
  const found = await lookUpPregnancy(db, actor, pregnancyId);
  if (!found) return failure(householdErrors.notFound);
  await db.transaction().execute(async (trx) => {
    await setPregnancyOutcome(trx, pregnancyId, found.household.id, { outcome: null, outcomeDate: null });
    await writeAudit(trx, actor, { action: 'clear_outcome', recordType: 'pregnancy', recordId: pregnancyId });
    await planAfterChange(trx, actor, found.household.id);
  });
  return ok({ id: pregnancyId });
}

export async function removePregnancy(app: App, actor: PersonActor, pregnancyId: string): Promise<Result<{ id: string }>> {
  const db = app.database.db;
  const found = await lookUpPregnancy(db, actor, pregnancyId);
  if (!found) return failure(householdErrors.notFound);
  await db.transaction().execute(async (trx) => {
    await deletePregnancy(trx, pregnancyId, found.household.id);
    await writeAudit(trx, actor, { action: 'delete', recordType: 'pregnancy', recordId: pregnancyId });
  });
  return ok({ id: pregnancyId });
}

// ── summaries for other domains ─────────────────────────────────────────────────────────────────

export interface HouseholdSummary {
  id: string;
  districtId: string;
  districtName: string;
  children: number;
  /** Ongoing pregnancies (no outcome recorded yet). */
  pregnancies: number;
}

/**
 * The households a person is an active guardian of in a municipality (at most one), with counts
 * only: no names, dates or pregnancy details, so no audited read.
 */
export async function listHouseholdSummariesForPerson(app: App, userId: string, municipalityId: string): Promise<HouseholdSummary[]> {
  const rows = await listHouseholdSummaries(app.database.db, userId, municipalityId);
  return rows.map((r) => ({
    id: r.id,
    districtId: r.district_id,
    districtName: r.district_name,
    children: Number(r.children ?? 0),
    pregnancies: Number(r.pregnancies ?? 0)
  }));
}
