import type { App } from '../app.ts';
import type { Viewer } from '../auth/session.ts';
import type { MunicipalityContext } from '../municipalities/index.ts';
import { findPreferredLanguage } from '../people/index.ts';

/** A household as /me shows it: counts only; the records themselves are on the family pages. */
export interface MeHousehold {
  id: string;
  districtId: string;
  districtName: string;
  children: number;
  pregnancies: number;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  language: 'ja' | 'en' | 'ja-x-easy';
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  municipality: { id: string; code: string; name: string };
  roleAssignments: { role: string; scopeType: string | null; scopeId: string | null; validFrom: string; validTo: string | null }[];
  households: MeHousehold[];
}

const LANGUAGES = ['ja', 'en', 'ja-x-easy'] as const;

/**
 * GET /api/v1/me: the signed-in person, the roles they hold today in this municipality and their
 * households. The households are filled in by the households domain (wired at integration); until
 * then the list is empty.
 */
export async function buildMe(app: App, viewer: Viewer, municipality: MunicipalityContext, households: MeHousehold[] = []): Promise<Me> {
  const stored = await findPreferredLanguage(app, viewer.user.id);
  const language = (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Me['language']) : 'ja';
  return {
    id: viewer.user.id,
    email: viewer.user.email,
    name: viewer.user.name,
    language,
    emailVerified: viewer.user.emailVerified,
    twoFactorEnabled: viewer.user.twoFactorEnabled,
    municipality: { id: municipality.id, code: municipality.code, name: municipality.name },
    roleAssignments: viewer.roles.map((r) => ({ role: r.role, scopeType: r.scopeType, scopeId: r.scopeId, validFrom: r.validFrom, validTo: r.validTo })),
    households
  };
}
