import type { App } from '../app.ts';
import type { Caller } from '../municipalities/index.ts';
import { isWardStaff } from './place-access.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { logger } from '../platform/logger.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { headerSignature, MAPPABLE_FIELDS, type CustomMapping } from './import/layouts.ts';
import { parsePlaceFile, type ImportIssue, type ParsedRow, type PlaceDraft } from './import/parse-file.ts';
import type { FileEncoding } from './import/decode.ts';
import { placeErrors } from './places.errors.ts';
import {
  claimImport,
  findImport,
  findImportBytes,
  findSavedMapping,
  insertImport,
  listDistrictsOf,
  listRecentImports,
  listSourceKeys,
  saveMapping,
  updateImport,
  upsertImportedPlace,
  type PlaceValues
} from './places.queries.ts';
import { fieldErrors, idSchema, mappingSchema, uploadSchema } from './places.schemas.ts';
import { normaliseSearchText } from './search-text.ts';

/** Larger files are refused before parsing (the biggest real 子育て施設一覧 files are under 1 MB). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export interface PreviewRow {
  line: number;
  sourceKey: string;
  name: string;
  category: string | null;
  address: string;
  mapped: boolean;
  /** True when a place with this ID is already stored: confirming updates it. */
  isUpdate: boolean;
  warnings: ImportIssue[];
  errors: ImportIssue[];
  draft: PlaceDraft | null;
}

export interface ImportPreview {
  encoding: FileEncoding;
  boms: number;
  layout: string;
  dataset: string;
  sourceDataset: string;
  headers: string[];
  blankRows: number;
  counts: { rows: number; importable: number; rejected: number; withWarnings: number; updates: number; unmapped: number };
  rows: PreviewRow[];
}

export interface ImportResult {
  inserted: number;
  updated: number;
  rejected: number;
}

export interface ImportView {
  id: string;
  status: 'uploaded' | 'parsing' | 'needs_mapping' | 'preview' | 'imported' | 'failed';
  fileName: string;
  encoding: string;
  layout: string;
  publisher: string;
  headers: string[];
  mapping: CustomMapping | null;
  progress: { done: number; total: number };
  preview: ImportPreview | null;
  result: ImportResult | null;
  failure: string | null;
}

type Upload = { fileName: string; bytes: Uint8Array; publisher?: string };

/**
 * Ward staff upload a file: it is stored as it came, and nothing else is written. Parsing runs next
 * (`parseImport`), in the background so the page can show progress.
 */
export async function uploadPlaceFile(app: App, caller: Caller, upload: Upload): Promise<Result<{ importId: string }>> {
  if (!isWardStaff(caller)) return failure(placeErrors.staffOnly);
  const parsed = uploadSchema.safeParse({ publisher: upload.publisher ?? '' });
  if (!parsed.success) return failure(placeErrors.invalidInput(fieldErrors(parsed.error)));
  if (upload.bytes.length === 0) return failure(placeErrors.invalidInput({ file: 'places_error_file_required' }));
  if (upload.bytes.length > IMPORT_MAX_BYTES) return failure(placeErrors.invalidInput({ file: 'places_error_file_too_large' }));
  const fileName = upload.fileName.slice(0, 200) || 'upload';
  const { id } = await insertImport(app.database.db, { municipalityId: caller.municipalityId, createdBy: caller.userId, fileName, bytes: upload.bytes, publisher: parsed.data.publisher });
  await writeAudit(app.database.db, caller, { action: 'create', recordType: 'place_import', recordId: id });
  return ok({ importId: id });
}

/**
 * Parses an uploaded file into a preview (row-level errors and warnings, new vs updated), with
 * progress stored as it goes. A layout we do not know waits for a column mapping, unless one was
 * saved for the same header row. Writes only to the import record.
 */
