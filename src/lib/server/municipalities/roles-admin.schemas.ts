import { z } from 'zod';
import { ROLES, type Role } from '../auth/roles.ts';
import { isIsoDate } from '../platform/clock.ts';

export const QUALIFICATIONS = ['保健師', '助産師'] as const;

/** What each role is scoped by: a department, a professional qualification, an organization, or nothing. */
export const ROLE_SCOPES: Record<Role, 'department' | 'qualification' | 'organization' | null> = {
  ward_staff: 'department',
  supervisor: 'department',
  health_professional: 'qualification',
  org_member: 'organization',
  moderator: null,
  coordinator: null,
  admin: null
};

/** A date as typed: 2026-12-01, 2026/12/1 or full-width digits; it must exist on the calendar. */
function date(required: boolean) {
  return z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const value = raw.normalize('NFKC').trim();
      if (value === '') {
        if (required) ctx.addIssue({ code: 'custom', message: 'admin_error_required' });
        return null;
      }
      const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
      const iso = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : '';
      if (!isIsoDate(iso)) {
        ctx.addIssue({ code: 'custom', message: 'admin_error_date' });
        return z.NEVER;
      }
      return iso;
    });
}

export const roleGrantSchema = z
  .object({
    role: z.string().default('').refine((v): v is Role => (ROLES as readonly string[]).includes(v), { error: 'admin_error_role' }),
    department: z.string().default('').transform((v) => v.trim()),
    qualification: z.string().default('').transform((v) => v.normalize('NFKC').trim()),
    organization: z.string().default('').transform((v) => v.normalize('NFKC').trim()),
    validFrom: date(true),
    validTo: date(false)
  })
  .transform((value, ctx) => {
    const role = value.role as Role;
    const scopeType = ROLE_SCOPES[role] ?? null;
    let scopeId: string | null = null;
    if (scopeType === 'department') {
      if (!value.department) ctx.addIssue({ code: 'custom', path: ['department'], message: 'admin_error_department_required' });
      scopeId = value.department;
    } else if (scopeType === 'qualification') {
      if (!(QUALIFICATIONS as readonly string[]).includes(value.qualification)) {
        ctx.addIssue({ code: 'custom', path: ['qualification'], message: 'admin_error_qualification' });
      }
      scopeId = value.qualification;
    } else if (scopeType === 'organization') {
      if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(value.organization)) {
        ctx.addIssue({ code: 'custom', path: ['organization'], message: 'admin_error_organization' });
      }
      scopeId = value.organization;
    }
    if (value.validFrom && value.validTo && value.validTo < value.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'admin_error_valid_to_before_from' });
    }
    return { role, scopeType, scopeId, validFrom: value.validFrom as string, validTo: value.validTo };
  });
export type RoleGrantInput = z.output<typeof roleGrantSchema>;

export const findPersonSchema = z.object({
  email: z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const value = raw.normalize('NFKC').trim().toLowerCase();
      if (value === '') ctx.addIssue({ code: 'custom', message: 'admin_error_required' });
      else if (!z.email().safeParse(value).success) ctx.addIssue({ code: 'custom', message: 'admin_error_email' });
      return value;
    })
});
