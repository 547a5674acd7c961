import type { App } from '../app.ts';
import { hasRole } from '../auth/roles.ts';
import type { Caller } from '../municipalities/index.ts';
import { tokyoInstant } from '../bookings/index.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { parseEventFile, type EventDraft, type EventIssue } from './event-file.ts';
import { eventErrors } from './events.errors.ts';
import {
  findEventImport,
  findImportedEvent,
  insertEvent,
  insertEventImport,
  listImportedKeys,
  listRecentEventImports,
  lockEventImport,
  replaceOccurrences,
  updateEventImport,
  updateEventRow,
  type EventValues
} from './events.queries.ts';
import { idSchema } from './events.schemas.ts';

/** The largest イベント一覧 file taken (狛江市's 340 events are 170 KB). */
export const EVENT_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

function isWardStaff(caller: Caller): boolean {
  return hasRole(caller.roles, 'ward_staff') || hasRole(caller.roles, 'supervisor') || hasRole(caller.roles, 'admin');
}

export interface EventPreviewRow {
  line: number;
  sourceKey: string;
  title: string;
  startDate: string;
  isUpdate: boolean;
  errors: EventIssue[];
  warnings: EventIssue[];
  draft: EventDraft | null;
}

export interface EventImportPreview {
  encoding: string;
  boms: number;
  layout: string;
  sourceDataset: string;
  headers: string[];
  blankRows: number;
  counts: { rows: number; importable: number; rejected: number; withWarnings: number; updates: number };
  rows: EventPreviewRow[];
}

export interface EventImportView {
  id: string;
  status: 'preview' | 'imported' | 'failed';
  fileName: string;
  layout: string;
  preview: EventImportPreview | null;
  result: { inserted: number; updated: number; rejected: number } | null;
  failure: string | null;
}

/**
 * Ward staff upload an イベント一覧 file: it is stored as it came and parsed into a preview (rows to
 * import, each rejected row with its reasons, warnings). Nothing else is written until they confirm.
 */
export async function uploadEventFile(app: App, caller: Caller, upload: { fileName: string; bytes: Uint8Array }): Promise<Result<{ importId: string }>> {
  if (!isWardStaff(caller)) return failure(eventErrors.staffOnly);
  if (upload.bytes.length === 0) return failure(eventErrors.invalidInput({ file: 'events_error_file_required' }));
  if (upload.bytes.length > EVENT_IMPORT_MAX_BYTES) return failure(eventErrors.invalidInput({ file: 'events_error_file_too_large' }));
  const db = app.database.db;
  const { id } = await insertEventImport(db, { municipalityId: caller.municipalityId, createdBy: caller.userId, fileName: upload.fileName.slice(0, 200) || 'upload.csv', bytes: upload.bytes });
  const outcome = parseEventFile(upload.bytes);
  if (outcome.status === 'unreadable') {
    await updateEventImport(db, id, { status: 'failed', result: { failure: outcome.reason } });
  } else {
    const sourceDataset = `event:${outcome.publisherCode || 'unknown'}`;
    const existing = await listImportedKeys(db, caller.municipalityId, sourceDataset);
    const rows: EventPreviewRow[] = outcome.rows.map((r) => ({
      line: r.line,
      sourceKey: r.sourceKey,
      title: r.draft?.title ?? '',
      startDate: r.draft?.startDate ?? '',
      isUpdate: existing.has(r.sourceKey),
      errors: r.errors,
      warnings: r.warnings,
      draft: r.draft
    }));
    const importable = rows.filter((r) => r.draft);
    const preview: EventImportPreview = {
      encoding: outcome.encoding,
      boms: outcome.boms,
      layout: outcome.layout,
      sourceDataset,
      headers: outcome.headers,
      blankRows: outcome.blankRows,
      counts: {
        rows: rows.length,
        importable: importable.length,
        rejected: rows.length - importable.length,
        withWarnings: rows.filter((r) => r.warnings.length).length,
        updates: importable.filter((r) => r.isUpdate).length
      },
      rows
    };
    await updateEventImport(db, id, { status: 'preview', encoding: outcome.encoding, layout: outcome.layout, preview });
  }
  await writeAudit(db, caller, { action: 'create', recordType: 'event_import', recordId: id });
  return ok({ importId: id });
}

