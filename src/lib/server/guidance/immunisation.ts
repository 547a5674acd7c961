import { addDays, addMonths } from '../platform/clock.ts';
import {
  dateReaching,
  endOfSchoolYearTurning,
  lastDayBefore,
  maxDate,
  startOfSchoolYearTurning,
  type Age
} from './life-dates.ts';
import {
  LIVE_INJECTED,
  LIVE_INJECTED_GAP_DAYS,
  MAX_DOSES,
  SCHEDULE,
  VACCINES,
  type RotaBrand,
  type VaccineCode
} from './rule-sets/immunisation-schedule.ts';

/**
 * The immunisation engine: from a child's birth date, sex and recorded doses, every routine dose with its
 * window, standard timing and the earliest day it may be given. Pure; `today` is passed in.
 */

export interface DoseRecord {
  vaccine: VaccineCode;
  dose: number;
  givenOn: string;
  brand: RotaBrand | null;
}

export interface ChildFacts {
  birthDate: string;
  sex: 'female' | 'male' | null;
}

/** What happens to a missing dose once its routine window has closed. */
export type AfterWindow = 'optional_self_paid' | 'closed';

export interface DosePlan {
  vaccine: VaccineCode;
  dose: number;
  /** The stable rule id whose content describes this dose. */
  ruleKey: string;
  /** The routine (publicly funded) window, both days inclusive. */
  routineStart: string;
  routineEnd: string;
  /** The first day this dose may be given: the window start, pushed by the minimum interval from the real date of the dose before. */
  earliest: string;
  /** The standard timing (標準的な接種期間); the dose is "due" from max(earliest, recommendedFrom). */
  recommendedFrom: string;
  recommendedUntil: string | null;
  givenOn: string | null;
  brand: RotaBrand | null;
  afterWindow: AfterWindow;
  /** HPV: the child's sex is unknown and the window is near; the timeline asks for it. */
  needsSex: boolean;
  /** Message codes explaining the plan (e.g. which series, why a dose count). */
  notes: DoseNote[];
}

export type DoseNote =
  | 'rota_brand_unknown'
  | 'rota_rv1'
  | 'rota_rv5'
  | 'rota_first_dose_deadline'
  | 'pcv_started_before_7m'
  | 'pcv_started_7_to_12m'
  | 'pcv_started_12_to_24m'
  | 'pcv_started_24m_plus'
  | 'hib_started_before_7m'
  | 'hib_started_7_to_12m'
  | 'hib_started_12m_plus'
  | 'dtp_series_4'
  | 'hpv_two_doses'
  | 'hpv_three_doses'
  | 'live_vaccine_gap';

export function ruleKeyOf(vaccine: VaccineCode, dose: number): string {
  return `immunisation.${vaccine}.${dose}`;
}

const at = (birth: string, age: Age) => dateReaching(birth, age);
const before = (birth: string, age: Age) => lastDayBefore(birth, age);

type Given = Map<string, DoseRecord>;

function givenMap(doses: readonly DoseRecord[]): Given {
  return new Map(doses.map((d) => [`${d.vaccine}.${d.dose}`, d]));
}

/**
 * The date a dose is (or is expected to be) given: its real date, else the day it becomes recommended,
 * but never in the past — a dose not yet given can at the earliest be given today.
 */
function anchorOf(plan: DosePlan | undefined, today: string): string | undefined {
  if (!plan) return undefined;
  return plan.givenOn ?? maxDate(plan.earliest, plan.recommendedFrom, today);
}

interface DoseSpec {
  vaccine: VaccineCode;
  dose: number;
  routineStart: string;
  routineEnd: string;
  /** Lower bounds from earlier doses (already computed). */
  after?: string[];
  recommendedFrom?: string;
  recommendedUntil?: string | null;
  afterWindow?: AfterWindow;
  notes?: DoseNote[];
}

