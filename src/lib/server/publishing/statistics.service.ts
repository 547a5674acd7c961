import type { App } from '../app.ts';
import { fiscalYearOf, today } from '../platform/clock.ts';
import { ok, type Result } from '../platform/errors.ts';
import { loadOrganizationStatistics, type OrganizationStatistics, type StaffActor } from '../organizations/index.ts';
import { countPublishedByMonthAndPublisher } from './publishing.queries.ts';

/** The seed's target: posts a month, ward (official) and private publishers together. */
export const MONTHLY_POSTS_TARGET = 200;

/** One month of the events KPI, as the events domain reports it. */
export interface EventMonthFigures {
  month: string;
  eventsHeld: number;
  registrations: number;
}

/**
 * The events domain's figures for [from, to). Not wired yet: the events domain is built beside this
 * one; at merge the staff KPI route passes its loader here and the page shows the figures.
 */
export type EventFiguresLoader = (app: App, municipalityId: string, from: Date, to: Date) => Promise<EventMonthFigures[]>;

export interface PublishingStatistics {
  fiscalYear: number;
  organizations: OrganizationStatistics;
  /** April to March: posts first published in each month (Asia/Tokyo), by publisher type. */
  postMonths: { month: string; official: number; private: number; total: number; meetsTarget: boolean }[];
  postTarget: number;
  yearPosts: { official: number; private: number; total: number };
  /** null until the events domain provides its loader. */
  eventMonths: EventMonthFigures[] | null;
}

function tokyoMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+09:00`);
}

/**
 * The capability's KPIs per fiscal year (April–March) and month: registered organizations by type
 * (from the organizations domain), posts per month by publisher type, and the events' figures.
 * A post counts in the month it was first published, whatever happened to it later.
 */
export async function loadPublishingStatistics(app: App, actor: StaffActor, fiscalYear?: number, eventFigures?: EventFiguresLoader): Promise<Result<PublishingStatistics>> {
  const year = fiscalYear ?? fiscalYearOf(today());
  const organizations = await loadOrganizationStatistics(app, actor, year);
  if (!organizations.ok) return organizations;
  const from = tokyoMidnight(`${year}-04-01`);
  const to = tokyoMidnight(`${year + 1}-04-01`);
  const rows = await countPublishedByMonthAndPublisher(app.database.db, actor.municipalityId, from, to);
  const postMonths = organizations.value.months.map(({ month }) => {
    const official = rows.filter((r) => r.month === month && r.isOfficial).reduce((a, r) => a + r.n, 0);
    const privateCount = rows.filter((r) => r.month === month && !r.isOfficial).reduce((a, r) => a + r.n, 0);
    const total = official + privateCount;
    return { month, official, private: privateCount, total, meetsTarget: total >= MONTHLY_POSTS_TARGET };
  });
  const sum = (key: 'official' | 'private' | 'total') => postMonths.reduce((a, m) => a + m[key], 0);
  return ok({
    fiscalYear: year,
    organizations: organizations.value,
    postMonths,
    postTarget: MONTHLY_POSTS_TARGET,
    yearPosts: { official: sum('official'), private: sum('private'), total: sum('total') },
    eventMonths: eventFigures ? await eventFigures(app, actor.municipalityId, from, to) : null
  });
}
