import { describe, expect, it } from 'vitest';
import { addDays } from '../platform/clock.ts';
import { checkDoseSet, doseStatus, pastDoseCandidates, planImmunisations, type ChildFacts, type DoseRecord } from './immunisation.ts';

const baby: ChildFacts = { birthDate: '2026-01-15', sex: null };

function plan(child: ChildFacts, doses: DoseRecord[], today: string, key: string) {
  const found = planImmunisations(child, doses, today).find((p) => p.ruleKey === key);
  return found ? { ...found, status: doseStatus(found, today) } : undefined;
}

function statuses(child: ChildFacts, doses: DoseRecord[], today: string) {
  return Object.fromEntries(planImmunisations(child, doses, today).map((p) => [p.ruleKey, doseStatus(p, today)]));
}

const dose = (vaccine: DoseRecord['vaccine'], n: number, givenOn: string, brand: DoseRecord['brand'] = null): DoseRecord => ({ vaccine, dose: n, givenOn, brand });

describe('at 2 months (生後2月に至った日) the first vaccinations are due', () => {
  it.each([
    ['the day before 2 months', '2026-03-14', 'upcoming'],
    ['the day the child reaches 2 months', '2026-03-15', 'due']
  ])('%s: B型肝炎, ロタウイルス, 小児用肺炎球菌 and 5種混合 dose 1 are %s', (_, today, expected) => {
    const s = statuses(baby, [], today);
    for (const key of ['immunisation.hbv.1', 'immunisation.rota.1', 'immunisation.pcv.1', 'immunisation.dpt_ipv_hib.1']) expect(s[key], key).toBe(expected);
    expect(s['immunisation.bcg.1']).toBe('upcoming');
    expect(s['immunisation.dpt_ipv.1']).toBeUndefined();
  });

  it('a child born on 31 December has its 2-month vaccinations due on 28 February', () => {
    const child = { birthDate: '2025-12-31', sex: null };
    expect(statuses(child, [], '2026-02-27')['immunisation.pcv.1']).toBe('upcoming');
    expect(statuses(child, [], '2026-02-28')['immunisation.pcv.1']).toBe('due');
  });
});

describe('recorded dose dates drive the next dose by the minimum interval', () => {
  it('B型肝炎: dose 2 ≥27 days after dose 1, dose 3 ≥139 days after dose 1 (from the real date)', () => {
    const before = plan(baby, [], '2026-03-20', 'immunisation.hbv.2')!;
    expect(before.earliest).toBe(addDays('2026-03-20', 27));
    const doses = [dose('hbv', 1, '2026-03-16')];
    expect(plan(baby, doses, '2026-03-20', 'immunisation.hbv.1')!.status).toBe('done');
    expect(plan(baby, doses, '2026-03-20', 'immunisation.hbv.2')!.earliest).toBe('2026-04-12');
    expect(plan(baby, doses, '2026-03-20', 'immunisation.hbv.3')!.earliest).toBe('2026-08-02');
    expect(plan(baby, doses, '2026-04-11', 'immunisation.hbv.2')!.status).toBe('upcoming');
    expect(plan(baby, doses, '2026-04-12', 'immunisation.hbv.2')!.status).toBe('due');
  });

  it('5種混合: primary doses ≥20 days apart, booster ≥6 months after dose 3', () => {
    const doses = [dose('dpt_ipv_hib', 1, '2026-03-15'), dose('dpt_ipv_hib', 2, '2026-04-20'), dose('dpt_ipv_hib', 3, '2026-05-31')];
    expect(plan(baby, doses.slice(0, 1), '2026-03-20', 'immunisation.dpt_ipv_hib.2')!.earliest).toBe('2026-04-04');
    expect(plan(baby, doses, '2026-06-01', 'immunisation.dpt_ipv_hib.4')!.earliest).toBe('2026-11-30');
  });

  it('水痘: dose 2 ≥3 months after dose 1', () => {
    const child = { birthDate: '2025-01-31', sex: null };
    expect(plan(child, [dose('varicella', 1, '2026-01-31')], '2026-02-01', 'immunisation.varicella.2')!.earliest).toBe('2026-04-30');
  });

  it('注射生ワクチン: a live injected vaccine waits 27 full days after another one', () => {
    const child = { birthDate: '2025-03-01', sex: null };
    const doses = [dose('bcg', 1, '2026-02-20')];
    const mr = plan(child, doses, '2026-02-21', 'immunisation.mr.1')!;
    expect(mr.routineStart).toBe('2026-03-01');
    expect(mr.earliest).toBe('2026-03-20');
    expect(mr.notes).toContain('live_vaccine_gap');
    // rotavirus is oral: no gap
    expect(plan(baby, [dose('bcg', 1, '2026-02-20')], '2026-03-15', 'immunisation.rota.1')!.earliest).toBe('2026-02-26');
  });
});