function makePlan(spec: DoseSpec, given: Given): DosePlan {
  const record = given.get(`${spec.vaccine}.${spec.dose}`);
  const earliest = maxDate(spec.routineStart, ...(spec.after ?? []));
  return {
    vaccine: spec.vaccine,
    dose: spec.dose,
    ruleKey: ruleKeyOf(spec.vaccine, spec.dose),
    routineStart: spec.routineStart,
    routineEnd: spec.routineEnd,
    earliest,
    recommendedFrom: maxDate(earliest, spec.recommendedFrom),
    recommendedUntil: spec.recommendedUntil ?? null,
    givenOn: record?.givenOn ?? null,
    brand: record?.brand ?? null,
    afterWindow: spec.afterWindow ?? 'optional_self_paid',
    needsSex: false,
    notes: spec.notes ?? []
  };
}

function hbvPlans(child: ChildFacts, given: Given, today: string): DosePlan[] {
  const b = child.birthDate;
  const s = SCHEDULE.hbv;
  const routineStart = at(b, s.routine.from);
  const routineEnd = before(b, s.routine.until);
  const std = (i: number) => ({ recommendedFrom: at(b, s.standard[i].from), recommendedUntil: before(b, s.standard[i].until) });
  const d1 = makePlan({ vaccine: 'hbv', dose: 1, routineStart, routineEnd, ...std(0) }, given);
  const a1 = anchorOf(d1, today)!;
  const d2 = makePlan({ vaccine: 'hbv', dose: 2, routineStart, routineEnd, after: [addDays(a1, s.intervalDays[2].days)], ...std(1) }, given);
  const a2 = anchorOf(d2, today)!;
  const d3 = makePlan(
    { vaccine: 'hbv', dose: 3, routineStart, routineEnd, after: [addDays(a1, s.intervalDays[3].days), addDays(a2, 1)], ...std(2) },
    given
  );
  return [d1, d2, d3];
}

function rotaPlans(child: ChildFacts, given: Given, today: string): DosePlan[] {
  const b = child.birthDate;
  const s = SCHEDULE.rota;
  const brand = given.get('rota.1')?.brand ?? null;
  const lastDay = at(b, s.lastDay[brand ?? 'rv1']);
  const brandNote: DoseNote = brand === 'rv5' ? 'rota_rv5' : brand === 'rv1' ? 'rota_rv1' : 'rota_brand_unknown';
  const d1 = makePlan(
    {
      vaccine: 'rota',
      dose: 1,
      routineStart: at(b, s.start),
      routineEnd: at(b, s.firstDoseUntil),
      recommendedFrom: at(b, s.standardFirst.from),
      recommendedUntil: at(b, s.firstDoseUntil),
      afterWindow: 'closed',
      notes: [brandNote, 'rota_first_dose_deadline']
    },
    given
  );
  const plans = [d1];
  // Without a first dose by 14週6日 the series is not started at all; the later doses are not shown.
  if (!d1.givenOn && today > d1.routineEnd) return plans;
  const count = brand ? s.doses[brand] : 2;
  for (let dose = 2; dose <= count; dose++) {
    const previous = plans[plans.length - 1];
    plans.push(
      makePlan(
        {
          vaccine: 'rota',
          dose,
          routineStart: at(b, s.start),
          routineEnd: lastDay,
          after: [addDays(anchorOf(previous, today)!, s.intervalDays)],
          afterWindow: 'closed',
          notes: [brandNote]
        },
        given
      )
    );
  }
  return plans;
}

/**
 * 小児用肺炎球菌 and Hib: how many doses depends on the age at the first dose (given, or expected today
 * at the earliest).
 */
