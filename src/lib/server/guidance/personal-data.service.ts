import type { Db } from '../db/database.ts';
import { isoTimestamp, isoTimestampOrNull } from '../platform/timestamps.ts';
import { listDosesOfHouseholds, listGuidanceNoticesOf, listItemRecordsOfHouseholds } from './personal-data.queries.ts';

export interface GuidanceDataExport {
  /** Items marked done or not applicable on the timeline, per child or pregnancy. */
  itemRecords: { childId: string | null; pregnancyId: string | null; ruleKey: string; occurrence: number; status: string; doneOn: string | null; recordedAt: string }[];
  vaccinationDoses: { childId: string; vaccine: string; dose: number; givenOn: string; brand: string | null; recordedAt: string }[];
  notices: { subjectType: string; subjectId: string; ruleKey: string; occurrence: number; windowStart: string; windowEnd: string | null; plannedOn: string; readAt: string | null }[];
}

/** The timeline part of a person's data export: their households' records and doses, and their own notices. */
export async function exportGuidanceDataOf(db: Db, person: { userId: string; municipalityId: string }, householdIds: string[]): Promise<GuidanceDataExport> {
  const [records, doses, notices] = await Promise.all([
    listItemRecordsOfHouseholds(db, householdIds),
    listDosesOfHouseholds(db, householdIds),
    listGuidanceNoticesOf(db, person.userId, person.municipalityId)
  ]);
  return {
    itemRecords: records.map((r) => ({
      childId: r.child_id,
      pregnancyId: r.pregnancy_id,
      ruleKey: r.rule_key,
      occurrence: r.occurrence,
      status: r.status,
      doneOn: r.done_on,
      recordedAt: isoTimestamp(r.recorded_at)
    })),
    vaccinationDoses: doses.map((d) => ({ childId: d.child_id, vaccine: d.vaccine, dose: d.dose, givenOn: d.given_on, brand: d.brand, recordedAt: isoTimestamp(d.recorded_at) })),
    notices: notices.map((n) => ({
      subjectType: n.subject_type,
      subjectId: n.subject_id,
      ruleKey: n.rule_key,
      occurrence: n.occurrence,
      windowStart: n.window_start,
      windowEnd: n.window_end,
      plannedOn: n.planned_on,
      readAt: isoTimestampOrNull(n.read_at)
    }))
  };
}