describe('小児用肺炎球菌: the number of doses depends on the age at the first dose', () => {
  it.each([
    ['started at 3 months', '2026-04-15', 4],
    ['started the day before 7 months', '2026-08-14', 4],
    ['started at 7 months', '2026-08-15', 3],
    ['started at 11 months', '2026-12-15', 3],
    ['started at 12 months', '2027-01-15', 2],
    ['started at 23 months', '2027-12-15', 2],
    ['started at 24 months', '2028-01-15', 1],
    ['started at 4 years', '2030-01-15', 1]
  ])('%s: %i doses', (_, first, count) => {
    const plans = planImmunisations(baby, [dose('pcv', 1, first)], first).filter((p) => p.vaccine === 'pcv');
    expect(plans).toHaveLength(count);
  });

  it('the booster comes ≥60 days after the last primary dose and not before the first birthday', () => {
    const doses = [dose('pcv', 1, '2026-03-15'), dose('pcv', 2, '2026-04-15'), dose('pcv', 3, '2026-05-15')];
    expect(plan(baby, doses, '2026-05-16', 'immunisation.pcv.4')!.earliest).toBe('2027-01-15');
    const late = [dose('pcv', 1, '2026-04-15'), dose('pcv', 2, '2026-05-15'), dose('pcv', 3, '2026-12-01')];
    expect(plan(baby, late, '2026-12-02', 'immunisation.pcv.4')!.earliest).toBe('2027-01-30');
  });

  it('a child not yet vaccinated at 8 months is planned for 3 doses', () => {
    expect(planImmunisations(baby, [], '2026-09-20').filter((p) => p.vaccine === 'pcv')).toHaveLength(3);
  });
});

describe('ロタウイルス: a first-dose deadline and two brands that are never mixed', () => {
  it('the first dose is possible from 6週0日 and closes after 14週6日 (then the series is not started)', () => {
    expect(plan(baby, [], '2026-02-25', 'immunisation.rota.1')!.routineStart).toBe('2026-02-26');
    expect(plan(baby, [], '2026-04-29', 'immunisation.rota.1')!.status).toBe('due');
    expect(plan(baby, [], '2026-04-30', 'immunisation.rota.1')!.status).toBe('closed');
    expect(plan(baby, [], '2026-04-30', 'immunisation.rota.2')).toBeUndefined();
  });

  it('1価 (ロタリックス): 2 doses up to 24週0日; 5価 (ロタテック): 3 doses up to 32週0日', () => {
    const rv1 = planImmunisations(baby, [dose('rota', 1, '2026-03-15', 'rv1')], '2026-03-16').filter((p) => p.vaccine === 'rota');
    expect(rv1.map((p) => p.dose)).toEqual([1, 2]);
    expect(rv1[1].routineEnd).toBe('2026-07-02');
    expect(rv1[1].earliest).toBe('2026-04-11');
    const rv5 = planImmunisations(baby, [dose('rota', 1, '2026-03-15', 'rv5')], '2026-03-16').filter((p) => p.vaccine === 'rota');
    expect(rv5.map((p) => p.dose)).toEqual([1, 2, 3]);
    expect(rv5[2].routineEnd).toBe('2026-08-27');
  });

  it('a missed rotavirus dose is closed, not offered as 任意接種', () => {
    expect(plan(baby, [dose('rota', 1, '2026-03-15', 'rv1')], '2026-07-03', 'immunisation.rota.2')!.status).toBe('closed');
  });

  it('a brand change, a missing brand or a third 1価 dose is refused', () => {
    expect(checkDoseSet(baby, [dose('rota', 1, '2026-03-15', 'rv1'), dose('rota', 2, '2026-04-15', 'rv5')], '2026-05-01')['rota.2']).toBe('guidance_error_rota_brand_mixed');
    expect(checkDoseSet(baby, [dose('rota', 1, '2026-03-15', null)], '2026-05-01')['rota.1']).toBe('guidance_error_rota_brand_required');
    expect(
      checkDoseSet(baby, [dose('rota', 1, '2026-03-15', 'rv1'), dose('rota', 2, '2026-04-15', 'rv1'), dose('rota', 3, '2026-05-15', 'rv1')], '2026-06-01')['rota.3']
    ).toBe('guidance_error_rota_brand_doses');
  });
});

describe('5種混合 and 4種混合 + Hib are separate series', () => {
  it('a child who started on 4種混合 continues with 4種混合 and Hib, and sees no 5種混合', () => {
    const child = { birthDate: '2023-12-01', sex: null };
    const plans = planImmunisations(child, [dose('dpt_ipv', 1, '2024-02-01')], '2024-03-01');
    expect(plans.some((p) => p.vaccine === 'dpt_ipv_hib')).toBe(false);
    expect(plans.filter((p) => p.vaccine === 'dpt_ipv')).toHaveLength(4);
    expect(plans.some((p) => p.vaccine === 'hib')).toBe(true);
  });

  it('recording 5種混合 after 4種混合 (or Hib) is refused as a mixed series', () => {
    const child = { birthDate: '2023-12-01', sex: null };
    const problems = checkDoseSet(child, [dose('dpt_ipv', 1, '2024-02-01'), dose('dpt_ipv_hib', 1, '2024-04-10')], '2024-05-01');
    expect(problems['dpt_ipv_hib.1']).toBe('guidance_error_series_mixed');
  });
});