function ageBandedPlans(vaccine: 'pcv' | 'hib', child: ChildFacts, given: Given, today: string): DosePlan[] {
  const b = child.birthDate;
  const s = vaccine === 'pcv' ? SCHEDULE.pcv : SCHEDULE.hib;
  const routineStart = at(b, s.routine.from);
  const routineEnd = before(b, s.routine.until);
  const primaryEnd = before(b, s.primaryUntil);
  const first = given.get(`${vaccine}.1`)?.givenOn ?? maxDate(routineStart, today);
  const boosterAfter = (previous: DosePlan): string[] => {
    const anchor = anchorOf(previous, today)!;
    const interval = vaccine === 'pcv' ? addDays(anchor, SCHEDULE.pcv.boosterIntervalDays) : addMonths(anchor, SCHEDULE.hib.boosterIntervalMonths);
    return [interval, at(b, s.boosterFrom)];
  };
  const standardFirst = { recommendedFrom: at(b, s.standardFirst.from), recommendedUntil: before(b, s.standardFirst.until) };
  const primaryGap = (p: DosePlan) => [addDays(anchorOf(p, today)!, s.primaryIntervalDays)];
  const band = first < at(b, { unit: 'months', value: 7 }) ? 0 : first < at(b, { unit: 'months', value: 12 }) ? 1 : first < at(b, { unit: 'months', value: 24 }) ? 2 : 3;
  const notes: DoseNote[] =
    vaccine === 'pcv'
      ? [(['pcv_started_before_7m', 'pcv_started_7_to_12m', 'pcv_started_12_to_24m', 'pcv_started_24m_plus'] as const)[band]]
      : [(['hib_started_before_7m', 'hib_started_7_to_12m', 'hib_started_12m_plus', 'hib_started_12m_plus'] as const)[band]];
  const d1 = makePlan({ vaccine, dose: 1, routineStart, routineEnd, ...standardFirst, notes }, given);
  const plans = [d1];
  if (band === 0 || band === 1) {
    const d2 = makePlan({ vaccine, dose: 2, routineStart, routineEnd: primaryEnd, after: primaryGap(d1), notes }, given);
    plans.push(d2);
    if (band === 0) {
      const d3 = makePlan({ vaccine, dose: 3, routineStart, routineEnd: primaryEnd, after: primaryGap(d2), notes }, given);
      plans.push(d3);
    }
    const last = plans[plans.length - 1];
    const booster = makePlan(
      {
        vaccine,
        dose: plans.length + 1,
        routineStart,
        routineEnd,
        after: boosterAfter(last),
        ...(vaccine === 'pcv' ? { recommendedFrom: at(b, SCHEDULE.pcv.standardBooster.from), recommendedUntil: before(b, SCHEDULE.pcv.standardBooster.until) } : {}),
        notes
      },
      given
    );
    plans.push(booster);
  } else if (band === 2 && vaccine === 'pcv') {
    plans.push(makePlan({ vaccine, dose: 2, routineStart, routineEnd, after: [addDays(anchorOf(d1, today)!, SCHEDULE.pcv.boosterIntervalDays)], notes }, given));
  }
  return plans;
}

function dtpPlans(vaccine: 'dpt_ipv_hib' | 'dpt_ipv', child: ChildFacts, given: Given, today: string): DosePlan[] {
  const b = child.birthDate;
  const s = SCHEDULE.dtp;
  const routineStart = at(b, s.routine.from);
  const routineEnd = before(b, s.routine.until);
  const notes: DoseNote[] = vaccine === 'dpt_ipv' ? ['dtp_series_4'] : [];
  const d1 = makePlan(
    { vaccine, dose: 1, routineStart, routineEnd, recommendedFrom: at(b, s.standardFirst.from), recommendedUntil: before(b, s.standardFirst.until), notes },
    given
  );
  const plans = [d1];
  for (const dose of [2, 3]) {
    const previous = plans[plans.length - 1];
    const anchor = anchorOf(previous, today)!;
    plans.push(
      makePlan(
        { vaccine, dose, routineStart, routineEnd, after: [addDays(anchor, s.primaryIntervalDays)], recommendedUntil: addDays(anchor, s.standardPrimaryIntervalDays), notes },
        given
      )
    );
  }
  const anchor3 = anchorOf(plans[2], today)!;
  plans.push(
    makePlan(
      { vaccine, dose: 4, routineStart, routineEnd, after: [addMonths(anchor3, s.boosterIntervalMonths)], recommendedUntil: addMonths(anchor3, s.standardBoosterMonths), notes },
      given
    )
  );
  return plans;
}

