import { doseStatus, planImmunisations, type DoseNote, type DoseRecord } from './immunisation.ts';
import { pregnancyWindow, triggerWindow, windowStatus, type ContentLocale, type ItemStatus, type RuleDefinition, type RuleText } from './rules.ts';
import type { RotaBrand, VaccineCode } from './rule-sets/immunisation-schedule.ts';

/**
 * The timeline, computed: rules × a household's children and pregnancies × what was recorded, on one
 * day. Pure, so the page, the API and (next) the notice planner all see the same items.
 */

export interface PublishedRule extends RuleDefinition {
  id: string;
}

export interface TimelineChild {
  id: string;
  name: string;
  birthDate: string;
  sex: 'female' | 'male' | null;
}

export interface TimelinePregnancy {
  id: string;
  dueDate: string;
  fetusCount: number;
  outcome: 'birth' | 'loss' | 'moved_away' | null;
  outcomeDate: string | null;
}

export type SubjectType = 'child' | 'pregnancy';

export interface ItemRecord {
  subjectType: SubjectType;
  subjectId: string;
  ruleKey: string;
  occurrence: number;
  status: 'done' | 'not_applicable';
  doneOn: string | null;
}

export interface ChildDoses {
  childId: string;
  doses: DoseRecord[];
}

export interface TimelineItem {
  ruleId: string;
  ruleKey: string;
  kind: RuleDefinition['kind'];
  subjectType: SubjectType;
  subjectId: string;
  /** Rules that recur will number their occurrences; every built-in rule happens once. */
  occurrence: number;
  status: ItemStatus;
  windowStart: string;
  windowEnd: string | null;
  doneOn: string | null;
  /** How it was recorded: an item record (done / not applicable) or a vaccination dose. */
  recordedAs: 'record' | 'dose' | null;
  department: string;
  text: RuleText;
  unverified: boolean;
  dose: {
    vaccine: VaccineCode;
    number: number;
    earliest: string;
    recommendedFrom: string;
    recommendedUntil: string | null;
    brand: RotaBrand | null;
    needsSex: boolean;
    notes: DoseNote[];
  } | null;
}

export interface TimelineInput {
  rules: readonly PublishedRule[];
  districtCode: string;
  children: readonly TimelineChild[];
  pregnancies: readonly TimelinePregnancy[];
  records: readonly ItemRecord[];
  doses: readonly ChildDoses[];
  today: string;
  locale: ContentLocale;
}

export interface Timeline {
  today: string;
  children: { child: TimelineChild; items: TimelineItem[] }[];
  pregnancies: { pregnancy: TimelinePregnancy; items: TimelineItem[] }[];
}

const STATUS_ORDER: Record<ItemStatus, number> = { overdue: 0, due: 1, optional_self_paid: 2, upcoming: 3, done: 4, not_applicable: 5, closed: 6 };

function byWhen(a: TimelineItem, b: TimelineItem): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.windowStart.localeCompare(b.windowStart) || a.ruleKey.localeCompare(b.ruleKey);
}

function appliesTo(rule: RuleDefinition, districtCode: string, fetusCount?: number): boolean {
  if (rule.filters.districtCodes.length > 0 && !rule.filters.districtCodes.includes(districtCode)) return false;
  if (rule.filters.minFetusCount !== null && (fetusCount === undefined || fetusCount < rule.filters.minFetusCount)) return false;
  return true;
}

function baseItem(rule: PublishedRule, subjectType: SubjectType, subjectId: string, locale: ContentLocale) {
  return {
    ruleId: rule.id,
    ruleKey: rule.key,
    kind: rule.kind,
    subjectType,
    subjectId,
    occurrence: 1,
    department: rule.department,
    text: rule.content[locale],
    unverified: rule.unverified !== null
  };
}

function applyRecord(item: TimelineItem, records: readonly ItemRecord[]): TimelineItem {
  const record = records.find((r) => r.subjectType === item.subjectType && r.subjectId === item.subjectId && r.ruleKey === item.ruleKey && r.occurrence === item.occurrence);
  if (!record || item.status === 'done') return item;
  return { ...item, status: record.status, doneOn: record.doneOn, recordedAs: 'record' };
}

