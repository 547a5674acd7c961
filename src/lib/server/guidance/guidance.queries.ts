import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Age } from './life-dates.ts';
import type { RuleDefinition, Trigger } from './rules.ts';
import type { RotaBrand } from './rule-sets/immunisation-schedule.ts';

// ── households (read only: the guidance domain never changes them) ─────────────────────────────

/** The household the person is an active guardian of in this municipality, with its district code. */
export async function findGuardianHousehold(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('household_guardian as g')
    .innerJoin('household as h', 'h.id', 'g.household_id')
    .innerJoin('district as d', 'd.id', 'h.district_id')
    .select(['h.id', 'd.code as district_code'])
    .where('g.user_id', '=', userId)
    .where('g.removed_at', 'is', null)
    .where('h.municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function listHouseholdChildren(db: Db, householdId: string) {
  return db.selectFrom('child').select(['id', 'name', 'birth_date', 'sex']).where('household_id', '=', householdId).orderBy('birth_date').orderBy('id').execute();
}

export async function listHouseholdPregnancies(db: Db, householdId: string) {
  return db
    .selectFrom('pregnancy')
    .select(['id', 'due_date', 'fetus_count', 'outcome', 'outcome_date'])
    .where('household_id', '=', householdId)
    .orderBy('due_date')
    .orderBy('id')
    .execute();
}

// ── rules ──────────────────────────────────────────────────────────────────────────────────────

const RULE_COLUMNS = [
  'id',
  'rule_key',
  'version',
  'source_version',
  'kind',
  'subject',
  'trigger',
  'filters',
  'after_window',
  'linger_days',
  'continues_after',
  'department_code',
  'content',
  'unverified_note',
  'sort_order',
  'is_published',
  'edited_by',
  'edited_at',
  'updated_at'
] as const;

export async function listRules(db: Db, municipalityId: string, onlyPublished = false) {
  let query = db.selectFrom('guidance_rule').select(RULE_COLUMNS).where('municipality_id', '=', municipalityId);
  if (onlyPublished) query = query.where('is_published', '=', true);
  return query.orderBy('sort_order').orderBy('rule_key').execute();
}

export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];

export async function findRule(db: Db, municipalityId: string, ruleId: string) {
  return db.selectFrom('guidance_rule').select(RULE_COLUMNS).where('municipality_id', '=', municipalityId).where('id', '=', ruleId).executeTakeFirst();
}

export async function findRuleSetVersion(db: Db, municipalityId: string, setKey: string): Promise<number | undefined> {
  const row = await db.selectFrom('guidance_rule_set').select('version').where('municipality_id', '=', municipalityId).where('set_key', '=', setKey).executeTakeFirst();
  return row?.version;
}

