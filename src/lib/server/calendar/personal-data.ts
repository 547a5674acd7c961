import type { Db } from '../db/database.ts';
import { isoTimestamp, isoTimestampOrNull } from '../platform/timestamps.ts';
import { listFeedsOf } from './personal-data.queries.ts';

export interface CalendarDataExport {
  /** The person's calendar links (never the secret address itself: only its hash is kept). */
  feeds: { createdAt: string; revokedAt: string | null; lastFetchedAt: string | null; includesNames: boolean; includesPregnancy: boolean }[];
}

export async function exportCalendarDataOf(db: Db, person: { userId: string; municipalityId: string }): Promise<CalendarDataExport> {
  const feeds = await listFeedsOf(db, person.userId, person.municipalityId);
  return {
    feeds: feeds.map((f) => ({
      createdAt: isoTimestamp(f.created_at),
      revokedAt: isoTimestampOrNull(f.revoked_at),
      lastFetchedAt: isoTimestampOrNull(f.last_fetched_at),
      includesNames: f.include_names,
      includesPregnancy: f.include_pregnancy
    }))
  };
}
