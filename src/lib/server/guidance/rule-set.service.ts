import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import { hasRole, type RoleAssignment } from '../auth/roles.ts';
import type { Actor } from '../platform/audit.queries.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { addDays, today as businessToday } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { guidanceErrors } from './guidance.errors.ts';
import {
  countChildReach,
  countPregnancyReach,
  findRule,
  findRuleSetVersion,
  listDepartments,
  listDistrictCodes,
  listRules,
  lockRuleSetLoading,
  updateRule,
  upsertBuiltInRules,
  type RuleRow
} from './guidance.queries.ts';
import { idSchema, parseRuleEdit, type RuleEdit } from './guidance.schemas.ts';
import { routineWindowTrigger } from './immunisation.ts';
import { STANDARD_RULE_SET_KEY, STANDARD_RULE_SET_VERSION, STANDARD_RULES } from './rule-sets/standard.ts';
import type { ContinuingOutcome, RuleDefinition, RuleKind, RuleSubject, Trigger } from './rules.ts';
import type { PublishedRule } from './timeline.ts';

/** Who calls a staff use case: the audit actor plus the role assignments valid today in this municipality. */
export interface StaffCaller extends Actor {
  userId: string;
  roles: RoleAssignment[];
}

export function toPublishedRule(row: RuleRow): PublishedRule {
  return {
    id: row.id,
    key: row.rule_key,
    version: row.version,
    kind: row.kind as RuleKind,
    subject: row.subject as RuleSubject,
    trigger: row.trigger,
    filters: row.filters,
    afterWindow: row.after_window as RuleDefinition['afterWindow'],
    lingerDays: row.linger_days,
    continuesAfter: row.continues_after as ContinuingOutcome[],
    department: row.department_code,
    content: row.content,
    unverified: row.unverified_note,
    sortOrder: row.sort_order
  };
}

/**
 * Makes sure the municipality has the current built-in rule set: loaded with the demo ward and on first
 * use by any other municipality; a newer built-in version updates the rules staff never edited.
 */
export async function ensureRuleSet(app: App, municipalityId: string): Promise<void> {
  const db = app.database.db;
  const loaded = await findRuleSetVersion(db, municipalityId, STANDARD_RULE_SET_KEY);
  if (loaded !== undefined && loaded >= STANDARD_RULE_SET_VERSION) return;
  await db.transaction().execute(async (trx) => {
    await lockRuleSetLoading(trx, municipalityId);
    const again = await findRuleSetVersion(trx, municipalityId, STANDARD_RULE_SET_KEY);
    if (again !== undefined && again >= STANDARD_RULE_SET_VERSION) return;
    await upsertBuiltInRules(trx, municipalityId, STANDARD_RULE_SET_KEY, STANDARD_RULE_SET_VERSION, STANDARD_RULES);
  });
}

const WARD_ROLES = ['ward_staff', 'supervisor', 'admin'] as const;

function authoriseStaff(caller: StaffCaller) {
  return WARD_ROLES.some((role) => hasRole(caller.roles, role)) ? undefined : guidanceErrors.staffOnly;
}

export interface Reach {
  today: number;
  next30Days: number;
}

/**
 * How many households a rule (as saved, or as being edited) reaches today and in the next 30 days:
 * households with a child or pregnancy whose window for the rule includes today, or meets the next 30
 * days. One set-based query per count; recorded items are not subtracted.
 */
export async function computeReach(db: Db, municipalityId: string, rule: Pick<RuleDefinition, 'subject' | 'trigger' | 'filters' | 'continuesAfter'>, onDate: string): Promise<Reach> {
  const until = addDays(onDate, 30);
  const count = async (from: string, to: string) => {
    if (rule.subject === 'child') {
      const trigger: Trigger = rule.trigger.type === 'immunisation' ? routineWindowTrigger(rule.trigger.vaccine, rule.trigger.dose) : rule.trigger;
      if (trigger.type !== 'age' && trigger.type !== 'school_year' && trigger.type !== 'date_range') return 0;
      return countChildReach(db, municipalityId, trigger, rule.filters.districtCodes, from, to);
    }
    return countPregnancyReach(
      db,
      municipalityId,
      { trigger: rule.trigger, continuesAfter: rule.continuesAfter, districtCodes: rule.filters.districtCodes, minFetusCount: rule.filters.minFetusCount },
      from,
      to
    );
  };
  const [todayCount, next30Days] = await Promise.all([count(onDate, onDate), count(onDate, until)]);
  return { today: todayCount, next30Days };
}

export interface StaffRuleSummary {
  id: string;
  key: string;
  kind: RuleKind;
  subject: RuleSubject;
  title: string;
  titleEn: string;
  trigger: Trigger;
  department: string;
  unverified: string | null;
  isPublished: boolean;
  edited: boolean;
}