/** Takes a transaction-scoped lock so two first uses do not load the same rule set twice. */
export async function lockRuleSetLoading(db: Db, municipalityId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`guidance_rule_set:${municipalityId}`}))`.execute(db);
}

function ruleValues(rule: RuleDefinition) {
  return {
    version: rule.version,
    source_version: rule.version,
    kind: rule.kind,
    subject: rule.subject,
    trigger: JSON.stringify(rule.trigger),
    filters: JSON.stringify(rule.filters),
    after_window: rule.afterWindow,
    linger_days: rule.lingerDays,
    continues_after: [...rule.continuesAfter],
    department_code: rule.department,
    content: JSON.stringify(rule.content),
    unverified_note: rule.unverified,
    sort_order: rule.sortOrder
  };
}

/**
 * Loads built-in rules: new keys are inserted; a rule staff have never edited follows a newer built-in
 * version; an edited rule is left as the ward made it.
 */
export async function upsertBuiltInRules(db: Db, municipalityId: string, setKey: string, setVersion: number, rules: readonly RuleDefinition[]): Promise<void> {
  for (const rule of rules) {
    await db
      .insertInto('guidance_rule')
      .values({ municipality_id: municipalityId, rule_key: rule.key, ...ruleValues(rule) })
      .onConflict((oc) =>
        oc
          .columns(['municipality_id', 'rule_key'])
          .doUpdateSet({ ...ruleValues(rule), updated_at: sql`now()` })
          .where('guidance_rule.edited_by', 'is', null)
          .where('guidance_rule.source_version', '<', rule.version)
      )
      .execute();
  }
  await db
    .insertInto('guidance_rule_set')
    .values({ municipality_id: municipalityId, set_key: setKey, version: setVersion })
    .onConflict((oc) => oc.columns(['municipality_id', 'set_key']).doUpdateSet({ version: setVersion, loaded_at: sql`now()` }))
    .execute();
}

export async function updateRule(
  db: Db,
  municipalityId: string,
  ruleId: string,
  values: {
    trigger: Trigger;
    filters: RuleDefinition['filters'];
    departmentCode: string;
    content: RuleDefinition['content'];
    isPublished: boolean;
    editedBy: string;
  }
): Promise<boolean> {
  const result = await db
    .updateTable('guidance_rule')
    .set({
      trigger: JSON.stringify(values.trigger),
      filters: JSON.stringify(values.filters),
      department_code: values.departmentCode,
      content: JSON.stringify(values.content),
      is_published: values.isPublished,
      edited_by: values.editedBy,
      edited_at: sql`now()`,
      updated_at: sql`now()`,
      version: sql`version + 1`
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', ruleId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listDepartments(db: Db, municipalityId: string) {
  return db.selectFrom('department').select(['code', 'name', 'name_en']).where('municipality_id', '=', municipalityId).orderBy('code').execute();
}

export async function listDistrictCodes(db: Db, municipalityId: string) {
  return db.selectFrom('district').select(['code', 'name', 'name_en']).where('municipality_id', '=', municipalityId).orderBy('sort_order').execute();
}

// ── item records and doses ─────────────────────────────────────────────────────────────────────

export async function listItemRecords(db: Db, householdId: string) {
  return db
    .selectFrom('guidance_item_record')
    .select(['child_id', 'pregnancy_id', 'rule_key', 'occurrence', 'status', 'done_on'])
    .where('household_id', '=', householdId)
    .execute();
}

export async function upsertItemRecord(
  db: Db,
  row: {
    municipalityId: string;
    householdId: string;
    childId: string | null;
    pregnancyId: string | null;
    ruleKey: string;
    occurrence: number;
    status: 'done' | 'not_applicable';
    doneOn: string | null;
    recordedBy: string;
  }
): Promise<void> {
  const values = {
    municipality_id: row.municipalityId,
    household_id: row.householdId,
    child_id: row.childId,
    pregnancy_id: row.pregnancyId,
    rule_key: row.ruleKey,
    occurrence: row.occurrence,
    status: row.status,
    done_on: row.doneOn,
    recorded_by: row.recordedBy
  };
  const target = row.childId ? 'child_id' : 'pregnancy_id';
  await db
    .insertInto('guidance_item_record')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns([target, 'rule_key', 'occurrence'])
        .where(target, 'is not', null)
        .doUpdateSet({ status: row.status, done_on: row.doneOn, recorded_by: row.recordedBy, recorded_at: sql`now()` })
    )
    .execute();
}

export async function deleteItemRecord(db: Db, householdId: string, subject: { childId: string | null; pregnancyId: string | null }, ruleKey: string, occurrence: number): Promise<number> {
  let query = db.deleteFrom('guidance_item_record').where('household_id', '=', householdId).where('rule_key', '=', ruleKey).where('occurrence', '=', occurrence);
  query = subject.childId ? query.where('child_id', '=', subject.childId) : query.where('pregnancy_id', '=', subject.pregnancyId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listHouseholdDoses(db: Db, householdId: string) {
  return db
    .selectFrom('immunisation_dose')
    .select(['child_id', 'vaccine', 'dose', 'given_on', 'brand'])
    .where('household_id', '=', householdId)
    .orderBy('vaccine')
    .orderBy('dose')
    .execute();
}

export async function insertDoses(
  db: Db,
  rows: { municipalityId: string; householdId: string; childId: string; vaccine: string; dose: number; givenOn: string; brand: RotaBrand | null; recordedBy: string }[]
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('immunisation_dose')
    .values(
      rows.map((r) => ({
        municipality_id: r.municipalityId,
        household_id: r.householdId,
        child_id: r.childId,
        vaccine: r.vaccine,
        dose: r.dose,
        given_on: r.givenOn,
        brand: r.brand,
        recorded_by: r.recordedBy
      }))
    )
    .execute();
}

export async function deleteDose(db: Db, householdId: string, childId: string, vaccine: string, dose: number): Promise<number> {
  const result = await db
    .deleteFrom('immunisation_dose')
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .where('vaccine', '=', vaccine)
    .where('dose', '=', dose)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function lockChildDoses(db: Db, childId: string): Promise<void> {
  await db.selectFrom('child').select('id').where('id', '=', childId).forUpdate().execute();
}

// ── reach: how many households a rule touches (one set-based query) ────────────────────────────

/** A child-age window bound as SQL over `c.birth_date` (PostgreSQL clamps month ends as clock.ts does). */
function ageSql(age: Age): RawBuilder<string> {
  switch (age.unit) {
    case 'days':
      return sql<string>`(c.birth_date + ${age.value}::int)`;
    case 'weeks':
      return sql<string>`(c.birth_date + ${age.value * 7}::int)`;
    case 'months':
      return sql<string>`(c.birth_date + make_interval(months => ${age.value}::int))::date`;
    case 'years':
      return sql<string>`(c.birth_date + make_interval(months => ${age.value * 12}::int))::date`;
  }
}

/** The school year (as its starting calendar year) in which the child turns `years`. */
function schoolYearSql(years: number): RawBuilder<number> {
  return sql<number>`extract(year from ((c.birth_date + make_interval(months => ${years * 12}::int))::date - 1) - interval '3 months')::int`;
}

/** A child trigger as a window over birth dates; counts use the routine window for immunisation doses. */
export type ChildWindowTrigger = Extract<Trigger, { type: 'age' | 'school_year' | 'date_range' }>;

function childWindowSql(trigger: ChildWindowTrigger): { start: RawBuilder<unknown>; end: RawBuilder<unknown> } {
  switch (trigger.type) {
    case 'age':
      return { start: ageSql(trigger.from), end: sql`(${ageSql(trigger.until)} - 1)` };
    case 'school_year':
      return {
        start: sql`make_date(${schoolYearSql(trigger.fromTurning)}, 4, 1)`,
        end: sql`make_date(${schoolYearSql(trigger.untilTurning)} + 1, 3, 31)`
      };
    case 'date_range':
      return { start: sql`${trigger.from}::date`, end: sql`${trigger.until}::date` };
  }
}

function districtFilter(codes: readonly string[]): RawBuilder<unknown> {
  if (codes.length === 0) return sql`true`;
  return sql`d.code in (${sql.join(codes.map((c) => sql`${c}`))})`;
}

const ACTIVE_HOUSEHOLD = sql`exists (select 1 from household_guardian g where g.household_id = h.id and g.removed_at is null)`;

/** Distinct households with a child whose window for this trigger meets [from, to]. */
export async function countChildReach(db: Db, municipalityId: string, trigger: ChildWindowTrigger, districtCodes: readonly string[], from: string, to: string): Promise<number> {
  const w = childWindowSql(trigger);
  const result = await sql<{ n: string | number }>`
    select count(distinct c.household_id) as n
    from child c
    join household h on h.id = c.household_id
    join district d on d.id = h.district_id
    where c.municipality_id = ${municipalityId}
      and ${w.start} <= ${to}::date and ${w.end} >= ${from}::date
      and ${districtFilter(districtCodes)} and ${ACTIVE_HOUSEHOLD}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** Distinct households with a pregnancy whose window for this trigger meets [from, to], outcomes applied as on the timeline. */