function singleWindowPlan(vaccine: VaccineCode, dose: number, child: ChildFacts, given: Given, window: { from: Age; until: Age }, standard?: { from: Age; until: Age }): DosePlan {
  const b = child.birthDate;
  return makePlan(
    {
      vaccine,
      dose,
      routineStart: at(b, window.from),
      routineEnd: before(b, window.until),
      ...(standard ? { recommendedFrom: at(b, standard.from), recommendedUntil: before(b, standard.until) } : {})
    },
    given
  );
}

function mrPlans(child: ChildFacts, given: Given): DosePlan[] {
  const b = child.birthDate;
  const d1 = singleWindowPlan('mr', 1, child, given, SCHEDULE.mr.first, SCHEDULE.mr.standardFirst);
  // 2期: 小学校就学前の1年間 (年長), 1 April to 31 March of the school year in which the child turns 6.
  const start = startOfSchoolYearTurning(b, 6);
  const end = endOfSchoolYearTurning(b, 6);
  const d2 = makePlan({ vaccine: 'mr', dose: 2, routineStart: start, routineEnd: end, after: d1.givenOn ? [addDays(d1.givenOn, 1)] : [] }, given);
  return [d1, d2];
}

function varicellaPlans(child: ChildFacts, given: Given, today: string): DosePlan[] {
  const s = SCHEDULE.varicella;
  const d1 = singleWindowPlan('varicella', 1, child, given, s.routine, s.standardFirst);
  const anchor = anchorOf(d1, today)!;
  const d2 = makePlan(
    {
      vaccine: 'varicella',
      dose: 2,
      routineStart: d1.routineStart,
      routineEnd: d1.routineEnd,
      after: [addMonths(anchor, s.intervalMonths)],
      recommendedFrom: addMonths(anchor, s.standardSecondMonths.from),
      recommendedUntil: addMonths(anchor, s.standardSecondMonths.until)
    },
    given
  );
  return [d1, d2];
}

function jePlans(child: ChildFacts, given: Given, today: string): DosePlan[] {
  const b = child.birthDate;
  const s = SCHEDULE.je;
  const routineStart = at(b, s.first.from);
  const routineEnd = before(b, s.first.until);
  const d1 = makePlan(
    { vaccine: 'je', dose: 1, routineStart, routineEnd, recommendedFrom: at(b, s.standardFirst.from), recommendedUntil: before(b, s.standardFirst.until) },
    given
  );
  const a1 = anchorOf(d1, today)!;
  const d2 = makePlan(
    { vaccine: 'je', dose: 2, routineStart, routineEnd, after: [addDays(a1, s.primaryIntervalDays)], recommendedUntil: addDays(a1, s.standardPrimaryIntervalDays) },
    given
  );
  const a2 = anchorOf(d2, today)!;
  const d3 = makePlan(
    {
      vaccine: 'je',
      dose: 3,
      routineStart,
      routineEnd,
      after: [addMonths(a2, s.boosterIntervalMonths)],
      recommendedFrom: addMonths(a2, s.standardBoosterMonths)
    },
    given
  );
  const d4 = singleWindowPlan('je', 4, child, given, s.second, s.standardSecond);
  return [d1, d2, d3, d4];
}

