import type { App } from '../app.ts';
import { ok } from '../platform/errors.ts';
import { authoriseWardStaff, type Caller } from './admin-access.ts';
import type { FormResult } from './municipalities.errors.ts';
import { listDepartments } from './municipalities.queries.ts';
import { countHouseholdsByDistrict, countWardTotals } from './statistics.queries.ts';

export interface WardOverview {
  /** The departments the caller works in (from their ward_staff / supervisor assignments). */
  departments: { code: string; name: string; nameEn: string; role: 'ward_staff' | 'supervisor' }[];
  totals: { households: number; children: number; activePregnancies: number; people: number };
  districts: { id: string; code: string; name: string; nameEn: string; isActive: boolean; households: number }[];
}

/** The ward console's first page: the caller's department and counts for the municipality, never a person. */
export async function loadWardOverview(app: App, caller: Caller): Promise<FormResult<WardOverview>> {
  const denied = authoriseWardStaff(caller);
  if (denied) return { ok: false, error: denied };
  const db = app.database.db;
  const [departments, totals, districts] = await Promise.all([
    listDepartments(db, caller.municipalityId),
    countWardTotals(db, caller.municipalityId),
    countHouseholdsByDistrict(db, caller.municipalityId)
  ]);
  const mine = caller.roles.flatMap((a) => {
    if ((a.role !== 'ward_staff' && a.role !== 'supervisor') || a.scopeType !== 'department') return [];
    const department = departments.find((d) => d.code === a.scopeId);
    return department ? [{ code: department.code, name: department.name, nameEn: department.name_en, role: a.role }] : [];
  });
  return ok({
    departments: mine,
    totals,
    districts: districts.map((d) => ({ id: d.id, code: d.code, name: d.name, nameEn: d.name_en, isActive: d.is_active, households: d.households }))
  });
}
