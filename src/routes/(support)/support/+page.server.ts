import type { PageServerLoad } from './$types';

const SUPPORT_ROLES = ['coordinator', 'health_professional', 'supervisor'];

export const load: PageServerLoad = ({ locals }) => {
  const roles = (locals.viewer?.roles ?? [])
    .filter((r) => SUPPORT_ROLES.includes(r.role))
    .map((r) => ({ role: r.role, scopeType: r.scopeType, scopeId: r.scopeId, validTo: r.validTo }));
  // A health professional's qualification was checked by the admin who granted the role.
  const qualifications = roles.filter((r) => r.role === 'health_professional' && r.scopeType === 'qualification' && r.scopeId).map((r) => r.scopeId as string);
  return { roles, qualifications };
};