export async function countPregnancyReach(
  db: Db,
  municipalityId: string,
  rule: { trigger: Trigger; continuesAfter: readonly string[]; districtCodes: readonly string[]; minFetusCount: number | null },
  from: string,
  to: string
): Promise<number> {
  const t = rule.trigger;
  let window: RawBuilder<unknown>;
  if (t.type === 'pregnancy_week') {
    const start = sql`(p.due_date - 280 + ${t.from.weeks * 7 + t.from.days}::int)`;
    const end = t.until ? sql`(p.due_date - 280 + ${t.until.weeks * 7 + t.until.days}::int)` : sql`'infinity'::date`;
    const continuing = rule.continuesAfter.length
      ? sql`or (p.outcome in (${sql.join(rule.continuesAfter.map((o) => sql`${o}`))}) and least(${start}, p.outcome_date) <= ${to}::date)`
      : sql``;
    window = sql`((p.outcome is null and ${start} <= ${to}::date and ${end} >= ${from}::date) ${continuing})`;
  } else if (t.type === 'pregnancy_loss') {
    window = sql`(p.outcome = 'loss' and p.outcome_date <= ${to}::date and p.outcome_date + ${t.withinDays}::int >= ${from}::date)`;
  } else if (t.type === 'date_range') {
    window = sql`(p.outcome is null and ${t.from}::date <= ${to}::date and ${t.until}::date >= ${from}::date)`;
  } else {
    return 0;
  }
  const fetus = rule.minFetusCount === null ? sql`true` : sql`p.fetus_count >= ${rule.minFetusCount}`;
  const result = await sql<{ n: string | number }>`
    select count(distinct p.household_id) as n
    from pregnancy p
    join household h on h.id = p.household_id
    join district d on d.id = h.district_id
    where p.municipality_id = ${municipalityId}
      and ${window} and ${fetus}
      and ${districtFilter(rule.districtCodes)} and ${ACTIVE_HOUSEHOLD}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

// ── notices: the daily planner (one INSERT … SELECT per rule over every household) ─────────────

const NOT_RECORDED = (subjectColumn: RawBuilder<unknown>, ruleKey: string) =>
  sql`not exists (select 1 from guidance_item_record r where ${subjectColumn} and r.rule_key = ${ruleKey} and r.occurrence = 1)`;

/** The planner's household filter: every household for the daily pass, one after a household changes. */
const onlyHousehold = (column: RawBuilder<unknown>, householdId: string | undefined) => (householdId ? sql`and ${column} = ${householdId}` : sql``);

/** Plans the notices of one child rule for every child whose window contains `onDate`, one per active guardian. */
export async function insertChildRuleNotices(
  db: Db,
  municipalityId: string,
  rule: { key: string; version: number; trigger: ChildWindowTrigger; districtCodes: readonly string[] },
  onDate: string,
  householdId?: string
): Promise<number> {
  const w = childWindowSql(rule.trigger);
  const result = await sql`
    insert into guidance_notice (municipality_id, user_id, household_id, subject_type, subject_id, rule_key, occurrence, rule_version, window_start, window_end, planned_on)
    select c.municipality_id, g.user_id, c.household_id, 'child', c.id, ${rule.key}, 1, ${rule.version}, ${w.start}::date, ${w.end}::date, ${onDate}::date
    from child c
    join household h on h.id = c.household_id
    join district d on d.id = h.district_id
    join household_guardian g on g.household_id = h.id and g.removed_at is null
    where c.municipality_id = ${municipalityId} ${onlyHousehold(sql`c.household_id`, householdId)}
      and ${w.start} <= ${onDate}::date and ${w.end} >= ${onDate}::date
      and ${districtFilter(rule.districtCodes)}
      and ${NOT_RECORDED(sql`r.child_id = c.id`, rule.key)}
    on conflict (user_id, subject_id, rule_key, occurrence) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Plans the notices of one pregnancy rule, with outcomes applied exactly as on the timeline. */
export async function insertPregnancyRuleNotices(
  db: Db,
  municipalityId: string,
  rule: { key: string; version: number; trigger: Trigger; continuesAfter: readonly string[]; districtCodes: readonly string[]; minFetusCount: number | null },
  onDate: string,
  householdId?: string
): Promise<number> {
  const t = rule.trigger;
  let start: RawBuilder<unknown>;
  let end: RawBuilder<unknown>;
  let applies: RawBuilder<unknown>;
  if (t.type === 'pregnancy_week') {
    const s = sql`(p.due_date - 280 + ${t.from.weeks * 7 + t.from.days}::int)`;
    const e = t.until ? sql`(p.due_date - 280 + ${t.until.weeks * 7 + t.until.days}::int)` : sql`null::date`;
    const continuing = rule.continuesAfter.length ? sql`p.outcome in (${sql.join(rule.continuesAfter.map((o) => sql`${o}`))})` : sql`false`;
    start = sql`case when p.outcome is null then ${s} else least(${s}, p.outcome_date) end`;
    end = sql`case when p.outcome is null then ${e} else null::date end`;
    applies = sql`((p.outcome is null and ${s} <= ${onDate}::date and (${e} is null or ${e} >= ${onDate}::date)) or (${continuing} and least(${s}, p.outcome_date) <= ${onDate}::date))`;
  } else if (t.type === 'pregnancy_loss') {
    start = sql`p.outcome_date`;
    end = sql`(p.outcome_date + ${t.withinDays}::int)`;
    applies = sql`(p.outcome = 'loss' and p.outcome_date <= ${onDate}::date and p.outcome_date + ${t.withinDays}::int >= ${onDate}::date)`;
  } else if (t.type === 'date_range') {
    start = sql`${t.from}::date`;
    end = sql`${t.until}::date`;
    applies = sql`(p.outcome is null and ${t.from}::date <= ${onDate}::date and ${t.until}::date >= ${onDate}::date)`;
  } else {
    return 0;
  }
  const fetus = rule.minFetusCount === null ? sql`true` : sql`p.fetus_count >= ${rule.minFetusCount}`;
  const result = await sql`
    insert into guidance_notice (municipality_id, user_id, household_id, subject_type, subject_id, rule_key, occurrence, rule_version, window_start, window_end, planned_on)
    select p.municipality_id, g.user_id, p.household_id, 'pregnancy', p.id, ${rule.key}, 1, ${rule.version}, ${start}, ${end}, ${onDate}::date
    from pregnancy p
    join household h on h.id = p.household_id
    join district d on d.id = h.district_id
    join household_guardian g on g.household_id = h.id and g.removed_at is null
    where p.municipality_id = ${municipalityId} ${onlyHousehold(sql`p.household_id`, householdId)}
      and ${applies} and ${fetus}
      and ${districtFilter(rule.districtCodes)}
      and ${NOT_RECORDED(sql`r.pregnancy_id = p.id`, rule.key)}
    on conflict (user_id, subject_id, rule_key, occurrence) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function listMunicipalitiesWithRules(db: Db): Promise<string[]> {
  return (await db.selectFrom('guidance_rule_set').select('municipality_id').distinct().execute()).map((r) => r.municipality_id);
}

/** A person's notices in one municipality, newest first, with the name of the child (pregnancies have none). */
export async function listNoticesOf(db: Db, userId: string, municipalityId: string) {
  return db
    .selectFrom('guidance_notice as n')
    .leftJoin('child as c', (join) => join.onRef('c.id', '=', 'n.subject_id').on('n.subject_type', '=', 'child'))
    .leftJoin('pregnancy as p', (join) => join.onRef('p.id', '=', 'n.subject_id').on('n.subject_type', '=', 'pregnancy'))
    .innerJoin('household_guardian as g', (join) => join.onRef('g.household_id', '=', 'n.household_id').onRef('g.user_id', '=', 'n.user_id'))
    .select(['n.id', 'n.subject_type', 'n.subject_id', 'n.rule_key', 'n.window_start', 'n.window_end', 'n.planned_on', 'n.read_at', 'c.name as child_name', 'p.due_date'])
    .where('n.user_id', '=', userId)
    .where('n.municipality_id', '=', municipalityId)
    .where('g.removed_at', 'is', null)
    .orderBy('n.planned_on', 'desc')
    .orderBy('n.rule_key')
    .execute();
}

// ── notices → the app-wide inbox ──────────────────────────────────────────────────────────────────

/**
 * Every planned notice of the municipality that has no inbox notification yet, rendered in the
 * recipient's language from the rule's current content (title; the subject and "what" as body), in the
 * columns `sendNotificationsFromSelect` takes. Independent of how the rows were planned.
 */
export function plannedNoticesWithoutNotification(municipalityId: string): RawBuilder<unknown> {
  const text = (part: string) => sql`coalesce(nullif(r.content -> l.lang ->> ${part}, ''), r.content -> 'ja' ->> ${part}, '')`;
  const subject = sql`case
    when c.id is not null then case l.lang when 'en' then 'About ' || c.name when 'ja-x-easy' then c.name || 'さんの こと' else c.name || 'さんについて' end
    when p.id is not null then case l.lang
      when 'en' then 'About the pregnancy due ' || to_char(p.due_date, 'FMDD FMMonth YYYY')
      when 'ja-x-easy' then 'うまれる よていび ' || to_char(p.due_date, 'YYYY"年"FMMM"月"FMDD"日"')
      else '出産予定日 ' || to_char(p.due_date, 'YYYY"年"FMMM"月"FMDD"日"') || ' の妊娠について' end
    else '' end`;
  return sql`
    select n.municipality_id, n.user_id, 'guidance' as source, n.id::text as source_key,
           left(coalesce(nullif(${text('title')}, ''), n.rule_key), 200) as title,
           left(concat_ws(E'\n', nullif(${subject}, ''), nullif(${text('what')}, '')), 4000) as body,
           '/timeline#subject-' || n.subject_id::text as link,
           l.lang as locale, null::text[] as channels
    from guidance_notice n
    join guidance_rule r on r.municipality_id = n.municipality_id and r.rule_key = n.rule_key
    left join person_profile pp on pp.user_id = n.user_id
    cross join lateral (select coalesce(pp.language, 'ja') as lang) l
    left join child c on n.subject_type = 'child' and c.id = n.subject_id
    left join pregnancy p on n.subject_type = 'pregnancy' and p.id = n.subject_id
    where n.municipality_id = ${municipalityId}
      and not exists (select 1 from notification x where x.user_id = n.user_id and x.source = 'guidance' and x.source_key = n.id::text)`;
}