function hpvPlans(child: ChildFacts, given: Given, today: string): DosePlan[] {
  if (child.sex === 'male') return [];
  const b = child.birthDate;
  const s = SCHEDULE.hpv;
  const routineStart = startOfSchoolYearTurning(b, s.fromSchoolYearTurning);
  const routineEnd = endOfSchoolYearTurning(b, s.untilSchoolYearTurning);
  if (child.sex === null) {
    // Asked only when it becomes relevant: from 180 days before the window opens until it closes.
    if (today < addDays(routineStart, -s.askSexDaysBefore) || today > routineEnd) return [];
    const ask = makePlan({ vaccine: 'hpv', dose: 1, routineStart, routineEnd, recommendedFrom: startOfSchoolYearTurning(b, s.standardSchoolYearTurning) }, given);
    return [{ ...ask, needsSex: true }];
  }
  const d1 = makePlan(
    {
      vaccine: 'hpv',
      dose: 1,
      routineStart,
      routineEnd,
      recommendedFrom: startOfSchoolYearTurning(b, s.standardSchoolYearTurning),
      recommendedUntil: endOfSchoolYearTurning(b, s.standardSchoolYearTurning)
    },
    given
  );
  const a1 = anchorOf(d1, today)!;
  const twoDoses = a1 < at(b, s.twoDoseIfStartedBefore);
  if (twoDoses) {
    const d2 = makePlan(
      { vaccine: 'hpv', dose: 2, routineStart, routineEnd, after: [addMonths(a1, s.twoDoseIntervalMonths)], recommendedFrom: addMonths(a1, s.twoDoseStandardMonths), notes: ['hpv_two_doses'] },
      given
    );
    return [{ ...d1, notes: ['hpv_two_doses'] }, d2];
  }
  const d2 = makePlan(
    {
      vaccine: 'hpv',
      dose: 2,
      routineStart,
      routineEnd,
      after: [addMonths(a1, s.threeDoseSecondMonths)],
      recommendedFrom: addMonths(a1, s.threeDoseSecondStandardMonths),
      notes: ['hpv_three_doses']
    },
    given
  );
  const a2 = anchorOf(d2, today)!;
  const d3 = makePlan(
    {
      vaccine: 'hpv',
      dose: 3,
      routineStart,
      routineEnd,
      after: [addMonths(a2, s.threeDoseThirdAfterSecondMonths)],
      recommendedFrom: addMonths(a1, s.threeDoseThirdStandardMonths),
      notes: ['hpv_three_doses']
    },
    given
  );
  return [{ ...d1, notes: ['hpv_three_doses'] }, d2, d3];
}

/** Which diphtheria–tetanus–polio series the child is on: 4種混合 + Hib only if a dose of either was recorded. */
export function dtpSeriesOf(doses: readonly DoseRecord[]): '5' | '4+hib' {
  return doses.some((d) => d.vaccine === 'dpt_ipv' || d.vaccine === 'hib') ? '4+hib' : '5';
}

/** A not-yet-given 注射生ワクチン waits ≥27 days after any other live injected vaccine actually given. */
function applyLiveGap(plans: DosePlan[], doses: readonly DoseRecord[]): DosePlan[] {
  const live = doses.filter((d) => LIVE_INJECTED.includes(d.vaccine));
  if (live.length === 0) return plans;
  return plans.map((plan) => {
    if (plan.givenOn || !LIVE_INJECTED.includes(plan.vaccine)) return plan;
    const others = live.filter((d) => d.vaccine !== plan.vaccine).map((d) => addDays(d.givenOn, LIVE_INJECTED_GAP_DAYS + 1));
    if (others.length === 0) return plan;
    const bound = maxDate(...others);
    if (bound <= plan.earliest) return plan;
    return { ...plan, earliest: bound, recommendedFrom: maxDate(plan.recommendedFrom, bound), notes: [...plan.notes, 'live_vaccine_gap'] };
  });
}

