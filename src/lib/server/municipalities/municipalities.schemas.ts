import { z } from 'zod';
import { text } from './form-input.ts';
import { parseMunicipalityCode } from './municipality-code.ts';
import { prefectureByCode, prefectureByName } from './prefectures.ts';

const municipalityCode = z
  .string({ error: 'admin_error_required' })
  .default('')
  .transform((raw, ctx) => {
    const parsed = parseMunicipalityCode(raw);
    if (parsed.ok) return parsed.code;
    ctx.addIssue({ code: 'custom', message: parsed.messageKey, params: parsed.params });
    return z.NEVER;
  });

export const municipalityProfileSchema = z
  .object({
    name: text({ required: true, max: 60 }),
    nameEn: text({ required: false, max: 100 }),
    nameEasy: text({ required: false, max: 60 }),
    prefecture: z
      .string({ error: 'admin_error_required' })
      .default('')
      .refine((v) => prefectureByName(v) !== undefined, { error: 'admin_error_prefecture' }),
    code: municipalityCode
  })
  .superRefine((value, ctx) => {
    // The first two digits name the prefecture (JIS X 0401): both fields must tell the same story.
    const fromCode = prefectureByCode(value.code.slice(0, 2));
    if (fromCode && fromCode.name !== value.prefecture) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: 'admin_error_code_prefecture_mismatch',
        params: { prefix: value.code.slice(0, 2), prefecture: fromCode.name, prefectureEn: fromCode.nameEn }
      });
    }
  });
export type MunicipalityProfileInput = z.output<typeof municipalityProfileSchema>;

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST = new RegExp(`^(?=.{1,253}$)${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);

export const hostSchema = z.object({
  host: z
    .string({ error: 'admin_error_required' })
    .default('')
    .transform((raw, ctx) => {
      const value = raw.normalize('NFKC').trim().toLowerCase().replace(/\.$/, '');
      if (value === '') ctx.addIssue({ code: 'custom', message: 'admin_error_required' });
      else if (/[/:@?#]/.test(value)) ctx.addIssue({ code: 'custom', message: 'admin_error_host_only' });
      else if (!HOST.test(value)) ctx.addIssue({ code: 'custom', message: 'admin_error_host_invalid' });
      return value;
    })
});

const districtCode = z
  .string({ error: 'admin_error_required' })
  .default('')
  .transform((raw, ctx) => {
    const value = raw.normalize('NFKC').trim();
    if (value === '') ctx.addIssue({ code: 'custom', message: 'admin_error_required' });
    else if (!/^[A-Za-z0-9_-]{1,16}$/.test(value)) ctx.addIssue({ code: 'custom', message: 'admin_error_district_code' });
    return value;
  });

const kana = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    const value = raw.normalize('NFKC').trim();
    if ([...value].length > 60) ctx.addIssue({ code: 'custom', message: 'admin_error_too_long', params: { max: '60' } });
    else if (!/^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s]*$/u.test(value)) ctx.addIssue({ code: 'custom', message: 'admin_error_kana' });
    return value;
  });

const sortOrder = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    const value = raw.normalize('NFKC').trim();
    if (value === '') return 0;
    if (!/^[0-9]{1,4}$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'admin_error_sort_order' });
      return z.NEVER;
    }
    return Number(value);
  });

export const districtSchema = z.object({
  code: districtCode,
  name: text({ required: true, max: 40 }),
  nameKana: kana,
  nameEn: text({ required: false, max: 80 }),
  sortOrder
});
export type DistrictInput = z.output<typeof districtSchema>;

export const departmentSchema = z.object({
  code: z
    .string({ error: 'admin_error_required' })
    .default('')
    .transform((raw, ctx) => {
      const value = raw.normalize('NFKC').trim().toLowerCase();
      if (value === '') ctx.addIssue({ code: 'custom', message: 'admin_error_required' });
      else if (!/^[a-z0-9_-]{1,32}$/.test(value)) ctx.addIssue({ code: 'custom', message: 'admin_error_department_code' });
      return value;
    }),
  name: text({ required: true, max: 60 }),
  nameEn: text({ required: false, max: 100 })
});
export type DepartmentInput = z.output<typeof departmentSchema>;

/** Editing a department keeps its code: ward staff assignments are scoped by it. */
export const departmentEditSchema = departmentSchema.omit({ code: true });