describe('after the routine window a missing dose is 任意接種（自己負担）, never overdue', () => {
  it('B型肝炎 dose 1 missing at the first birthday becomes optional and self-paid', () => {
    expect(plan(baby, [], '2027-01-14', 'immunisation.hbv.1')!.status).toBe('due');
    expect(plan(baby, [], '2027-01-15', 'immunisation.hbv.1')!.status).toBe('optional_self_paid');
  });

  it('no dose of any vaccine is ever "overdue" across the first 13 years', () => {
    const seen = new Set<string>();
    for (let day = 0; day < 13 * 366; day += 17) {
      const today = addDays(baby.birthDate, day);
      for (const p of planImmunisations({ ...baby, sex: 'female' }, [], today)) seen.add(doseStatus(p, today));
    }
    expect(seen.has('overdue' as never)).toBe(false);
    expect([...seen].sort()).toEqual(['closed', 'due', 'optional_self_paid', 'upcoming']);
  });
});

describe('HPV asks for the child’s sex only when it becomes relevant', () => {
  const child = { birthDate: '2014-06-01', sex: null };
  it('the routine window is 小6 to 高1相当 (1 April of the year she turns 12 to 31 March of the year she turns 16)', () => {
    const p = plan({ ...child, sex: 'female' }, [], '2026-04-01', 'immunisation.hpv.1')!;
    expect([p.routineStart, p.routineEnd]).toEqual(['2026-04-01', '2031-03-31']);
  });

  it('with the sex unknown, nothing is asked until 180 days before the window, then the timeline asks', () => {
    expect(plan(child, [], '2025-10-02', 'immunisation.hpv.1')).toBeUndefined();
    expect(plan(child, [], '2025-10-03', 'immunisation.hpv.1')!.needsSex).toBe(true);
  });

  it('boys have no routine HPV dose; girls who start before 15 need 2 doses, later 3', () => {
    expect(plan({ ...child, sex: 'male' }, [], '2026-05-01', 'immunisation.hpv.1')).toBeUndefined();
    const girl = { ...child, sex: 'female' as const };
    expect(planImmunisations(girl, [dose('hpv', 1, '2027-05-01')], '2027-05-02').filter((p) => p.vaccine === 'hpv')).toHaveLength(2);
    expect(plan(girl, [dose('hpv', 1, '2027-05-01')], '2027-05-02', 'immunisation.hpv.2')!.earliest).toBe('2027-10-01');
    expect(planImmunisations(girl, [dose('hpv', 1, '2029-06-01')], '2029-06-02').filter((p) => p.vaccine === 'hpv')).toHaveLength(3);
  });
});

describe('MR 2期 and school years', () => {
  it.each([
    ['2020-04-01', '2025-04-01', '2026-03-31'],
    ['2020-04-02', '2026-04-01', '2027-03-31']
  ])('born %s: 2期 window %s – %s (the year before elementary school)', (birthDate, start, end) => {
    const p = plan({ birthDate, sex: null }, [], '2025-01-01', 'immunisation.mr.2')!;
    expect([p.routineStart, p.routineEnd]).toEqual([start, end]);
  });
});

describe('recorded doses must be in order and dated between birth and today', () => {
  it.each([
    [[dose('hbv', 1, '2026-01-10')], 'hbv.1', 'guidance_error_dose_date_before_birth'],
    [[dose('hbv', 1, '2026-06-02')], 'hbv.1', 'guidance_error_dose_date_future'],
    [[dose('hbv', 2, '2026-04-01')], 'hbv.2', 'guidance_error_dose_previous_missing'],
    [[dose('hbv', 1, '2026-04-01'), dose('hbv', 2, '2026-04-01')], 'hbv.2', 'guidance_error_dose_order']
  ])('%o → %s: %s', (doses, key, problem) => {
    expect(checkDoseSet(baby, doses, '2026-06-01')[key]).toBe(problem);
  });
});

describe('past doses for an older child', () => {
  it('lists every dose whose routine window has opened and is not recorded yet', () => {
    const child = { birthDate: '2024-05-01', sex: null };
    const rows = pastDoseCandidates(child, [dose('hbv', 1, '2024-07-01')], '2026-06-01').map((r) => `${r.vaccine}.${r.dose}`);
    expect(rows).toContain('hbv.2');
    expect(rows).not.toContain('hbv.1');
    expect(rows).toContain('mr.1');
    expect(rows).not.toContain('mr.2');
    expect(rows).not.toContain('dpt_ipv.1');
    expect(rows).toContain('je.1');
    expect(rows).not.toContain('dt.1');
    expect(pastDoseCandidates({ birthDate: '2023-06-01', sex: null }, [], '2026-06-01').map((r) => r.vaccine)).toContain('dpt_ipv');
  });
});