/** Every routine dose for this child on `today`, in schedule order. */
export function planImmunisations(child: ChildFacts, doses: readonly DoseRecord[], today: string): DosePlan[] {
  const given = givenMap(doses);
  const series = dtpSeriesOf(doses);
  const plans = [
    ...hbvPlans(child, given, today),
    ...rotaPlans(child, given, today),
    ...ageBandedPlans('pcv', child, given, today),
    ...(series === '5' ? dtpPlans('dpt_ipv_hib', child, given, today) : [...dtpPlans('dpt_ipv', child, given, today), ...ageBandedPlans('hib', child, given, today)]),
    singleWindowPlan('bcg', 1, child, given, SCHEDULE.bcg.routine, SCHEDULE.bcg.standard),
    ...mrPlans(child, given),
    ...varicellaPlans(child, given, today),
    ...jePlans(child, given, today),
    singleWindowPlan('dt', 1, child, given, SCHEDULE.dt.routine, SCHEDULE.dt.standard),
    ...hpvPlans(child, given, today)
  ];
  return applyLiveGap(plans, doses);
}

export type DoseStatus = 'done' | 'due' | 'upcoming' | 'optional_self_paid' | 'closed';

/**
 * A dose's status on `today`. After the routine window a missing dose is 任意接種（自己負担） — never
 * "overdue" — except ロタウイルス, which cannot be given late at all ('closed').
 */
export function doseStatus(plan: DosePlan, today: string): DoseStatus {
  if (plan.givenOn) return 'done';
  if (today > plan.routineEnd || plan.earliest > plan.routineEnd) return plan.afterWindow;
  return today >= plan.recommendedFrom ? 'due' : 'upcoming';
}

export type DoseProblem =
  | 'guidance_error_vaccine_unknown'
  | 'guidance_error_dose_number'
  | 'guidance_error_dose_date_before_birth'
  | 'guidance_error_dose_date_future'
  | 'guidance_error_dose_order'
  | 'guidance_error_dose_previous_missing'
  | 'guidance_error_rota_brand_required'
  | 'guidance_error_rota_brand_mixed'
  | 'guidance_error_rota_brand_doses'
  | 'guidance_error_series_mixed';

/**
 * Checks a child's whole set of recorded doses (after an addition); returns the first problem per dose
 * key ('vaccine.dose'). Real dates are accepted even when shorter than a minimum interval (the dose was
 * given; the next one moves), but their order must hold and brands and series must not be mixed.
 */
export function checkDoseSet(child: ChildFacts, doses: readonly DoseRecord[], today: string): Record<string, DoseProblem> {
  const problems: Record<string, DoseProblem> = {};
  const given = givenMap(doses);
  const has5 = doses.some((d) => d.vaccine === 'dpt_ipv_hib');
  const has4 = doses.some((d) => d.vaccine === 'dpt_ipv' || d.vaccine === 'hib');
  const rotaBrand = given.get('rota.1')?.brand ?? null;
  for (const d of doses) {
    const key = `${d.vaccine}.${d.dose}`;
    const flag = (problem: DoseProblem) => {
      if (!problems[key]) problems[key] = problem;
    };
    if (!(VACCINES as readonly string[]).includes(d.vaccine)) {
      flag('guidance_error_vaccine_unknown');
      continue;
    }
    if (!Number.isInteger(d.dose) || d.dose < 1 || d.dose > MAX_DOSES[d.vaccine]) flag('guidance_error_dose_number');
    if (d.givenOn < child.birthDate) flag('guidance_error_dose_date_before_birth');
    if (d.givenOn > today) flag('guidance_error_dose_date_future');
    if (d.dose > 1) {
      const previous = given.get(`${d.vaccine}.${d.dose - 1}`);
      if (!previous) flag('guidance_error_dose_previous_missing');
      else if (previous.givenOn >= d.givenOn) flag('guidance_error_dose_order');
    }
    if (d.vaccine === 'rota') {
      if (!d.brand) flag('guidance_error_rota_brand_required');
      else if (rotaBrand && d.brand !== rotaBrand) flag('guidance_error_rota_brand_mixed');
      else if (d.dose > SCHEDULE.rota.doses[d.brand]) flag('guidance_error_rota_brand_doses');
    }
    if (has5 && has4 && (d.vaccine === 'dpt_ipv_hib' || d.vaccine === 'dpt_ipv' || d.vaccine === 'hib')) flag('guidance_error_series_mixed');
  }
  return problems;
}

