/**
 * The routine immunisation schedule (定期接種) as data: windows, standard timings and minimum intervals.
 * Source: reference/jp-standards.md §2 (municipal pages restating the 定期接種実施要領, the 日本小児科学会
 * schedule of 2024-11-14). Ages are calendar ages (see life-dates.ts); `days` ages count from the birth day.
 * The national schedule is the same in every municipality, so it is versioned here, not edited per ward;
 * each dose's wording, department and publication are ward-editable rules (immunisation.<vaccine>.<dose>).
 */
import type { Age } from '../life-dates.ts';

export const IMMUNISATION_SCHEDULE_VERSION = 1;

export const VACCINES = ['hbv', 'rota', 'pcv', 'dpt_ipv_hib', 'dpt_ipv', 'hib', 'bcg', 'mr', 'varicella', 'je', 'dt', 'hpv'] as const;
export type VaccineCode = (typeof VACCINES)[number];

export const ROTA_BRANDS = ['rv1', 'rv5'] as const;
export type RotaBrand = (typeof ROTA_BRANDS)[number];

/** The most doses of each vaccine a child can have in the routine schedule. */
export const MAX_DOSES: Record<VaccineCode, number> = {
  hbv: 3,
  rota: 3,
  pcv: 4,
  dpt_ipv_hib: 4,
  dpt_ipv: 4,
  hib: 4,
  bcg: 1,
  mr: 2,
  varicella: 2,
  je: 4,
  dt: 1,
  hpv: 3
};

/** 注射生ワクチン: since 2020-10-01 only these need ≥27 days between two different vaccines. */
export const LIVE_INJECTED: readonly VaccineCode[] = ['bcg', 'mr', 'varicella'];
export const LIVE_INJECTED_GAP_DAYS = 27;

const months = (value: number): Age => ({ unit: 'months', value });
const days = (value: number): Age => ({ unit: 'days', value });
const years = (value: number): Age => ({ unit: 'years', value });

export const SCHEDULE = {
  hbv: {
    routine: { from: days(0), until: years(1) },
    standard: [
      { from: months(2), until: months(3) },
      { from: months(2), until: months(9) },
      { from: months(7), until: months(9) }
    ],
    /** 1→2 ≥27日; 1→3 ≥139日 */
    intervalDays: { 2: { afterDose: 1, days: 27 }, 3: { afterDose: 1, days: 139 } }
  },
  rota: {
    /** 出生6週0日後から; 1回目は出生14週6日後まで. */
    start: days(42),
    firstDoseUntil: days(14 * 7 + 6),
    /** 1価 (ロタリックス) 24週0日後まで, 2回; 5価 (ロタテック) 32週0日後まで, 3回. Inclusive last days. */
    lastDay: { rv1: days(24 * 7), rv5: days(32 * 7) },
    doses: { rv1: 2, rv5: 3 },
    standardFirst: { from: months(2), until: months(3) },
    intervalDays: 27
  },
  pcv: {
    routine: { from: months(2), until: months(60) },
    /** 初回2・3回目 are routine up to 24 months (unverified detail, see the rule note). */
    primaryUntil: months(24),
    standardFirst: { from: months(2), until: months(3) },
    primaryIntervalDays: 27,
    boosterIntervalDays: 60,
    boosterFrom: months(12),
    standardBooster: { from: months(12), until: months(16) }
  },
  hib: {
    routine: { from: months(2), until: months(60) },
    primaryUntil: months(24),
    standardFirst: { from: months(2), until: months(3) },
    primaryIntervalDays: 27,
    boosterIntervalMonths: 7,
    boosterFrom: months(12)
  },
  /** 5種混合 and 4種混合 share intervals: 初回 ≥20日 (標準 20–56日), 追加 初回3回目から ≥6月 (標準 6–18月). */
  dtp: {
    routine: { from: months(2), until: months(90) },
    standardFirst: { from: months(2), until: months(3) },
    primaryIntervalDays: 20,
    standardPrimaryIntervalDays: 56,
    boosterIntervalMonths: 6,
    standardBoosterMonths: 18
  },
  bcg: { routine: { from: days(0), until: years(1) }, standard: { from: months(5), until: months(9) } },
  mr: {
    first: { from: months(12), until: months(24) },
    standardFirst: { from: months(12), until: months(13) }
    /** 2期: the school year before elementary school (年長), computed from the school year. */
  },
  varicella: {
    routine: { from: months(12), until: months(36) },
    standardFirst: { from: months(12), until: months(16) },
    intervalMonths: 3,
    standardSecondMonths: { from: 6, until: 12 }
  },
  je: {
    first: { from: months(6), until: months(90) },
    standardFirst: { from: years(3), until: years(4) },
    primaryIntervalDays: 6,
    standardPrimaryIntervalDays: 28,
    boosterIntervalMonths: 6,
    standardBoosterMonths: 12,
    second: { from: years(9), until: years(13) },
    standardSecond: { from: years(9), until: years(10) }
  },
  dt: { routine: { from: years(11), until: years(13) }, standard: { from: years(11), until: years(12) } },
  hpv: {
    /** 小6 (the school year in which she turns 12) to 高1相当 (the school year in which she turns 16). */
    fromSchoolYearTurning: 12,
    untilSchoolYearTurning: 16,
    standardSchoolYearTurning: 13,
    /** Asked for the child's sex this many days before the window opens. */
    askSexDaysBefore: 180,
    /** 9価 started before the 15th birthday: 2 doses ≥5 months apart (標準 6 months). */
    twoDoseIfStartedBefore: years(15),
    twoDoseIntervalMonths: 5,
    twoDoseStandardMonths: 6,
    /** Otherwise 3 doses: 2→ ≥1 month after 1 (標準 2 months), 3 → ≥3 months after 2 (標準 6 months after 1). */
    threeDoseSecondMonths: 1,
    threeDoseSecondStandardMonths: 2,
    threeDoseThirdAfterSecondMonths: 3,
    threeDoseThirdStandardMonths: 6
  }
} as const;