export async function parseImport(app: App, municipalityId: string, importId: string): Promise<void> {
  const db = app.database.db;
  if (!(await claimImport(db, municipalityId, importId, 'uploaded', 'parsing'))) return;
  try {
    const record = await findImport(db, municipalityId, importId);
    const bytes = await findImportBytes(db, municipalityId, importId);
    if (!record || !bytes) return;
    let mapping = (record.mapping as CustomMapping | null) ?? undefined;
    let publisher = record.publisher;
    let outcome = await parsePlaceFile(bytes, { mapping, publisher });
    if (outcome.status === 'needs_mapping' && !mapping) {
      const saved = await findSavedMapping(db, municipalityId, headerSignature(outcome.headers));
      if (saved) {
        mapping = saved.mapping as CustomMapping;
        publisher = saved.publisher;
        await updateImport(db, importId, { mapping, publisher });
      }
    }
    if (mapping && outcome.status !== 'unreadable') {
      outcome = await parsePlaceFile(bytes, {
        mapping,
        publisher,
        onProgress: (done, total) => updateImport(db, importId, { progressDone: done, progressTotal: total })
      });
    } else if (outcome.status === 'parsed') {
      // Parse once more with progress reported (the first pass told us the layout).
      outcome = await parsePlaceFile(bytes, { publisher, onProgress: (done, total) => updateImport(db, importId, { progressDone: done, progressTotal: total }) });
    }
    if (outcome.status === 'unreadable') {
      await updateImport(db, importId, { status: 'failed', result: { failure: outcome.reason } });
      return;
    }
    if (outcome.status === 'needs_mapping') {
      await updateImport(db, importId, { status: 'needs_mapping', encoding: outcome.encoding, headers: outcome.headers });
      return;
    }
    const file = outcome.file;
    const existing = await listSourceKeys(db, municipalityId, file.sourceDataset);
    const rows: PreviewRow[] = file.rows.map((row: ParsedRow) => ({
      line: row.line,
      sourceKey: row.sourceKey,
      name: row.draft?.name ?? '',
      category: row.draft?.category ?? null,
      address: row.draft?.address ?? '',
      mapped: row.draft?.lat !== null && row.draft?.lat !== undefined,
      isUpdate: existing.has(row.sourceKey),
      warnings: row.warnings,
      errors: row.errors,
      draft: row.draft
    }));
    const importable = rows.filter((r) => r.draft);
    const preview: ImportPreview = {
      encoding: file.encoding,
      boms: file.boms,
      layout: file.layout,
      dataset: file.dataset,
      sourceDataset: file.sourceDataset,
      headers: file.headers,
      blankRows: file.blankRows,
      counts: {
        rows: rows.length,
        importable: importable.length,
        rejected: rows.length - importable.length,
        withWarnings: rows.filter((r) => r.warnings.length).length,
        updates: importable.filter((r) => r.isUpdate).length,
        unmapped: importable.filter((r) => !r.mapped).length
      },
      rows
    };
    await updateImport(db, importId, { status: 'preview', encoding: file.encoding, layout: file.layout, headers: file.headers, preview, progressDone: rows.length, progressTotal: rows.length });
  } catch (error) {
    logger.error({ err: error, importId }, 'place import parse failed');
    await updateImport(db, importId, { status: 'failed', result: { failure: 'parse_error' } });
  }
}

/** Starts `parseImport` without waiting (the page polls the progress); failures are logged. */
export function parseImportInBackground(app: App, municipalityId: string, importId: string): void {
  void parseImport(app, municipalityId, importId).catch((error) => logger.error({ err: error, importId }, 'place import parse failed'));
}

function toView(record: NonNullable<Awaited<ReturnType<typeof findImport>>>): ImportView {
  const result = record.result as (ImportResult & { failure?: string }) | null;
  return {
    id: record.id,
    status: record.status,
    fileName: record.file_name,
    encoding: record.encoding,
    layout: record.layout,
    publisher: record.publisher,
    headers: record.headers,
    mapping: record.mapping as CustomMapping | null,
    progress: { done: record.progress_done, total: record.progress_total },
    preview: record.preview as ImportPreview | null,
    result: result && result.failure === undefined ? result : null,
    failure: result?.failure ?? null
  };
}

export async function getImport(app: App, caller: Caller, importId: string): Promise<Result<ImportView>> {
  if (!isWardStaff(caller)) return failure(placeErrors.staffOnly);
  if (!idSchema.safeParse(importId).success) return failure(placeErrors.importNotFound);
  const record = await findImport(app.database.db, caller.municipalityId, importId);
  if (!record) return failure(placeErrors.importNotFound);
  return ok(toView(record));
}

export async function listImports(app: App, caller: Caller) {
  if (!isWardStaff(caller)) return failure(placeErrors.staffOnly);
  return ok(await listRecentImports(app.database.db, caller.municipalityId));
}

/**
 * The column mapping for a layout we do not know: which column is the name, the ID, the address,
 * the coordinates… Optionally saved for the publisher, so their next file needs no mapping.
 * The file is then parsed again (`parseImport`).
 */
