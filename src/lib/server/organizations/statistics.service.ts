import type { App } from '../app.ts';
import { fiscalYearOf, today } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { orgErrors } from './organizations.errors.ts';
import { countVerifiedByTypeAndMonth, countVerifiedByTypeBefore } from './organizations.queries.ts';
import { ORGANIZATION_TYPES, type OrganizationType } from './organizations.schemas.ts';
import { isWardStaff, type StaffActor } from './organization-access.ts';

/** The seed's target for registered organizations (the KPI this page follows). */
export const REGISTERED_ORGANIZATIONS_TARGET = 100;

type ByType = Record<OrganizationType, number>;

export interface OrganizationStatistics {
  fiscalYear: number;
  /** April to March: organizations registered (verified by the ward) in each month, by type. */
  months: { month: string; byType: ByType; total: number }[];
  yearByType: ByType;
  yearTotal: number;
  /** Registered organizations at the end of the fiscal year (or today, for the current one). */
  registeredByType: ByType;
  registeredTotal: number;
  target: number;
}

const empty = (): ByType => Object.fromEntries(ORGANIZATION_TYPES.map((t) => [t, 0])) as ByType;

/** The first instant of a Tokyo date. */
function tokyoMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+09:00`);
}

/**
 * Registered organizations by type per month of a fiscal year (April–March). An organization counts
 * as registered in the month ward staff verified it (Asia/Tokyo), whatever happened to it later.
 */
export async function loadOrganizationStatistics(app: App, actor: StaffActor, fiscalYear?: number): Promise<Result<OrganizationStatistics>> {
  if (!isWardStaff(actor)) return failure(orgErrors.staffOnly);
  const year = fiscalYear ?? fiscalYearOf(today());
  const from = tokyoMidnight(`${year}-04-01`);
  const to = tokyoMidnight(`${year + 1}-04-01`);
  const db = app.database.db;
  const rows = await countVerifiedByTypeAndMonth(db, actor.municipalityId, from, to);
  const months = Array.from({ length: 12 }, (_, i) => {
    const monthNumber = ((3 + i) % 12) + 1;
    const calendarYear = monthNumber >= 4 ? year : year + 1;
    const month = `${calendarYear}-${String(monthNumber).padStart(2, '0')}`;
    const byType = empty();
    for (const row of rows.filter((r) => r.month === month)) byType[row.type as OrganizationType] += row.n;
    return { month, byType, total: Object.values(byType).reduce((a, b) => a + b, 0) };
  });
  const yearByType = empty();
  for (const row of rows) yearByType[row.type as OrganizationType] += row.n;
  const registeredByType = empty();
  for (const row of await countVerifiedByTypeBefore(db, actor.municipalityId, to)) registeredByType[row.type as OrganizationType] += row.n;
  return ok({
    fiscalYear: year,
    months,
    yearByType,
    yearTotal: Object.values(yearByType).reduce((a, b) => a + b, 0),
    registeredByType,
    registeredTotal: Object.values(registeredByType).reduce((a, b) => a + b, 0),
    target: REGISTERED_ORGANIZATIONS_TARGET
  });
}
