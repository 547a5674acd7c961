import { describe, expect, it } from 'vitest';
import { asksForMyNumber, checkAnswers, isShown, readAnswers, type FormField } from './procedure-fields.ts';

const field = (id: string, type: FormField['type'], extra: Partial<FormField> = {}): FormField => ({ id, type, label: id, help: '', required: false, options: [], showIf: null, ...extra });

const FORM: FormField[] = [
  field('name', 'text', { required: true }),
  field('note', 'long_text'),
  field('count', 'number'),
  field('day', 'date'),
  field('place', 'single_choice', { options: ['病院', '助産所'] }),
  field('worries', 'multiple_choice', { options: ['出産', '授乳', '特にない'] }),
  field('talk', 'yes_no', { required: true }),
  field('when', 'date', { required: true, showIf: { fieldId: 'talk', value: 'yes' } }),
  field('why', 'text', { showIf: { fieldId: 'when', value: '2026-07-01' } })
];

const answersFrom = (input: Record<string, unknown>) => readAnswers(FORM, Object.fromEntries(Object.entries(input).map(([k, v]) => [`a_${k}`, v])));

describe('checking a guardian’s answers against the form', () => {
  it('accepts well-formed answers of every type and normalises full-width numbers', () => {
    const { errors, answers } = checkAnswers(FORM, answersFrom({ name: '佐藤', note: '長い文', count: '１２', day: '2026-07-01', place: '病院', worries: ['出産', '授乳'], talk: 'no' }), 'submit');
    expect(errors).toEqual({});
    expect(answers.count).toBe('12');
    expect(answers.worries).toEqual(['出産', '授乳']);
  });

  it('refuses a value of the wrong form beside each field, in a draft as well as on submit', () => {
    for (const mode of ['draft', 'submit'] as const) {
      const { errors } = checkAnswers(FORM, answersFrom({ name: '佐藤', count: '12個', day: '2026-02-30', place: '自宅', worries: ['出産', 'ほか'], talk: 'maybe' }), mode);
      expect(errors).toEqual({ count: 'procedures_error_number', day: 'procedures_error_date', place: 'procedures_error_choice', worries: 'procedures_error_choice', talk: 'procedures_error_choice' });
    }
  });

  it('asks for required fields only on submit, with “choose” wording for choices', () => {
    expect(checkAnswers(FORM, answersFrom({}), 'draft').errors).toEqual({});
    expect(checkAnswers(FORM, answersFrom({}), 'submit').errors).toEqual({ name: 'procedures_error_required', talk: 'procedures_error_choose' });
  });

  it('refuses a マイナンバー typed into a text answer, and text longer than the limit', () => {
    const { errors } = checkAnswers(FORM, answersFrom({ name: '1234 5678 9012', note: 'あ'.repeat(4001), talk: 'no' }), 'submit');
    expect(errors).toEqual({ name: 'procedures_error_my_number_answer', note: 'procedures_error_long_text_too_long' });
  });

  it('asks a conditional field only when its condition holds, and drops answers to hidden fields', () => {
    const hidden = checkAnswers(FORM, answersFrom({ name: 'a', talk: 'no', when: '2026-07-01', why: 'x' }), 'submit');
    expect(hidden.errors).toEqual({});
    expect(hidden.answers).not.toHaveProperty('when');
    expect(hidden.answers).not.toHaveProperty('why');
    expect(checkAnswers(FORM, answersFrom({ name: 'a', talk: 'yes' }), 'submit').errors).toEqual({ when: 'procedures_error_required' });
    // a chain: 'why' depends on 'when', which depends on 'talk'
    expect(isShown(FORM[8]!, FORM, { talk: 'no', when: '2026-07-01' })).toBe(false);
    expect(isShown(FORM[8]!, FORM, { talk: 'yes', when: '2026-07-01' })).toBe(true);
  });
});

describe('a field that asks for a マイナンバー', () => {
  it('is recognised however it is written', () => {
    for (const label of ['マイナンバー', 'あなたの個人番号', 'ﾏｲﾅﾝﾊﾞｰ（12桁）', 'My Number', 'マイナ 番号']) expect(asksForMyNumber(label), label).toBe(true);
    for (const label of ['電話番号', '母子健康手帳の番号', '出産予定日']) expect(asksForMyNumber(label), label).toBe(false);
  });
});