export async function mapImportColumns(app: App, caller: Caller, importId: string, input: Record<string, unknown>): Promise<Result<{ importId: string }>> {
  if (!isWardStaff(caller)) return failure(placeErrors.staffOnly);
  if (!idSchema.safeParse(importId).success) return failure(placeErrors.importNotFound);
  const db = app.database.db;
  const record = await findImport(db, caller.municipalityId, importId);
  if (!record) return failure(placeErrors.importNotFound);
  if (record.status !== 'needs_mapping' && record.status !== 'preview') return failure(placeErrors.importNotReady);
  const parsed = mappingSchema.safeParse(input);
  if (!parsed.success) return failure(placeErrors.invalidInput(fieldErrors(parsed.error)));
  const values = parsed.data as Record<string, string | boolean>;
  const mapping: Record<string, string> = {};
  const fields: Record<string, string> = {};
  for (const field of MAPPABLE_FIELDS) {
    const header = String(values[field] ?? '');
    if (!header) continue;
    if (!record.headers.includes(header)) fields[field] = 'places_error_mapping_unknown_column';
    mapping[field] = header;
  }
  if (Object.keys(fields).length) return failure(placeErrors.invalidInput(fields));
  if (values.category !== 'auto') mapping.category = String(values.category);
  const publisher = String(values.publisher);
  if (values.save) await saveMapping(db, caller.municipalityId, publisher, headerSignature(record.headers), mapping);
  await updateImport(db, importId, { status: 'uploaded', mapping, publisher, preview: null, progressDone: 0 });
  return ok({ importId });
}

function assignDistrict(address: string, districts: { id: string; name: string }[]): string | null {
  const found = districts.filter((d) => address.includes(d.name)).sort((a, b) => b.name.length - a.name.length)[0];
  return found?.id ?? null;
}

export function draftValues(draft: PlaceDraft, districtId: string | null): PlaceValues {
  return {
    ...draft,
    districtId,
    searchText: normaliseSearchText([draft.name, draft.nameKana, draft.address, draft.kind, draft.operatorName, draft.description].join(' '))
  };
}

/**
 * Writes a previewed import: every importable row, in one transaction. A row the database refuses
 * rolls the whole import back (nothing is written) and names the row. Rows whose ID is already
 * stored for the same dataset are updated, not duplicated.
 */
export async function confirmImport(app: App, caller: Caller, importId: string): Promise<Result<ImportResult>> {
  if (!isWardStaff(caller)) return failure(placeErrors.staffOnly);
  if (!idSchema.safeParse(importId).success) return failure(placeErrors.importNotFound);
  const db = app.database.db;
  const record = await findImport(db, caller.municipalityId, importId);
  if (!record) return failure(placeErrors.importNotFound);
  if (record.status !== 'preview' || !record.preview) return failure(placeErrors.importNotReady);
  const preview = record.preview as ImportPreview;
  const districts = await listDistrictsOf(db, caller.municipalityId);
  let currentLine = 0;
  try {
    const result = await db.transaction().execute(async (trx) => {
      if (!(await claimImport(trx, caller.municipalityId, importId, 'preview', 'imported'))) return undefined;
      let inserted = 0;
      let updated = 0;
      for (const row of preview.rows) {
        if (!row.draft) continue;
        currentLine = row.line;
        const written = await upsertImportedPlace(trx, caller.municipalityId, { dataset: preview.sourceDataset, key: row.sourceKey }, draftValues(row.draft, assignDistrict(row.draft.address, districts)));
        if (written.inserted) inserted++;
        else updated++;
      }
      const outcome: ImportResult = { inserted, updated, rejected: preview.counts.rejected };
      await updateImport(trx, importId, { result: outcome });
      await writeAudit(trx, caller, { action: 'import', recordType: 'place_import', recordId: importId });
      return outcome;
    });
    if (!result) return failure(placeErrors.importNotReady);
    return ok(result);
  } catch (error) {
    logger.warn({ err: error, importId, line: currentLine }, 'place import rolled back');
    return failure(placeErrors.importFailed(currentLine));
  }
}

/** A parse that has not reported progress for this long is taken to have died with its process. */
const STALE_PARSE_MS = 60_000;

/**
 * Restarts reading a file whose parse was lost (the server restarted while it ran) or never started:
 * called when the review page is opened, so staff never wait on a progress bar that cannot move.
 */
export async function resumeImportIfStalled(app: App, caller: Caller, importId: string): Promise<void> {
  if (!isWardStaff(caller) || !idSchema.safeParse(importId).success) return;
  const db = app.database.db;
  const record = await findImport(db, caller.municipalityId, importId);
  if (!record) return;
  const idleFor = now().getTime() - new Date(record.updated_at).getTime();
  if (record.status === 'parsing' && idleFor > STALE_PARSE_MS) {
    if (await claimImport(db, caller.municipalityId, importId, 'parsing', 'uploaded')) parseImportInBackground(app, caller.municipalityId, importId);
  } else if (record.status === 'uploaded' && idleFor > STALE_PARSE_MS / 10) parseImportInBackground(app, caller.municipalityId, importId);
}
