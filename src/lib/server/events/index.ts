export {
  listOrganizationEvents,
  getEventForEditing,
  createEvent,
  updateEvent,
  publishEvent,
  unpublishEvent,
  occurrenceDates,
  type EventListItem,
  type OrganizationEvents,
  type EventForEditing
} from './events.service.ts';
export {
  listPublicEvents,
  loadEventCalendar,
  getPublicEvent,
  listPlaceEvents,
  listOrganizationUpcomingEvents,
  listEventsForFamily,
  loadEventStatistics,
  parseEventFilter,
  EVENTS_PAGE_SIZE,
  type EventSummary,
  type PublicEvent,
  type EventOccurrenceView,
  type EventFilter,
  type EventPage,
  type CalendarDay,
  type EventStatistics,
  type EventMonthFigures
} from './public.service.ts';
export { eventJsonLd, jsonLdScript, buildEventsFeed, FEED_DAYS } from './event-feeds.ts';
export { exportEventOpenData, EVENT_HEADER } from './event-opendata.ts';
export {
  uploadEventFile,
  getEventImport,
  listEventImports,
  confirmEventImport,
  EVENT_IMPORT_MAX_BYTES,
  type EventImportView,
  type EventImportPreview,
  type EventPreviewRow
} from './events-import.service.ts';
export { listPlaceChoicesForEvents } from './place-choices.ts';
export { EVENT_CAPACITY_UNITS, MAX_REPEAT_WEEKS, TITLE_MAX, DESCRIPTION_MAX } from './events.schemas.ts';
export type { EventIssue } from './event-file.ts';
export type { EventStatus, EventRegistration, EventCapacityUnit } from './events.table.ts';
export { seedEventsDemo } from './events.demo.ts';
