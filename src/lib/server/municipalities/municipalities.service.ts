import type { Db } from '../db/database.ts';
import { findMunicipalityByHost, listMunicipalities } from './municipalities.queries.ts';

export interface MunicipalityContext {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  nameEasy: string;
  prefecture: string;
}

/**
 * Which municipality a request is for: by host name (without port); a deployment with a single
 * municipality serves it on any host (the demo, local development).
 */
export async function resolveMunicipality(db: Db, hostHeader: string | null): Promise<MunicipalityContext | undefined> {
  const host = (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
  const byHost = host ? await findMunicipalityByHost(db, host) : undefined;
  const row = byHost ?? (await soleMunicipality(db));
  if (!row) return undefined;
  return { id: row.id, code: row.code, name: row.name, nameEn: row.name_en, nameEasy: row.name_easy, prefecture: row.prefecture };
}

async function soleMunicipality(db: Db) {
  const all = await listMunicipalities(db);
  return all.length === 1 ? all[0] : undefined;
}
