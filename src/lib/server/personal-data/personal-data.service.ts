import type { App } from '../app.ts';
import { exportBookingsDataOf, type BookingsDataExport } from '../bookings/index.ts';
import { exportForumDataOf, type ForumDataExport } from '../forum/index.ts';
import { exportGuidanceDataOf, type GuidanceDataExport } from '../guidance/index.ts';
import type { PersonActor } from '../households/index.ts';
import { exportOrganizationsDataOf, type OrganizationsDataExport } from '../organizations/index.ts';
import { exportPersonalData, type PersonalDataExport } from '../people/index.ts';
import { exportProceduresDataOf, type ProceduresDataExport } from '../procedures/index.ts';
import { exportPublishingDataOf, type PublishingDataExport } from '../publishing/index.ts';
import { exportCalendarDataOf, type CalendarDataExport } from '../calendar/index.ts';
import { exportPushDataOf, type PushDataExport } from '../notifications/index.ts';

/** The whole download: the account and household (people) plus each domain's part. */
export interface FullPersonalDataExport extends PersonalDataExport {
  timeline: GuidanceDataExport;
  bookings: BookingsDataExport;
  forum: ForumDataExport;
  organizations: OrganizationsDataExport;
  procedures: ProceduresDataExport;
  inquiriesAndVolunteering: PublishingDataExport;
  calendar: CalendarDataExport;
  pushNotifications: PushDataExport;
}

/**
 * Everything Hagukumi holds about the person and their children, as one JSON document. The people
 * domain writes the account part and the audit entry; each other domain contributes what it holds,
 * limited to the person's own records and the households they are a guardian of now (decision 0017).
 */
export async function exportEverythingAbout(app: App, actor: PersonActor, currentSessionId?: string): Promise<FullPersonalDataExport> {
  const db = app.database.db;
  const core = await exportPersonalData(app, actor, currentSessionId);
  const householdIds = core.households.map((h) => h.id);
  const [timeline, bookings, forum, organizations, procedures, inquiriesAndVolunteering, calendar, pushNotifications] = await Promise.all([
    exportGuidanceDataOf(db, actor, householdIds),
    exportBookingsDataOf(db, actor, householdIds),
    exportForumDataOf(db, actor),
    exportOrganizationsDataOf(db, actor),
    exportProceduresDataOf(db, householdIds),
    exportPublishingDataOf(db, actor),
    exportCalendarDataOf(db, actor),
    exportPushDataOf(db, actor)
  ]);
  return { ...core, timeline, bookings, forum, organizations, procedures, inquiriesAndVolunteering, calendar, pushNotifications };
}
