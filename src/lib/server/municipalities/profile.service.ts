import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { ok } from '../platform/errors.ts';
import { authoriseAdmin, type Caller } from './admin-access.ts';
import { fieldsOf, problemsOf } from './form-input.ts';
import { fieldConflict, hostInUseHere, hostNotFound, isUniqueViolation, type FormResult } from './municipalities.errors.ts';
import {
  deleteMunicipalityHost,
  findHostOwner,
  findMunicipalityByCode,
  findMunicipalityById,
  insertMunicipalityHost,
  listMunicipalityHosts,
  updateMunicipality
} from './municipalities.queries.ts';
import { forgetResolvedMunicipalities } from './municipalities.service.ts';
import { hostSchema, municipalityProfileSchema, type MunicipalityProfileInput } from './municipalities.schemas.ts';

export interface MunicipalityProfile {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  nameEasy: string;
  prefecture: string;
  hosts: string[];
}

/** The host a request came through, as municipality_host stores it (lower case, no port). */
export function normaliseRequestHost(hostHeader: string | null | undefined): string {
  return (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
}

/** The municipality's profile and the host names that serve it, for its admins. */
export async function loadMunicipalityProfile(app: App, caller: Caller): Promise<FormResult<MunicipalityProfile>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const db = app.database.db;
  const row = await findMunicipalityById(db, caller.municipalityId);
  if (!row) throw new Error('the caller’s municipality does not exist');
  const hosts = await listMunicipalityHosts(db, caller.municipalityId);
  return ok({ id: row.id, code: row.code, name: row.name, nameEn: row.name_en, nameEasy: row.name_easy, prefecture: row.prefecture, hosts });
}

/**
 * Changes the name (in three languages), prefecture and 全国地方公共団体コード. The code is checked with its
 * check digit and against the prefecture, and must not belong to another municipality.
 */
export async function updateMunicipalityProfile(app: App, caller: Caller, input: FormData | Record<string, unknown>): Promise<FormResult<MunicipalityProfileInput>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const parsed = municipalityProfileSchema.safeParse(fieldsOf(input));
  if (!parsed.success) return { ok: false, error: problemsOf(parsed.error) };
  const profile = parsed.data;
  try {
    return await app.database.db.transaction().execute(async (trx) => {
      const owner = await findMunicipalityByCode(trx, profile.code);
      if (owner && owner.id !== caller.municipalityId) {
        return { ok: false as const, error: fieldConflict('municipalities.code_taken', 'code', 'admin_error_code_taken') };
      }
      await updateMunicipality(trx, caller.municipalityId, profile);
      await writeAudit(trx, caller, { action: 'municipality.update', recordType: 'municipality', recordId: caller.municipalityId });
      return ok(profile);
    }).finally(() => forgetResolvedMunicipalities(app.database.db));
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: fieldConflict('municipalities.code_taken', 'code', 'admin_error_code_taken') };
    throw error;
  }
}

/** Adds a host name that serves this municipality; a host serves one municipality only. */
export async function addMunicipalityHost(app: App, caller: Caller, input: FormData | Record<string, unknown>): Promise<FormResult<{ host: string }>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const parsed = hostSchema.safeParse(fieldsOf(input));
  if (!parsed.success) return { ok: false, error: problemsOf(parsed.error) };
  const { host } = parsed.data;
  const conflict = (owner: string | undefined) =>
    owner === caller.municipalityId
      ? fieldConflict('municipalities.host_already_here', 'host', 'admin_error_host_already_here')
      : fieldConflict('municipalities.host_taken', 'host', 'admin_error_host_taken');
  try {
    return await app.database.db.transaction().execute(async (trx) => {
      const owner = await findHostOwner(trx, host);
      if (owner) return { ok: false as const, error: conflict(owner.municipality_id) };
      await insertMunicipalityHost(trx, host, caller.municipalityId);
      await writeAudit(trx, caller, { action: 'municipality_host.add', recordType: 'municipality_host', recordId: host });
      return ok({ host });
    }).finally(() => forgetResolvedMunicipalities(app.database.db));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const owner = await findHostOwner(app.database.db, host);
    return { ok: false, error: conflict(owner?.municipality_id) };
  }
}

/**
 * Stops a host name from serving this municipality. The host the admin is using right now stays:
 * removing it could lock them out of the console they are in.
 */
export async function removeMunicipalityHost(app: App, caller: Caller, host: string, requestHost: string): Promise<FormResult<{ host: string }>> {
  const denied = authoriseAdmin(caller);
  if (denied) return { ok: false, error: denied };
  const value = host.trim().toLowerCase();
  if (value === normaliseRequestHost(requestHost)) return { ok: false, error: hostInUseHere };
  return app.database.db.transaction().execute(async (trx) => {
    const removed = await deleteMunicipalityHost(trx, caller.municipalityId, value);
    if (removed === 0) return { ok: false as const, error: hostNotFound };
    await writeAudit(trx, caller, { action: 'municipality_host.remove', recordType: 'municipality_host', recordId: value });
    return ok({ host: value });
  }).finally(() => forgetResolvedMunicipalities(app.database.db));
}
