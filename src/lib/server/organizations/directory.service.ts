import type { App } from '../app.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { orgErrors } from './organizations.errors.ts';
import { findPublicOrganization, listPublicOrganizations } from './organizations.queries.ts';
import { organizationIdSchema, uuidSchema, SELF_REGISTRABLE_TYPES, ORGANIZATION_TYPES, type OrganizationType } from './organizations.schemas.ts';
import { organizationViews } from './organization-access.ts';

/** What anyone may see of an organization: its profile, never its members. */
export interface PublicOrganization {
  id: string;
  type: OrganizationType;
  isOfficial: boolean;
  name: string;
  nameKana: string;
  purpose: string;
  districts: { id: string; name: string; nameEn: string }[];
  contact: { email: string | null; phone: string | null; url: string | null };
  corporateNumber: string | null;
  verifiedAt: string;
}

export const DIRECTORY_PAGE_SIZE = 20;

export interface DirectoryFilter {
  type?: string | null;
  district?: string | null;
  cursor?: string | null;
}

export interface DirectoryPage {
  items: PublicOrganization[];
  /** Give it back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** The filter as understood (unknown values are dropped, not guessed). */
  filter: { type: OrganizationType | null; district: string | null };
}

function encodeCursor(nameKana: string, id: string): string {
  return Buffer.from(JSON.stringify([nameKana, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { nameKana: string; id: string } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && organizationIdSchema.safeParse(value[1]).success) {
      return { nameKana: value[0], id: value[1] };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export type DirectoryQueryProblem = 'type' | 'district' | 'cursor';

/** A page, or which query parameter made no sense. */
export type DirectoryResult = { ok: true; value: DirectoryPage } | { ok: false; problem: DirectoryQueryProblem };

/**
 * One page of the directory 「地域の団体」: verified, not suspended organizations of this
 * municipality, by kana, optionally of one type and active in one district.
 */
export async function listDirectory(app: App, municipalityId: string, filter: DirectoryFilter): Promise<DirectoryResult> {
  const type = filter.type ? filter.type : null;
  if (type !== null && !(ORGANIZATION_TYPES as readonly string[]).includes(type)) return { ok: false, problem: 'type' };
  const district = filter.district ? filter.district : null;
  if (district !== null && !uuidSchema.safeParse(district).success) return { ok: false, problem: 'district' };
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  if (filter.cursor && !after) return { ok: false, problem: 'cursor' };
  const db = app.database.db;
  const rows = await listPublicOrganizations(db, municipalityId, {
    type: type ?? undefined,
    districtId: district ?? undefined,
    after,
    limit: DIRECTORY_PAGE_SIZE + 1
  });
  const page = rows.slice(0, DIRECTORY_PAGE_SIZE);
  const views = await organizationViews(db, page);
  const last = page.at(-1);
  return {
    ok: true,
    value: {
      items: views.map(toPublic),
      nextCursor: rows.length > DIRECTORY_PAGE_SIZE && last ? encodeCursor(last.name_kana, last.id) : null,
      filter: { type: type as OrganizationType | null, district }
    }
  };
}


/** A public organization's page; unverified, suspended, unknown or another municipality's: not found. */
export async function getPublicOrganization(app: App, municipalityId: string, organizationId: string): Promise<Result<PublicOrganization>> {
  if (!organizationIdSchema.safeParse(organizationId).success) return failure(orgErrors.notFound);
  const db = app.database.db;
  const row = await findPublicOrganization(db, municipalityId, organizationId);
  if (!row) return failure(orgErrors.notFound);
  const [view] = await organizationViews(db, [row]);
  return ok(toPublic(view));
}

function toPublic(view: Awaited<ReturnType<typeof organizationViews>>[number]): PublicOrganization {
  return {
    id: view.id,
    type: view.type,
    isOfficial: view.isOfficial,
    name: view.name,
    nameKana: view.nameKana,
    purpose: view.purpose,
    districts: view.districts,
    contact: { email: view.contactEmail || null, phone: view.contactPhone || null, url: view.url || null },
    corporateNumber: view.corporateNumber,
    verifiedAt: (view.verifiedAt as Date).toISOString()
  };
}

/** The types a directory reader can filter by (official ward departments included). */
export const DIRECTORY_TYPES: readonly OrganizationType[] = [...SELF_REGISTRABLE_TYPES, 'ward_department'];
