import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import type { PersonActor } from '../households/index.ts';
import { today as businessToday } from '../platform/clock.ts';
import { sendNotificationsFromSelect } from '../notifications/index.ts';
import { insertChildRuleNotices, insertPregnancyRuleNotices, listMunicipalitiesWithRules, listNoticesOf, listRules, plannedNoticesWithoutNotification } from './guidance.queries.ts';
import { toPublishedRule } from './rule-set.service.ts';
import type { ContentLocale } from './rules.ts';

/**
 * The daily planner: turns every published rule into notices for every household it applies to today,
 * one per active guardian. Set-based: one INSERT … SELECT per rule over all households, so the work grows
 * with the number of rules, not of households. Idempotent: a notice's identity is (person, child or
 * pregnancy, rule key, occurrence), so a second run, a reworded rule or a corrected birth date adds nothing
 * for an occurrence already planned. Immunisation doses are not planned yet (their earliest date depends on
 * recorded doses; see decision 0009).
 */
export async function planNotices(db: Db, municipalityId: string, onDate: string): Promise<number> {
  return planRules(db, municipalityId, onDate, undefined);
}

/**
 * Plans one household's notices at once, after its children or pregnancies changed (a child or pregnancy
 * added, a birth or loss recorded, a birth or due date corrected). The same set-based queries as the daily
 * pass, filtered to the household; called inside the change's own transaction, so the notices exist exactly
 * when the change does. Idempotent like the daily pass: a corrected date adds no second notice for an
 * occurrence already planned.
 */
export async function planNoticesForHousehold(db: Db, municipalityId: string, householdId: string, onDate = businessToday()): Promise<number> {
  return planRules(db, municipalityId, onDate, householdId);
}

async function planRules(db: Db, municipalityId: string, onDate: string, householdId: string | undefined): Promise<number> {
  const rules = (await listRules(db, municipalityId, true)).map(toPublishedRule);
  let planned = 0;
  for (const rule of rules) {
    const t = rule.trigger;
    if (t.type === 'immunisation') continue;
    if (rule.subject === 'child' && (t.type === 'age' || t.type === 'school_year' || t.type === 'date_range')) {
      planned += await insertChildRuleNotices(db, municipalityId, { key: rule.key, version: rule.version, trigger: t, districtCodes: rule.filters.districtCodes }, onDate, householdId);
    } else if (rule.subject === 'pregnancy') {
      planned += await insertPregnancyRuleNotices(
        db,
        municipalityId,
        { key: rule.key, version: rule.version, trigger: t, continuesAfter: rule.continuesAfter, districtCodes: rule.filters.districtCodes, minFetusCount: rule.filters.minFetusCount },
        onDate,
        householdId
      );
    }
  }
  await createNotificationsForPlannedNotices(db, municipalityId);
  return planned;
}

/**
 * Turns every planned notice of the municipality that has no inbox notification yet into one (and its
 * email/push deliveries as the person allows), in one statement. Whoever plans notices — the daily pass,
 * a household's own planning — calls this after planning; it reads only `guidance_notice`, so it does not
 * matter how the rows got there, and a second call adds nothing. The notification's identity is the
 * notice's id, so a reworded rule or a corrected date (no new notice) makes no new notification either.
 */
export async function createNotificationsForPlannedNotices(db: Db, municipalityId: string): Promise<number> {
  return sendNotificationsFromSelect(db, plannedNoticesWithoutNotification(municipalityId));
}

/** Plans today's notices in every municipality that has rules (the daily job). */
export async function planAllNotices(db: Db, onDate = businessToday()): Promise<number> {
  let planned = 0;
  for (const municipalityId of await listMunicipalitiesWithRules(db)) planned += await planNotices(db, municipalityId, onDate);
  return planned;
}

export interface InboxNotice {
  id: string;
  subjectType: 'child' | 'pregnancy';
  subjectId: string;
  childName: string | null;
  dueDate: string | null;
  ruleKey: string;
  title: string;
  windowStart: string;
  windowEnd: string | null;
  plannedOn: string;
}

/**
 * The viewer's in-app inbox: their own notices (never another guardian's), for households they still
 * belong to, with each rule's current title in the reader's language.
 */
export async function listInbox(app: App, actor: PersonActor, locale: ContentLocale): Promise<InboxNotice[]> {
  const db = app.database.db;
  const [rows, rules] = await Promise.all([listNoticesOf(db, actor.userId, actor.municipalityId), listRules(db, actor.municipalityId)]);
  const titles = new Map(rules.map((r) => [r.rule_key, r.content[locale].title]));
  return rows.map((r) => ({
    id: r.id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    childName: r.child_name ?? null,
    dueDate: r.due_date ?? null,
    ruleKey: r.rule_key,
    title: titles.get(r.rule_key) ?? r.rule_key,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    plannedOn: r.planned_on
  }));
}
