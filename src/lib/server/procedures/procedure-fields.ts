import { isIsoDate } from '../platform/clock.ts';
import { containsMyNumber } from '../platform/my-number.ts';

/**
 * What a procedure form is made of, and how a guardian's answers are checked against it. Pure: the
 * staff builder, the guardian's page and the API all use these rules.
 */

export const FIELD_TYPES = ['text', 'long_text', 'number', 'date', 'single_choice', 'multiple_choice', 'yes_no'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FormField {
  /** Stable within the form across versions; the answer's key. */
  id: string;
  type: FieldType;
  label: string;
  help: string;
  required: boolean;
  /** The choices of a single or multiple choice field; empty otherwise. */
  options: string[];
  /** Show this field only when an earlier field has this answer (one of the chosen values for a multiple choice). */
  showIf: { fieldId: string; value: string } | null;
}

export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;

export const LABEL_MAX = 200;
export const HELP_MAX = 500;
export const OPTION_MAX = 100;
export const OPTIONS_MAX = 30;
export const FIELDS_MAX = 60;
export const TEXT_MAX = 200;
export const LONG_TEXT_MAX = 4000;
export const YES_NO = ['yes', 'no'] as const;

export const isChoice = (type: FieldType) => type === 'single_choice' || type === 'multiple_choice';

/**
 * Hagukumi never collects a マイナンバー: a field whose label or help asks for one (マイナンバー, 個人番号,
 * My Number, however spaced or written in full-width) is refused.
 */
export function asksForMyNumber(text: string): boolean {
  const normalised = text.normalize('NFKC').replace(/[\s・･_-]/g, '').toLowerCase();
  return /マイナンバー|個人番号|マイナ番号|mynumber|individualnumber/.test(normalised);
}

/** The name of a field's control in the guardian's form. */
export const answerName = (fieldId: string) => `a_${fieldId}`;

function answerOf(answers: Answers, fieldId: string): string[] {
  const value = answers[fieldId];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : value === '' ? [] : [value];
}

/** Whether a field is asked, given the answers so far (a hidden controlling field hides its dependants too). */
export function isShown(field: FormField, fields: readonly FormField[], answers: Answers, seen = new Set<string>()): boolean {
  if (!field.showIf) return true;
  if (seen.has(field.id)) return false;
  seen.add(field.id);
  const controller = fields.find((f) => f.id === field.showIf!.fieldId);
  if (!controller || !isShown(controller, fields, answers, seen)) return false;
  return answerOf(answers, controller.id).includes(field.showIf.value);
}

/** Reads what was typed for each field from a submitted form (multiple choices as lists), trimmed. */
export function readAnswers(fields: readonly FormField[], input: Record<string, unknown>): Answers {
  const answers: Answers = {};
  for (const field of fields) {
    const raw = input[answerName(field.id)];
    if (field.type === 'multiple_choice') {
      const list = (Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw]).filter((v): v is string => typeof v === 'string');
      answers[field.id] = [...new Set(list)];
    } else {
      answers[field.id] = typeof raw === 'string' ? raw.trim() : '';
    }
  }
  return answers;
}

function numberOf(value: string): number | undefined {
  const normalised = value.normalize('NFKC').replace(/,/g, '');
  return /^-?\d{1,12}(\.\d{1,6})?$/.test(normalised) ? Number(normalised) : undefined;
}

/** Checks one answer's form (not whether it is required); a message key, or undefined when fine. */
function formatProblem(field: FormField, value: AnswerValue): string | undefined {
  if (Array.isArray(value)) {
    if (field.type !== 'multiple_choice') return 'procedures_error_choice';
    return value.every((v) => field.options.includes(v)) ? undefined : 'procedures_error_choice';
  }
  if (value === '') return undefined;
  switch (field.type) {
    case 'text':
    case 'long_text':
      if (value.length > (field.type === 'text' ? TEXT_MAX : LONG_TEXT_MAX)) return field.type === 'text' ? 'procedures_error_text_too_long' : 'procedures_error_long_text_too_long';
      return containsMyNumber(value) ? 'procedures_error_my_number_answer' : undefined;
    case 'number':
      return numberOf(value) === undefined ? 'procedures_error_number' : undefined;
    case 'date':
      return isIsoDate(value) ? undefined : 'procedures_error_date';
    case 'single_choice':
      return field.options.includes(value) ? undefined : 'procedures_error_choice';
    case 'yes_no':
      return (YES_NO as readonly string[]).includes(value) ? undefined : 'procedures_error_choice';
    case 'multiple_choice':
      return 'procedures_error_choice';
  }
}

const isEmpty = (value: AnswerValue | undefined) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Checks answers against the form: each value's form always, and required fields only when the form is
 * being submitted (a draft may be incomplete). Answers to fields not shown are dropped; numbers are kept
 * as typed after normalising full-width digits. Returns field id → message key for every problem.
 */
export function checkAnswers(fields: readonly FormField[], answers: Answers, mode: 'draft' | 'submit'): { answers: Answers; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const clean: Answers = {};
  for (const field of fields) {
    if (!isShown(field, fields, answers)) continue;
    const value = answers[field.id] ?? (field.type === 'multiple_choice' ? [] : '');
    const problem = formatProblem(field, value);
    if (problem) errors[field.id] = problem;
    else if (mode === 'submit' && field.required && isEmpty(value)) errors[field.id] = field.type === 'single_choice' || field.type === 'multiple_choice' || field.type === 'yes_no' ? 'procedures_error_choose' : 'procedures_error_required';
    clean[field.id] = field.type === 'number' && typeof value === 'string' && !problem && value !== '' ? String(numberOf(value)) : value;
  }
  return { answers: clean, errors };
}

/** A readable answer for staff and the guardian's summary. */
export function answerText(field: FormField, value: AnswerValue | undefined, yesNo: { yes: string; no: string }): string {
  if (isEmpty(value)) return '';
  if (Array.isArray(value)) return value.join('、');
  if (field.type === 'yes_no') return value === 'yes' ? yesNo.yes : value === 'no' ? yesNo.no : value!;
  return value!;
}
