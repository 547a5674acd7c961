import { describe, expect, it } from 'vitest';
import { addDays } from '../platform/clock.ts';
import { STANDARD_RULES } from './rule-sets/standard.ts';
import { MAX_DOSES, VACCINES } from './rule-sets/immunisation-schedule.ts';
import { CONTENT_LOCALES, pregnancyWindow, triggerWindow, windowStatus, type PregnancySubject, type RuleDefinition } from './rules.ts';

const child = { type: 'child' as const, birthDate: '2026-01-31' };
const pregnancy: PregnancySubject = { type: 'pregnancy', dueDate: '2026-12-31', fetusCount: 1, outcome: null, outcomeDate: null };
const byKey = (key: string) => STANDARD_RULES.find((r) => r.key === key)!;

describe('the built-in rule set', () => {
  it('has unique stable keys, content in ja / en / やさしい日本語 and a department for every rule', () => {
    const keys = STANDARD_RULES.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of STANDARD_RULES) {
      for (const locale of CONTENT_LOCALES) for (const part of ['title', 'what', 'why', 'where'] as const) expect(rule.content[locale][part].trim(), `${rule.key} ${locale} ${part}`).not.toBe('');
      expect(rule.department).toMatch(/^(hoken|kosodate)$/);
    }
  });

  it('covers 妊婦健診 ×14, the infant check-ups, 伴走型 interviews, 支援給付 ×2, 児童手当, 出生届 and every routine dose', () => {
    expect(STANDARD_RULES.filter((r) => /^checkup\.prenatal\.\d+$/.test(r.key))).toHaveLength(14);
    for (const key of ['checkup.infant.1m', 'checkup.infant.3-4m', 'checkup.infant.1y6m', 'checkup.infant.3y', 'interview.pregnancy.notification', 'interview.pregnancy.eighth-month', 'interview.child.home-visit', 'benefit.pregnancy-support.first', 'benefit.pregnancy-support.second', 'benefit.child-allowance.application', 'procedure.birth-registration']) {
      expect(byKey(key), key).toBeDefined();
    }
    for (const vaccine of VACCINES) for (let dose = 1; dose <= MAX_DOSES[vaccine]; dose++) expect(byKey(`immunisation.${vaccine}.${dose}`), `${vaccine}.${dose}`).toBeDefined();
  });
});

function windowOf(rule: RuleDefinition) {
  return rule.subject === 'child' ? triggerWindow(rule.trigger, child) : triggerWindow(rule.trigger, pregnancy);
}

describe('every built-in rule around its boundaries', () => {
  const dated = STANDARD_RULES.filter((r) => r.trigger.type !== 'immunisation' && r.trigger.type !== 'pregnancy_loss');
  it.each(dated.map((r) => [r.key, r] as const))('%s: upcoming the day before, due on the first and last day, then overdue or closed', (_, rule) => {
    const window = windowOf(rule)!;
    expect(windowStatus(window, rule, addDays(window.start, -1))).toBe('upcoming');
    expect(windowStatus(window, rule, window.start)).toBe('due');
    if (window.end === null) {
      expect(windowStatus(window, rule, addDays(window.start, 3650))).toBe('due');
      return;
    }
    expect(windowStatus(window, rule, window.end)).toBe('due');
    const after = windowStatus(window, rule, addDays(window.end, 1));
    expect(after).toBe(rule.afterWindow === 'overdue' && rule.lingerDays > 0 ? 'overdue' : 'closed');
    expect(windowStatus(window, rule, addDays(window.end, rule.lingerDays + 1))).toBe('closed');
  });
});

describe('windows of the key rules (child born 2026-01-31; pregnancy due 2026-12-31)', () => {
  it.each([
    ['procedure.birth-registration', '2026-01-31', '2026-02-13'],
    ['benefit.child-allowance.application', '2026-01-31', '2026-02-15'],
    ['checkup.infant.1m', '2026-02-28', '2026-03-30'],
    ['checkup.infant.3-4m', '2026-04-30', '2026-06-29'],
    ['checkup.infant.1y6m', '2027-07-31', '2028-01-30'],
    ['checkup.infant.3y', '2029-01-31', '2030-01-30'],
    ['info.child-allowance.last-year', '2043-04-01', '2044-03-31'],
    ['checkup.prenatal.1', '2026-05-21', '2026-06-17'],
    ['checkup.prenatal.14', '2026-12-24', '2027-01-06'],
    ['interview.pregnancy.eighth-month', '2026-10-08', '2026-11-04'],
    ['immunisation.rsv-maternal', '2026-10-08', '2026-12-09']
  ])('%s: %s – %s', (key, start, end) => {
    expect(windowOf(byKey(key))).toEqual({ start, end });
  });

  it('児童手当 for a child born on 1 April ends with the earlier school year', () => {
    expect(triggerWindow(byKey('info.child-allowance.last-year').trigger, { type: 'child', birthDate: '2008-04-01' })).toEqual({ start: '2025-04-01', end: '2026-03-31' });
  });
});

describe('pregnancy outcomes', () => {
  const loss: PregnancySubject = { ...pregnancy, outcome: 'loss', outcomeDate: '2026-07-01' };
  const birth: PregnancySubject = { ...pregnancy, outcome: 'birth', outcomeDate: '2026-12-20' };

  it('a loss stops the check-ups and interviews at once', () => {
    for (const key of ['checkup.prenatal.5', 'interview.pregnancy.eighth-month', 'immunisation.rsv-maternal', 'interview.pregnancy.notification']) expect(pregnancyWindow(byKey(key), loss), key).toBeUndefined();
  });

  it('after a loss both 支援給付 payments remain payable from the date of the loss, and the support interview opens', () => {
    expect(pregnancyWindow(byKey('benefit.pregnancy-support.second'), loss)).toEqual({ start: '2026-07-01', end: null });
    expect(pregnancyWindow(byKey('benefit.pregnancy-support.first'), loss)).toEqual({ start: '2026-05-07', end: null });
    expect(pregnancyWindow(byKey('interview.pregnancy.after-loss'), loss)).toEqual({ start: '2026-07-01', end: '2027-07-01' });
    expect(pregnancyWindow(byKey('interview.pregnancy.after-loss'), pregnancy)).toBeUndefined();
  });

  it('a birth ends the pregnancy items but not the second payment; a move away stops everything', () => {
    expect(pregnancyWindow(byKey('checkup.prenatal.14'), birth)).toBeUndefined();
    expect(pregnancyWindow(byKey('benefit.pregnancy-support.second'), birth)).toEqual({ start: '2026-10-08', end: null });
    expect(pregnancyWindow(byKey('benefit.pregnancy-support.second'), { ...pregnancy, outcome: 'moved_away', outcomeDate: '2026-08-01' })).toBeUndefined();
  });

  it('extra check-ups for a multiple pregnancy are only for two fetuses or more (filter)', () => {
    expect(byKey('checkup.prenatal.multiple').filters.minFetusCount).toBe(2);
  });
});