function toView(record: NonNullable<Awaited<ReturnType<typeof findEventImport>>>): EventImportView {
  const result = record.result as ({ inserted: number; updated: number; rejected: number } & { failure?: string }) | null;
  return {
    id: record.id,
    status: record.status,
    fileName: record.file_name,
    layout: record.layout,
    preview: record.preview as EventImportPreview | null,
    result: result && result.failure === undefined ? result : null,
    failure: result?.failure ?? null
  };
}

export async function getEventImport(app: App, caller: Caller, importId: string): Promise<Result<EventImportView>> {
  if (!isWardStaff(caller)) return failure(eventErrors.staffOnly);
  if (!idSchema.safeParse(importId).success) return failure(eventErrors.notFound);
  const record = await findEventImport(app.database.db, caller.municipalityId, importId);
  return record ? ok(toView(record)) : failure(eventErrors.notFound);
}

export async function listEventImports(app: App, caller: Caller) {
  if (!isWardStaff(caller)) return failure(eventErrors.staffOnly);
  const rows = await listRecentEventImports(app.database.db, caller.municipalityId);
  return ok(rows.map((r) => ({ id: r.id, status: r.status, fileName: r.file_name, layout: r.layout, createdAt: r.created_at.toISOString(), result: r.result as { inserted?: number; updated?: number; rejected?: number; failure?: string } | null })));
}

function valuesOf(d: EventDraft): EventValues {
  return {
    title: d.title,
    titleEn: d.titleEn,
    titleEasy: '',
    description: d.description,
    descriptionEn: '',
    descriptionEasy: '',
    category: d.category,
    placeId: null,
    placeName: d.placeName,
    address: d.address,
    lat: d.lat,
    lng: d.lng,
    districtId: null,
    minAgeMonths: d.minAgeMonths,
    maxAgeMonths: d.maxAgeMonths,
    feeYen: d.feeYen,
    feeNote: d.feeNote,
    registration: d.hasApplication ? 'external' : 'none',
    registrationNote: d.registrationNote,
    capacity: d.capacity,
    capacityUnit: null,
    recurrence: 'single',
    repeatWeeks: 1,
    firstDate: d.startDate,
    startTime: d.startTime,
    endTime: d.endTime,
    startsOn: d.startDate,
    endsOn: d.endDate,
    organizerName: d.organizerName,
    contactName: d.contactName,
    contactPhone: d.contactPhone,
    url: d.url,
    access: d.access
  };
}

/**
 * Staff confirm a preview: every importable row is written (new ones added, known IDs updated) in one
 * transaction, published as the ward's open data. Rejected rows are left out and counted.
 */
export async function confirmEventImport(app: App, caller: Caller, importId: string): Promise<Result<{ inserted: number; updated: number; rejected: number }>> {
  if (!isWardStaff(caller)) return failure(eventErrors.staffOnly);
  if (!idSchema.safeParse(importId).success) return failure(eventErrors.notFound);
  const municipalityId = caller.municipalityId;
  const outcome = await app.database.db.transaction().execute(async (trx) => {
    const record = await lockEventImport(trx, municipalityId, importId);
    if (!record) return failure(eventErrors.notFound);
    if (record.status !== 'preview' || !record.preview) return failure(eventErrors.importNotReady);
    const preview = record.preview as EventImportPreview;
    let inserted = 0;
    let updated = 0;
    for (const row of preview.rows) {
      if (!row.draft) continue;
      const values = valuesOf(row.draft);
      const existing = await findImportedEvent(trx, municipalityId, preview.sourceDataset, row.sourceKey);
      let eventId: string;
      if (existing) {
        await updateEventRow(trx, existing.id, values);
        eventId = existing.id;
        updated += 1;
      } else {
        ({ id: eventId } = await insertEvent(trx, { ...values, municipalityId, organizationId: null, createdBy: caller.userId, status: 'published', sourceDataset: preview.sourceDataset, sourceKey: row.sourceKey }));
        inserted += 1;
      }
      await replaceOccurrences(trx, municipalityId, eventId, [
        { occursOn: values.startsOn, startsAt: tokyoInstant(values.startsOn, values.startTime), endsAt: tokyoInstant(values.endsOn, values.endTime), slotId: null }
      ]);
    }
    const result = { inserted, updated, rejected: preview.counts.rejected };
    await updateEventImport(trx, importId, { status: 'imported', result });
    await writeAudit(trx, caller, { action: 'event_import.confirm', recordType: 'event_import', recordId: importId });
    return ok(result);
  });
  return outcome;
}
