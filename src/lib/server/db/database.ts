import type { Kysely, Transaction } from 'kysely';
import type { MunicipalityTables } from '../municipalities/municipalities.table.ts';
import type { PeopleTables } from '../people/people.table.ts';
import type { HouseholdTables } from '../households/households.table.ts';
import type { AuthTables } from '../auth/auth.table.ts';
import type { AuditTables } from '../platform/audit.table.ts';
import type { PlaceTables } from '../places/places.table.ts';
import type { ForumTables } from '../forum/forum.table.ts';
import type { GuidanceTables } from '../guidance/guidance.table.ts';
import type { BookingTables } from '../bookings/bookings.table.ts';
import type { OrganizationTables } from '../organizations/organizations.table.ts';
import type { ProcedureTables } from '../procedures/procedures.table.ts';
import type { PushTables } from '../notifications/push/push.table.ts';
import type { PublishingTables } from '../publishing/publishing.table.ts';
import type { EventTables } from '../events/events.table.ts';
import type { CalendarTables } from '../calendar/calendar.table.ts';
import type { NotificationTables } from '../notifications/notifications.table.ts';

/** The whole schema, composed from each domain's tables. */
export interface Database
  extends MunicipalityTables,
    PeopleTables,
    HouseholdTables,
    AuthTables,
    AuditTables,
    PlaceTables,
    ForumTables,
    GuidanceTables,
    BookingTables,
    OrganizationTables,
    ProcedureTables,
    PushTables,
    PublishingTables,
    EventTables,
    CalendarTables,
    NotificationTables {}

/** What a query function takes first: the database or an open transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
