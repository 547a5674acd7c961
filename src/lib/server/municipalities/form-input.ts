import { z } from 'zod';
import { invalidInput, type FormError } from './municipalities.errors.ts';
import { containsMyNumber } from '../platform/my-number.ts';

/** Every message key of a form problem is a catalogue key; anything zod says on its own becomes this. */
const FALLBACK_KEY = 'admin_error_invalid';


/**
 * Free text from a form: NFC (full-width punctuation is proper Japanese and stays), trimmed, no control
 * characters, no individual number (also when typed in full-width digits).
 */
export function text(options: { required: boolean; max: number }) {
  return z
    .string({ error: options.required ? 'admin_error_required' : FALLBACK_KEY })
    .default('')
    .transform((raw, ctx) => {
      const value = raw.normalize('NFC').trim();
      if (options.required && value === '') ctx.addIssue({ code: 'custom', message: 'admin_error_required' });
      else if ([...value].length > options.max) ctx.addIssue({ code: 'custom', message: 'admin_error_too_long', params: { max: String(options.max) } });
      // eslint-disable-next-line no-control-regex -- refusing control characters is the point of this pattern
      else if (/[\u0000-\u001f\u007f]/.test(value)) ctx.addIssue({ code: 'custom', message: FALLBACK_KEY });
      else if (containsMyNumber(value)) ctx.addIssue({ code: 'custom', message: 'admin_error_individual_number' });
      return value;
    });
}

/** Turns zod issues into field → message key (first problem per field wins) and message values. */
export function problemsOf(error: z.ZodError): FormError {
  const fields: Record<string, string> = {};
  const params: Record<string, Record<string, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (fields[field]) continue;
    fields[field] = issue.message.startsWith('admin_') ? issue.message : FALLBACK_KEY;
    const issueParams = (issue as { params?: Record<string, string> }).params;
    if (issueParams) params[field] = issueParams;
  }
  return invalidInput(fields, params);
}

/** Form data (or a plain object) as string fields; files and repeated fields are not expected here. */
export function fieldsOf(input: FormData | Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = input instanceof FormData ? [...input.entries()] : Object.entries(input);
  for (const [key, value] of entries) {
    if (typeof value === 'string' && !(key in out)) out[key] = value;
    else if (typeof value === 'number') out[key] = String(value);
  }
  return out;
}
