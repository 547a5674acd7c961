import { m } from '#lib/paraglide/messages.js';

const SOURCES: Record<string, () => string> = {
  guidance: m.notifications_source_guidance,
  forum: m.notifications_source_forum,
  bookings: m.notifications_source_bookings,
  announcement: m.notifications_source_announcement
};

/** Where a notice came from, in the reader's language. */
export const sourceName = (source: string) => (SOURCES[source] ?? m.notifications_source_other)();
