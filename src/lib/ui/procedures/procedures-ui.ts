import { m } from '#lib/paraglide/messages.js';

/**
 * Texts the procedures services return as keys or codes, listed statically so the bundler keeps only
 * these; and the small rules the pages need in the browser (conditional display).
 */
const MESSAGES: Record<string, () => string> = {
  procedures_error_summary: m.procedures_error_summary,
  procedures_error_required: m.procedures_error_required,
  procedures_error_choose: m.procedures_error_choose,
  procedures_error_number: m.procedures_error_number,
  procedures_error_date: m.procedures_error_date,
  procedures_error_choice: m.procedures_error_choice,
  procedures_error_text_too_long: m.procedures_error_text_too_long,
  procedures_error_long_text_too_long: m.procedures_error_long_text_too_long,
  procedures_error_my_number_answer: m.procedures_error_my_number_answer,
  procedures_error_my_number_field: m.procedures_error_my_number_field,
  procedures_error_label_required: m.procedures_error_label_required,
  procedures_error_purpose_required: m.procedures_error_purpose_required,
  procedures_error_field_type: m.procedures_error_field_type,
  procedures_error_options_count: m.procedures_error_options_count,
  procedures_error_options_too_long: m.procedures_error_options_too_long,
  procedures_error_options_duplicate: m.procedures_error_options_duplicate,
  procedures_error_condition_field: m.procedures_error_condition_field,
  procedures_error_condition_value: m.procedures_error_condition_value,
  procedures_error_too_many_fields: m.procedures_error_too_many_fields,
  procedures_error_not_published: m.procedures_error_not_published,
  procedures_error_no_fields: m.procedures_error_no_fields,
  procedures_error_not_editable: m.procedures_error_not_editable,
  procedures_error_wrong_status: m.procedures_error_wrong_status,
  procedures_error_no_household: m.procedures_error_no_household,
  procedures_error_not_offered: m.procedures_error_not_offered,
  procedures_error_form_unknown: m.procedures_error_form_unknown,
  procedures_error_email: m.procedures_error_email,
  procedures_error_person_unknown: m.procedures_error_person_unknown,
  procedures_error_message_required: m.procedures_error_message_required,
  error_forbidden: m.error_forbidden,
  error_not_found: m.error_not_found
};

export function procedureMessage(key: string | null | undefined): string | undefined {
  if (!key) return undefined;
  return (MESSAGES[key] ?? m.procedures_error_summary)();
}

export function procedureMessages(errors: Record<string, string> | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(errors ?? {}).map(([field, key]) => [field, procedureMessage(key) ?? '']));
}

const STATUS: Record<string, () => string> = {
  not_started: m.procedures_status_not_started,
  draft: m.procedures_status_draft,
  received: m.procedures_status_received,
  in_review: m.procedures_status_in_review,
  done: m.procedures_status_done,
  returned: m.procedures_status_returned
};

export const statusLabel = (status: string) => (STATUS[status] ?? m.procedures_status_not_started)();

const TYPES: Record<string, () => string> = {
  text: m.procedures_staff_type_text,
  long_text: m.procedures_staff_type_long_text,
  number: m.procedures_staff_type_number,
  date: m.procedures_staff_type_date,
  single_choice: m.procedures_staff_type_single_choice,
  multiple_choice: m.procedures_staff_type_multiple_choice,
  yes_no: m.procedures_staff_type_yes_no
};

export const typeLabel = (type: string) => (TYPES[type] ?? m.procedures_staff_type_text)();

export interface UiField {
  id: string;
  type: string;
  label: string;
  help: string;
  required: boolean;
  options: string[];
  showIf: { fieldId: string; value: string } | null;
}

type UiAnswers = Record<string, string | string[]>;

/** The same rule as the server's: a field is asked when its (shown) controlling field has the value. */
export function isFieldShown(field: UiField, fields: readonly UiField[], answers: UiAnswers, seen = new Set<string>()): boolean {
  if (!field.showIf) return true;
  if (seen.has(field.id)) return false;
  seen.add(field.id);
  const controller = fields.find((f) => f.id === field.showIf!.fieldId);
  if (!controller || !isFieldShown(controller, fields, answers, seen)) return false;
  const value = answers[controller.id];
  return (Array.isArray(value) ? value : value ? [value] : []).includes(field.showIf.value);
}

/** How a condition reads: 「label」で「value」と答えた方のみ. */
export function conditionText(field: UiField, fields: readonly UiField[]): string {
  if (!field.showIf) return '';
  const controller = fields.find((f) => f.id === field.showIf!.fieldId);
  const value = field.showIf.value === 'yes' ? m.procedures_yes() : field.showIf.value === 'no' ? m.procedures_no() : field.showIf.value;
  return m.procedures_condition({ label: controller?.label ?? '', value });
}

/** An answer as text for summaries. */
export function answerLabel(field: UiField, value: string | string[] | undefined): string {
  if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) return m.procedures_no_answer();
  if (Array.isArray(value)) return value.join('、');
  if (field.type === 'yes_no') return value === 'yes' ? m.procedures_yes() : value === 'no' ? m.procedures_no() : value;
  return value;
}