function childItems(child: TimelineChild, input: TimelineInput): TimelineItem[] {
  const rules = input.rules.filter((r) => r.subject === 'child' && appliesTo(r, input.districtCode));
  const items: TimelineItem[] = [];
  for (const rule of rules) {
    if (rule.trigger.type === 'immunisation') continue;
    const window = triggerWindow(rule.trigger, { type: 'child', birthDate: child.birthDate });
    if (!window) continue;
    items.push({
      ...baseItem(rule, 'child', child.id, input.locale),
      status: windowStatus(window, rule, input.today),
      windowStart: window.start,
      windowEnd: window.end,
      doneOn: null,
      recordedAs: null,
      dose: null
    });
  }
  const doses = input.doses.find((d) => d.childId === child.id)?.doses ?? [];
  for (const plan of planImmunisations(child, doses, input.today)) {
    const rule = rules.find((r) => r.key === plan.ruleKey);
    if (!rule) continue;
    const status = doseStatus(plan, input.today);
    items.push({
      ...baseItem(rule, 'child', child.id, input.locale),
      status,
      windowStart: plan.earliest,
      windowEnd: plan.routineEnd,
      doneOn: plan.givenOn,
      recordedAs: plan.givenOn ? 'dose' : null,
      dose: {
        vaccine: plan.vaccine,
        number: plan.dose,
        earliest: plan.earliest,
        recommendedFrom: plan.recommendedFrom,
        recommendedUntil: plan.recommendedUntil,
        brand: plan.brand,
        needsSex: plan.needsSex,
        notes: plan.notes
      }
    });
  }
  return items.map((item) => applyRecord(item, input.records)).sort(byWhen);
}

function pregnancyItems(pregnancy: TimelinePregnancy, input: TimelineInput): TimelineItem[] {
  const subject = { type: 'pregnancy' as const, ...pregnancy };
  const items: TimelineItem[] = [];
  for (const rule of input.rules) {
    if (rule.subject !== 'pregnancy' || !appliesTo(rule, input.districtCode, pregnancy.fetusCount)) continue;
    const window = pregnancyWindow(rule, subject);
    if (!window) continue;
    items.push({
      ...baseItem(rule, 'pregnancy', pregnancy.id, input.locale),
      status: windowStatus(window, rule, input.today),
      windowStart: window.start,
      windowEnd: window.end,
      doneOn: null,
      recordedAs: null,
      dose: null
    });
  }
  const recorded = items.map((item) => applyRecord(item, input.records));
  // After a birth or a loss, what was already done stays visible (as history) with the items that still apply.
  if (pregnancy.outcome) {
    const doneBefore = input.rules
      .filter((r) => r.subject === 'pregnancy' && !recorded.some((i) => i.ruleKey === r.key))
      .flatMap((rule) => {
        const record = input.records.find((x) => x.subjectType === 'pregnancy' && x.subjectId === pregnancy.id && x.ruleKey === rule.key && x.status === 'done');
        const window = record ? triggerWindow(rule.trigger, subject) : undefined;
        if (!record || !window) return [];
        const item: TimelineItem = {
          ...baseItem(rule, 'pregnancy', pregnancy.id, input.locale),
          status: 'done',
          windowStart: window.start,
          windowEnd: window.end,
          doneOn: record.doneOn,
          recordedAs: 'record',
          dose: null
        };
        return [item];
      });
    recorded.push(...doneBefore);
  }
  return recorded.sort(byWhen);
}

export function buildTimeline(input: TimelineInput): Timeline {
  return {
    today: input.today,
    children: input.children.map((child) => ({ child, items: childItems(child, input) })),
    pregnancies: input.pregnancies.map((pregnancy) => ({ pregnancy, items: pregnancyItems(pregnancy, input) }))
  };
}

/** Finds one item of a timeline by its identity. */
export function findItem(timeline: Timeline, subjectType: SubjectType, subjectId: string, ruleKey: string): TimelineItem | undefined {
  const groups = subjectType === 'child' ? timeline.children.map((c) => c.items) : timeline.pregnancies.map((p) => p.items);
  return groups.flat().find((i) => i.subjectId === subjectId && i.ruleKey === ruleKey);
}
