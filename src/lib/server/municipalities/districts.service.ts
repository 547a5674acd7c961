import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { ok } from '../platform/errors.ts';
import { authoriseAdmin, type Caller } from './admin-access.ts';
import { fieldsOf, problemsOf } from './form-input.ts';
import { districtInUse, districtNotFound, fieldConflict, isForeignKeyViolation, isUniqueViolation, type FormResult } from './municipalities.errors.ts';
import { deleteDistrict, findDistrict, findDistrictByCode, insertDistrict, listDistricts, setDistrictActive, updateDistrict } from './municipalities.queries.ts';
import { districtSchema, type DistrictInput } from './municipalities.schemas.ts';
import { countHouseholdsByDistrict } from './statistics.queries.ts';

export interface DistrictForAdmin {
  id: string;
  code: string;
  name: string;
  nameKana: string;
  nameEn: string;
  sortOrder: number;
  isActive: boolean;
  households: number;
}

const codeTaken = () => fieldConflict('municipalities.district_code_taken', 'code', 'admin_error_district_code_taken');

/** Every district of the municipality, active or not, with how many households live in each. */
export async function listDistrictsForAdmin(app: App, caller: Caller): Promise<FormResult<DistrictForAdmin[]>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const db = app.database.db;
  const counts = await countHouseholdsByDistrict(db, caller.municipalityId);
  const byId = new Map(counts.map((c) => [c.id, c.households]));
  const rows = await listDistricts(db, caller.municipalityId, { includeInactive: true });
  return ok(
    rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      nameKana: r.name_kana,
      nameEn: r.name_en,
      sortOrder: r.sort_order,
      isActive: r.is_active,
      households: byId.get(r.id) ?? 0
    }))
  );
}

export async function findDistrictForAdmin(app: App, caller: Caller, districtId: string): Promise<FormResult<DistrictForAdmin>> {
  const all = await listDistrictsForAdmin(app, caller);
  if (!all.ok) return all;
  const found = all.value.find((d) => d.id === districtId);
  return found ? ok(found) : { ok: false, error: districtNotFound };
}

/** Adds a district; its code is unique within the municipality. */
export async function createDistrict(app: App, caller: Caller, input: FormData | Record<string, unknown>): Promise<FormResult<{ id: string } & DistrictInput>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const parsed = districtSchema.safeParse(fieldsOf(input));
  if (!parsed.success) return { ok: false, error: problemsOf(parsed.error) };
  const district = parsed.data;
  try {
    return await app.database.db.transaction().execute(async (trx) => {
      if (await findDistrictByCode(trx, caller.municipalityId, district.code)) return { ok: false as const, error: codeTaken() };
      const { id } = await insertDistrict(trx, caller.municipalityId, district);
      await writeAudit(trx, caller, { action: 'district.create', recordType: 'district', recordId: id });
      return ok({ id, ...district });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: codeTaken() };
    throw error;
  }
}

export async function updateDistrictDetails(
  app: App,
  caller: Caller,
  districtId: string,
  input: FormData | Record<string, unknown>
): Promise<FormResult<DistrictInput>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const parsed = districtSchema.safeParse(fieldsOf(input));
  if (!parsed.success) return { ok: false, error: problemsOf(parsed.error) };
  const district = parsed.data;
  try {
    return await app.database.db.transaction().execute(async (trx) => {
      if (!(await findDistrict(trx, caller.municipalityId, districtId))) return { ok: false as const, error: districtNotFound };
      const sameCode = await findDistrictByCode(trx, caller.municipalityId, district.code);
      if (sameCode && sameCode.id !== districtId) return { ok: false as const, error: codeTaken() };
      await updateDistrict(trx, caller.municipalityId, districtId, district);
      await writeAudit(trx, caller, { action: 'district.update', recordType: 'district', recordId: districtId });
      return ok(district);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: codeTaken() };
    throw error;
  }
}

/**
 * Deactivates or reactivates a district. An inactive district is no longer offered to residents; the
 * households already in it keep it.
 */
export async function setDistrictActivity(app: App, caller: Caller, districtId: string, isActive: boolean): Promise<FormResult<{ isActive: boolean }>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  return app.database.db.transaction().execute(async (trx) => {
    const changed = await setDistrictActive(trx, caller.municipalityId, districtId, isActive);
    if (changed === 0) return { ok: false as const, error: districtNotFound };
    await writeAudit(trx, caller, { action: isActive ? 'district.reactivate' : 'district.deactivate', recordType: 'district', recordId: districtId });
    return ok({ isActive });
  });
}

/**
 * Deletes a district that nothing refers to (a mistake just made). A district in use can only be
 * deactivated: the database's foreign keys decide what "in use" means, so a new reference elsewhere is
 * covered without changing this code.
 */
export async function removeDistrict(app: App, caller: Caller, districtId: string): Promise<FormResult<{ id: string }>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  try {
    return await app.database.db.transaction().execute(async (trx) => {
      const removed = await deleteDistrict(trx, caller.municipalityId, districtId);
      if (removed === 0) return { ok: false as const, error: districtNotFound };
      await writeAudit(trx, caller, { action: 'district.delete', recordType: 'district', recordId: districtId });
      return ok({ id: districtId });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) return { ok: false, error: districtInUse };
    throw error;
  }
}