/**
 * The widest routine window of a dose as a plain age or school-year trigger, for counting how many
 * households a dose rule reaches (recorded doses and sex are not considered in that count).
 */
export function routineWindowTrigger(vaccine: VaccineCode, dose: number): { type: 'age'; from: Age; until: Age } | { type: 'school_year'; fromTurning: number; untilTurning: number } {
  const age = (from: Age, until: Age) => ({ type: 'age' as const, from, until });
  const dayAfter = (a: Age): Age => ({ unit: 'days', value: a.value + 1 });
  switch (vaccine) {
    case 'hbv':
      return age(SCHEDULE.hbv.routine.from, SCHEDULE.hbv.routine.until);
    case 'rota':
      return dose === 1 ? age(SCHEDULE.rota.start, dayAfter(SCHEDULE.rota.firstDoseUntil)) : age(SCHEDULE.rota.start, dayAfter(SCHEDULE.rota.lastDay.rv5));
    case 'pcv':
    case 'hib': {
      const s = SCHEDULE[vaccine];
      return dose === 2 || dose === 3 ? age(s.routine.from, s.primaryUntil) : age(s.routine.from, s.routine.until);
    }
    case 'dpt_ipv_hib':
    case 'dpt_ipv':
      return age(SCHEDULE.dtp.routine.from, SCHEDULE.dtp.routine.until);
    case 'bcg':
      return age(SCHEDULE.bcg.routine.from, SCHEDULE.bcg.routine.until);
    case 'mr':
      return dose === 1 ? age(SCHEDULE.mr.first.from, SCHEDULE.mr.first.until) : { type: 'school_year', fromTurning: 6, untilTurning: 6 };
    case 'varicella':
      return age(SCHEDULE.varicella.routine.from, SCHEDULE.varicella.routine.until);
    case 'je':
      return dose === 4 ? age(SCHEDULE.je.second.from, SCHEDULE.je.second.until) : age(SCHEDULE.je.first.from, SCHEDULE.je.first.until);
    case 'dt':
      return age(SCHEDULE.dt.routine.from, SCHEDULE.dt.routine.until);
    case 'hpv':
      return { type: 'school_year', fromTurning: SCHEDULE.hpv.fromSchoolYearTurning, untilTurning: SCHEDULE.hpv.untilSchoolYearTurning };
  }
}

/** Children born from this day could not have started on 4種混合 + Hib (5種混合 replaced it on 2024-04-01). */
export const FIVE_IN_ONE_ONLY_FROM_BIRTH = '2024-04-01';

/**
 * The doses whose routine window has opened by `today` and that are not recorded yet: the rows of the
 * one-time "past doses" form for an older child.
 */
export function pastDoseCandidates(child: ChildFacts, doses: readonly DoseRecord[], today: string): { vaccine: VaccineCode; dose: number }[] {
  const recorded = new Set(doses.map((d) => `${d.vaccine}.${d.dose}`));
  const out: { vaccine: VaccineCode; dose: number }[] = [];
  for (const vaccine of VACCINES) {
    if ((vaccine === 'dpt_ipv' || vaccine === 'hib') && child.birthDate >= FIVE_IN_ONE_ONLY_FROM_BIRTH) continue;
    if (vaccine === 'hpv' && child.sex !== 'female') continue;
    for (let dose = 1; dose <= MAX_DOSES[vaccine]; dose++) {
      if (recorded.has(`${vaccine}.${dose}`)) continue;
      const trigger = routineWindowTrigger(vaccine, dose);
      const start = trigger.type === 'age' ? dateReaching(child.birthDate, trigger.from) : startOfSchoolYearTurning(child.birthDate, trigger.fromTurning);
      if (start <= today) out.push({ vaccine, dose });
    }
  }
  return out;
}
