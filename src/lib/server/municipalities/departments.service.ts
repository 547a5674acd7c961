import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { ok } from '../platform/errors.ts';
import { authoriseAdmin, type Caller } from './admin-access.ts';
import { fieldsOf, problemsOf } from './form-input.ts';
import { departmentNotFound, fieldConflict, isUniqueViolation, type FormResult } from './municipalities.errors.ts';
import { findDepartment, findDepartmentByCode, insertDepartment, listDepartments, updateDepartment } from './municipalities.queries.ts';
import { departmentEditSchema, departmentSchema, type DepartmentInput } from './municipalities.schemas.ts';

export interface DepartmentForAdmin {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

const codeTaken = () => fieldConflict('municipalities.department_code_taken', 'code', 'admin_error_department_code_taken');

/** The departments ward staff belong to. Readable by anyone signed in to a console (names only). */
export async function listDepartmentsOf(app: App, municipalityId: string): Promise<DepartmentForAdmin[]> {
  const rows = await listDepartments(app.database.db, municipalityId);
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, nameEn: r.name_en }));
}

export async function findDepartmentForAdmin(app: App, caller: Caller, departmentId: string): Promise<FormResult<DepartmentForAdmin>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const row = await findDepartment(app.database.db, caller.municipalityId, departmentId);
  return row ? ok({ id: row.id, code: row.code, name: row.name, nameEn: row.name_en }) : { ok: false, error: departmentNotFound };
}

/** Adds a department; its code (used to scope ward staff) is unique within the municipality. */
export async function createDepartment(app: App, caller: Caller, input: FormData | Record<string, unknown>): Promise<FormResult<{ id: string } & DepartmentInput>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const parsed = departmentSchema.safeParse(fieldsOf(input));
  if (!parsed.success) return { ok: false, error: problemsOf(parsed.error) };
  const department = parsed.data;
  try {
    return await app.database.db.transaction().execute(async (trx) => {
      if (await findDepartmentByCode(trx, caller.municipalityId, department.code)) return { ok: false as const, error: codeTaken() };
      const { id } = await insertDepartment(trx, caller.municipalityId, department);
      await writeAudit(trx, caller, { action: 'department.create', recordType: 'department', recordId: id });
      return ok({ id, ...department });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: codeTaken() };
    throw error;
  }
}

/** Renames a department. Its code stays: ward staff assignments refer to it. */
export async function updateDepartmentDetails(
  app: App,
  caller: Caller,
  departmentId: string,
  input: FormData | Record<string, unknown>
): Promise<FormResult<{ name: string; nameEn: string }>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const parsed = departmentEditSchema.safeParse(fieldsOf(input));
  if (!parsed.success) return { ok: false, error: problemsOf(parsed.error) };
  return app.database.db.transaction().execute(async (trx) => {
    const changed = await updateDepartment(trx, caller.municipalityId, departmentId, parsed.data);
    if (changed === 0) return { ok: false as const, error: departmentNotFound };
    await writeAudit(trx, caller, { action: 'department.update', recordType: 'department', recordId: departmentId });
    return ok(parsed.data);
  });
}
