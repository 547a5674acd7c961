import { addDays } from '../platform/clock.ts';
import { dateReaching, endOfSchoolYearTurning, lastDayBefore, minDate, pregnancyWeekDate, startOfSchoolYearTurning, type Age } from './life-dates.ts';
import type { VaccineCode } from './rule-sets/immunisation-schedule.ts';

/** What a rule is about; the timeline groups and words items by it. */
export const RULE_KINDS = ['checkup', 'immunisation', 'interview', 'benefit', 'procedure', 'info'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RULE_SUBJECTS = ['child', 'pregnancy'] as const;
export type RuleSubject = (typeof RULE_SUBJECTS)[number];

export const CONTENT_LOCALES = ['ja', 'en', 'ja-x-easy'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

export interface RuleText {
  title: string;
  /** What it is. */
  what: string;
  /** Why it matters. */
  why: string;
  /** Where to go / how to apply. */
  where: string;
}
export type RuleContent = Record<ContentLocale, RuleText>;

/** The life stage a rule attaches to. Windows are inclusive of both days. */
export type Trigger =
  /** Child age: from the day the child reaches `from` to the day before it reaches `until` (生後N月に至るまで). */
  | { type: 'age'; from: Age; until: Age }
  /** School years (学年): from 1 April of the school year in which the child turns `fromTurning` to 31 March of the one in which they turn `untilTurning`. */
  | { type: 'school_year'; fromTurning: number; untilTurning: number }
  /** Pregnancy week (妊娠X週Y日) from the due date; `until` null for no end. */
  | { type: 'pregnancy_week'; from: { weeks: number; days: number }; until: { weeks: number; days: number } | null }
  /** After a pregnancy loss (流産・死産): from its date for `withinDays` days. */
  | { type: 'pregnancy_loss'; withinDays: number }
  /** Fixed dates, for one-off campaigns. */
  | { type: 'date_range'; from: string; until: string }
  /** A routine immunisation dose: the window comes from the national schedule and the child's recorded doses. */
  | { type: 'immunisation'; vaccine: VaccineCode; dose: number };

export interface RuleFilters {
  /** District codes (地区) the rule is limited to; empty for the whole municipality. */
  districtCodes: string[];
  /** Pregnancies with at least this many fetuses (多胎); null for any. */
  minFetusCount: number | null;
}

/**
 * What an item that is not done becomes once its window has passed: 'overdue' (a procedure or check-up
 * still worth doing) for `lingerDays`, then it leaves the timeline; 'closed' leaves at once.
 * Immunisation doses follow the engine instead (任意接種, never overdue).
 */
export type AfterWindow = 'overdue' | 'closed';

/** Pregnancy outcomes after which a pregnancy rule still applies (e.g. the second 支援給付 payment). */
export type ContinuingOutcome = 'birth' | 'loss';

export interface RuleDefinition {
  /** Stable id: never changes once published; notices are keyed by it. */
  key: string;
  version: number;
  kind: RuleKind;
  subject: RuleSubject;
  trigger: Trigger;
  filters: RuleFilters;
  afterWindow: AfterWindow;
  lingerDays: number;
  continuesAfter: ContinuingOutcome[];
  /** Responsible department code (the municipality's department table). */
  department: string;
  content: RuleContent;
  /** Where the reference marks a fact as unverified, what to check; null when verified. */
  unverified: string | null;
  sortOrder: number;
}

export interface Window {
  start: string;
  /** null: open-ended (due until done). */
  end: string | null;
}

export interface ChildSubject {
  type: 'child';
  birthDate: string;
}

export interface PregnancySubject {
  type: 'pregnancy';
  dueDate: string;
  fetusCount: number;
  outcome: 'birth' | 'loss' | 'moved_away' | null;
  outcomeDate: string | null;
}

/**
 * The window of a non-immunisation trigger for one subject, before outcomes are applied; undefined
 * when the trigger does not fit the subject.
 */
export function triggerWindow(trigger: Trigger, subject: ChildSubject | PregnancySubject): Window | undefined {
  switch (trigger.type) {
    case 'age':
      if (subject.type !== 'child') return undefined;
      return { start: dateReaching(subject.birthDate, trigger.from), end: lastDayBefore(subject.birthDate, trigger.until) };
    case 'school_year':
      if (subject.type !== 'child') return undefined;
      return { start: startOfSchoolYearTurning(subject.birthDate, trigger.fromTurning), end: endOfSchoolYearTurning(subject.birthDate, trigger.untilTurning) };
    case 'pregnancy_week':
      if (subject.type !== 'pregnancy') return undefined;
      return {
        start: pregnancyWeekDate(subject.dueDate, trigger.from.weeks, trigger.from.days),
        end: trigger.until ? pregnancyWeekDate(subject.dueDate, trigger.until.weeks, trigger.until.days) : null
      };
    case 'pregnancy_loss':
      if (subject.type !== 'pregnancy' || subject.outcome !== 'loss' || !subject.outcomeDate) return undefined;
      return { start: subject.outcomeDate, end: addDays(subject.outcomeDate, trigger.withinDays) };
    case 'date_range':
      return { start: trigger.from, end: trigger.until };
    case 'immunisation':
      return undefined;
  }
}

/**
 * A pregnancy rule's window once the pregnancy's outcome is known: a birth ends pregnancy items and a loss
 * stops them at once, except rules that continue after that outcome (they open on the outcome date at the
 * latest, and stay open until done); a move away stops everything.
 */
export function pregnancyWindow(rule: Pick<RuleDefinition, 'trigger' | 'continuesAfter'>, subject: PregnancySubject): Window | undefined {
  const window = triggerWindow(rule.trigger, subject);
  if (!window) return undefined;
  if (!subject.outcome || rule.trigger.type === 'pregnancy_loss') return window;
  if (subject.outcome === 'moved_away' || !subject.outcomeDate) return undefined;
  if (!rule.continuesAfter.includes(subject.outcome)) return undefined;
  return { start: minDate(window.start, subject.outcomeDate), end: null };
}

export type ItemStatus = 'done' | 'not_applicable' | 'due' | 'upcoming' | 'overdue' | 'optional_self_paid' | 'closed';

/** The status on `today` of an item with this window (nothing recorded for it). */
export function windowStatus(window: Window, rule: Pick<RuleDefinition, 'afterWindow' | 'lingerDays'>, today: string): ItemStatus {
  if (today < window.start) return 'upcoming';
  if (window.end === null || today <= window.end) return 'due';
  if (rule.afterWindow === 'overdue' && today <= addDays(window.end, rule.lingerDays)) return 'overdue';
  return 'closed';
}
