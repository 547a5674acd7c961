import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { containsMyNumber } from '../platform/my-number.ts';
import { asksForMyNumber, FIELD_TYPES, FIELDS_MAX, HELP_MAX, isChoice, LABEL_MAX, OPTION_MAX, OPTIONS_MAX, YES_NO, type FormField } from './procedure-fields.ts';

/** Input schemas of the procedures pages; each issue's message is a catalogue key (messages/procedures). */

const text = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string());
export const idSchema = z.uuid();

export const TITLE_MAX = 120;
export const PURPOSE_MAX = 2000;
export const MESSAGE_MAX = 2000;

const noMyNumber = (s: string) => !containsMyNumber(s);

export const formMetaSchema = z.object({
  title: text.pipe(z.string().trim().min(1, 'procedures_error_required').max(TITLE_MAX, 'procedures_error_text_too_long').refine(noMyNumber, 'procedures_error_my_number_answer')),
  purpose: text.pipe(z.string().trim().min(1, 'procedures_error_purpose_required').max(PURPOSE_MAX, 'procedures_error_long_text_too_long').refine(noMyNumber, 'procedures_error_my_number_answer'))
});
export type FormMeta = z.infer<typeof formMetaSchema>;

export const messageSchema = (required: boolean) =>
  text.pipe(
    z
      .string()
      .trim()
      .max(MESSAGE_MAX, 'procedures_error_long_text_too_long')
      .refine((v) => !required || v.length > 0, 'procedures_error_message_required')
      .refine(noMyNumber, 'procedures_error_my_number_answer')
  );

export const sendSchema = z.object({
  email: text.pipe(z.string().trim().toLowerCase().pipe(z.email('procedures_error_email'))),
  message: messageSchema(false)
});

const labelSchema = text.pipe(
  z
    .string()
    .trim()
    .min(1, 'procedures_error_label_required')
    .max(LABEL_MAX, 'procedures_error_text_too_long')
    .refine((v) => !asksForMyNumber(v), 'procedures_error_my_number_field')
);
const helpSchema = text.pipe(
  z
    .string()
    .trim()
    .max(HELP_MAX, 'procedures_error_text_too_long')
    .refine((v) => !asksForMyNumber(v), 'procedures_error_my_number_field')
);

/** A new field gets an id no later edit changes, so answers keep their key across versions. */
export const newFieldId = () => `f${randomUUID().replaceAll('-', '').slice(0, 12)}`;

/**
 * Checks one field as staff typed it: label (never a マイナンバー), type, help, required, choices (one per
 * line) and the optional condition, which may only name an earlier field and one of its possible answers.
 */
export function parseFieldInput(input: Record<string, unknown>, earlier: readonly FormField[], id: string): { ok: true; value: FormField } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const label = labelSchema.safeParse(input.label);
  if (!label.success) errors.label = label.error.issues[0]!.message;
  const type = text.pipe(z.enum(FIELD_TYPES, 'procedures_error_field_type')).safeParse(input.type);
  if (!type.success) errors.type = 'procedures_error_field_type';
  const help = helpSchema.safeParse(input.help);
  if (!help.success) errors.help = help.error.issues[0]!.message;
  const options = String(input.options ?? '')
    .split(/\r?\n/)
    .map((o) => o.trim())
    .filter(Boolean);
  if (type.success && isChoice(type.data)) {
    if (options.length < 2) errors.options = 'procedures_error_options_count';
    else if (options.length > OPTIONS_MAX || options.some((o) => o.length > OPTION_MAX)) errors.options = 'procedures_error_options_too_long';
    else if (new Set(options).size !== options.length) errors.options = 'procedures_error_options_duplicate';
    else if (options.some(asksForMyNumber)) errors.options = 'procedures_error_my_number_field';
  }
  let showIf: FormField['showIf'] = null;
  const showIfField = String(input.showIfField ?? '');
  if (showIfField) {
    const controller = earlier.find((f) => f.id === showIfField);
    const value = String(input.showIfValue ?? '').trim();
    if (!controller) errors.showIfField = 'procedures_error_condition_field';
    else if (!value) errors.showIfValue = 'procedures_error_condition_value';
    else if (isChoice(controller.type) && !controller.options.includes(value)) errors.showIfValue = 'procedures_error_condition_value';
    else if (controller.type === 'yes_no' && !(YES_NO as readonly string[]).includes(value)) errors.showIfValue = 'procedures_error_condition_value';
    else showIf = { fieldId: controller.id, value };
  }
  if (Object.keys(errors).length || !label.success || !type.success || !help.success) return { ok: false, errors };
  return {
    ok: true,
    value: { id, type: type.data, label: label.data, help: help.data, required: input.required === 'on' || input.required === 'true' || input.required === true, options: isChoice(type.data) ? options : [], showIf }
  };
}

export { FIELDS_MAX };

/** zod issues → field name → message key (the first problem of each field). */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  return fields;
}