/** Every rule of the municipality, for the staff list. */
export async function listRulesForStaff(app: App, caller: StaffCaller): Promise<Result<StaffRuleSummary[]>> {
  const denied = authoriseStaff(caller);
  if (denied) return failure(denied);
  await ensureRuleSet(app, caller.municipalityId);
  const rows = await listRules(app.database.db, caller.municipalityId);
  return ok(
    rows.map((row) => ({
      id: row.id,
      key: row.rule_key,
      kind: row.kind as RuleKind,
      subject: row.subject as RuleSubject,
      title: row.content.ja.title,
      titleEn: row.content.en.title,
      trigger: row.trigger,
      department: row.department_code,
      unverified: row.unverified_note,
      isPublished: row.is_published,
      edited: row.edited_by !== null
    }))
  );
}

export interface StaffRuleDetail {
  rule: PublishedRule & { isPublished: boolean; editedAt: Date | null };
  reach: Reach;
  departments: { code: string; name: string; nameEn: string }[];
  districts: { code: string; name: string; nameEn: string }[];
}

async function loadRule(app: App, caller: StaffCaller, ruleId: string) {
  if (!idSchema.safeParse(ruleId).success) return undefined;
  await ensureRuleSet(app, caller.municipalityId);
  return findRule(app.database.db, caller.municipalityId, ruleId);
}

/** One rule with its reach as saved, for the edit page. */
export async function getRuleForStaff(app: App, caller: StaffCaller, ruleId: string): Promise<Result<StaffRuleDetail>> {
  const denied = authoriseStaff(caller);
  if (denied) return failure(denied);
  const row = await loadRule(app, caller, ruleId);
  if (!row) return failure(guidanceErrors.notFound);
  const db = app.database.db;
  const rule = toPublishedRule(row);
  const [reach, departments, districts] = await Promise.all([
    computeReach(db, caller.municipalityId, rule, businessToday()),
    listDepartments(db, caller.municipalityId),
    listDistrictCodes(db, caller.municipalityId)
  ]);
  return ok({
    rule: { ...rule, isPublished: row.is_published, editedAt: row.edited_at },
    reach,
    departments: departments.map((d) => ({ code: d.code, name: d.name, nameEn: d.name_en })),
    districts: districts.map((d) => ({ code: d.code, name: d.name, nameEn: d.name_en }))
  });
}

/** Authorises, finds the rule and checks the edit; the first step of both preview and save. */
async function checkedEdit(app: App, caller: StaffCaller, ruleId: string, input: Record<string, unknown>): Promise<Result<{ rule: PublishedRule; edit: RuleEdit }>> {
  const denied = authoriseStaff(caller);
  if (denied) return failure(denied);
  const row = await loadRule(app, caller, ruleId);
  if (!row) return failure(guidanceErrors.notFound);
  const db = app.database.db;
  const [departments, districts] = await Promise.all([listDepartments(db, caller.municipalityId), listDistrictCodes(db, caller.municipalityId)]);
  const rule = toPublishedRule(row);
  const parsed = parseRuleEdit(input, rule, { departments: departments.map((d) => d.code), districts: districts.map((d) => d.code) });
  return parsed.ok ? ok({ rule, edit: parsed.value }) : failure(guidanceErrors.invalidInput(parsed.errors));
}

/** The reach of an edit before it is saved ("how many households would this reach?"); nothing is saved. */
export async function previewRuleEdit(app: App, caller: StaffCaller, ruleId: string, input: Record<string, unknown>): Promise<Result<{ reach: Reach; edit: RuleEdit }>> {
  const checked = await checkedEdit(app, caller, ruleId, input);
  if (!checked.ok) return checked;
  const { rule, edit } = checked.value;
  const reach = await computeReach(app.database.db, caller.municipalityId, { ...rule, trigger: edit.trigger, filters: edit.filters }, businessToday());
  return ok({ reach, edit });
}

/** Saves a staff edit of a rule (content, trigger, filters, department, published); the rule keeps its stable key. */
export async function saveRuleEdit(app: App, caller: StaffCaller, ruleId: string, input: Record<string, unknown>): Promise<Result<{ id: string }>> {
  const checked = await checkedEdit(app, caller, ruleId, input);
  if (!checked.ok) return failure(checked.error);
  const { edit } = checked.value;
  await app.database.db.transaction().execute(async (trx) => {
    await updateRule(trx, caller.municipalityId, ruleId, { ...edit, editedBy: caller.userId });
    await writeAudit(trx, caller, { action: 'update', recordType: 'guidance_rule', recordId: ruleId });
  });
  return ok({ id: ruleId });
}
