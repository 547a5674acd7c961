import type { PageServerLoad } from './$types';
import { callerOf, listDepartmentsOf, listDistrictsForAdmin, listRoleHolders, loadMunicipalityProfile } from '#lib/server/municipalities/index.ts';
import { refuse, requireCaller } from './form-failure.ts';

export const load: PageServerLoad = async ({ locals }) => {
  const caller = requireCaller(callerOf(locals));
  const [profile, districts, holders, departments] = await Promise.all([
    loadMunicipalityProfile(locals.app, caller),
    listDistrictsForAdmin(locals.app, caller),
    listRoleHolders(locals.app, caller),
    listDepartmentsOf(locals.app, caller.municipalityId)
  ]);
  if (!profile.ok) refuse(profile.error);
  if (!districts.ok) refuse(districts.error);
  if (!holders.ok) refuse(holders.error);
  return {
    profile: profile.value,
    counts: {
      activeDistricts: districts.value.filter((d) => d.isActive).length,
      inactiveDistricts: districts.value.filter((d) => !d.isActive).length,
      departments: departments.length,
      roleHolders: new Set(holders.value.filter((h) => h.status === 'active').map((h) => h.userId)).size,
      admins: holders.value.filter((h) => h.role === 'admin' && h.status === 'active').length
    }
  };
};
