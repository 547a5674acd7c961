export { getCalendarSettings, createCalendarFeed, revokeCalendarFeed, renderCalendarFeed, feedPath, type CalendarSettings } from './calendar.service.ts';
export { calendarErrors } from './calendar.errors.ts';
export { exportCalendarDataOf, type CalendarDataExport } from './personal-data.ts';
