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
 * Every request asks which municipality it is for, and the answer changes only when an admin edits the
 * profile or the hosts, so it is remembered per database for a few seconds. Those edits forget it at
 * once on this server; another server of the same deployment sees them within RESOLVED_TTL_MS.
 */
const RESOLVED_TTL_MS = 5_000;
const resolved = new WeakMap<Db, Map<string, { value: MunicipalityContext | undefined; until: number }>>();

/** Forgets remembered answers (after a municipality, its profile or its hosts changed). */
export function forgetResolvedMunicipalities(db: Db): void {
  resolved.delete(db);
}

/**
 * Which municipality a request is for: by host name (without port); a deployment with a single
 * municipality serves it on any host (the demo, local development).
 */
export async function resolveMunicipality(db: Db, hostHeader: string | null): Promise<MunicipalityContext | undefined> {
  const host = (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
  let answers = resolved.get(db);
  const remembered = answers?.get(host);
  if (remembered && remembered.until > performance.now()) return remembered.value;
  const value = await lookUpMunicipality(db, host);
  if (!answers) resolved.set(db, (answers = new Map()));
  if (answers.size > 1_000) answers.clear(); // a flood of made-up Host headers must not grow memory
  answers.set(host, { value, until: performance.now() + RESOLVED_TTL_MS });
  return value;
}

async function lookUpMunicipality(db: Db, host: string): Promise<MunicipalityContext | undefined> {
  const byHost = host ? await findMunicipalityByHost(db, host) : undefined;
  const row = byHost ?? (await soleMunicipality(db));
  if (!row) return undefined;
  return { id: row.id, code: row.code, name: row.name, nameEn: row.name_en, nameEasy: row.name_easy, prefecture: row.prefecture };
}

async function soleMunicipality(db: Db) {
  const all = await listMunicipalities(db);
  return all.length === 1 ? all[0] : undefined;
}
