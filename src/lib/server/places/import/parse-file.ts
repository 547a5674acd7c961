import { parse } from 'csv-parse/sync';
import { isValidMunicipalityCode } from '../../municipalities/index.ts';
import { categoryForKind, isPlaceCategory, type PlaceCategory } from '../categories.ts';
import type { OpeningSpan } from '../places.table.ts';
import { decodeFile, type FileEncoding } from './decode.ts';
import { customLayout, detectLayout, normaliseHeader, type CustomMapping, type FieldKey, type ImportDataset, type Layout } from './layouts.ts';
import {
  cleanMultiline,
  cleanText,
  hasFullWidthDigits,
  nfkc,
  openingSpans,
  parseAgeRange,
  parseCoordinates,
  parseFlag,
  parseJapaneseDate,
  parseTime
} from './values.ts';

/** A row-level finding; `code` is stable (the page turns it into words), `value` quotes the cell. */
export interface ImportIssue {
  code:
    | 'missing_name'
    | 'duplicate_id'
    | 'missing_coordinates'
    | 'invalid_coordinates'
    | 'swapped_coordinates'
    | 'bad_municipality_code'
    | 'era_date'
    | 'invalid_date'
    | 'fullwidth_digits'
    | 'invalid_time'
    | 'missing_id';
  field?: string;
  value?: string;
}

/** What one row becomes: the facts of a place, ready to write. */
export interface PlaceDraft {
  category: PlaceCategory;
  kind: string;
  name: string;
  nameKana: string;
  address: string;
  postalCode: string;
  lat: number | null;
  lng: number | null;
  phone: string;
  fax: string;
  email: string;
  url: string;
  description: string;
  access: string;
  parking: string;
  capacity: number | null;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  ageText: string;
  openingHours: OpeningSpan[];
  hoursNote: string;
  operatorName: string;
  authorizedOn: string | null;
  hasTemporaryCare: boolean | null;
  hasSickChildCare: boolean | null;
  hasNursingRoom: boolean | null;
  hasDiaperChanging: boolean | null;
  strollerRental: boolean | null;
  strollerAccess: boolean | null;
  photos: string[];
  photoLicense: string;
  sourceMunicipalityCode: string;
}

export interface ParsedRow {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  line: number;
  sourceKey: string;
  draft: PlaceDraft | null;
  warnings: ImportIssue[];
  errors: ImportIssue[];
}

export interface ParsedFile {
  encoding: FileEncoding;
  boms: number;
  layout: string;
  dataset: ImportDataset;
  /** What source_dataset the rows are stored under: the dataset and its publisher. */
  sourceDataset: string;
  headers: string[];
  rows: ParsedRow[];
  /** Rows with no value at all (trailing blank lines): skipped, counted for the report. */
  blankRows: number;
}

export type ParseOutcome =
  | { status: 'parsed'; file: ParsedFile }
  | { status: 'needs_mapping'; encoding: FileEncoding; boms: number; headers: string[] }
  | { status: 'unreadable'; reason: 'empty' | 'not_tabular' | 'bad_geojson' };

export interface ParseOptions {
  mapping?: CustomMapping;
  publisher?: string;
  /** Called every few hundred rows so the page can show a progress bar. */
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

type Record_ = Record<string, string>;

export interface Table {
  headers: string[];
  records: Record_[];
  /** GeoJSON point coordinates per record, when the file is GeoJSON. */
  points?: ([number, number] | null)[];
}

function readGeoJson(text: string): Table | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const features = (doc as { type?: string; features?: unknown[] })?.features;
  if ((doc as { type?: string })?.type !== 'FeatureCollection' || !Array.isArray(features)) return undefined;
  const headers: string[] = [];
  const records: Record_[] = [];
  const points: ([number, number] | null)[] = [];
  for (const feature of features as { properties?: Record<string, unknown>; geometry?: { type?: string; coordinates?: unknown } }[]) {
    const record: Record_ = {};
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      if (!headers.includes(key)) headers.push(key);
      record[key] = value === null || value === undefined ? '' : String(value);
    }
    records.push(record);
    const coords = feature.geometry?.type === 'Point' ? feature.geometry.coordinates : undefined;
    points.push(Array.isArray(coords) && coords.length >= 2 && typeof coords[0] === 'number' && typeof coords[1] === 'number' ? [coords[0], coords[1]] : null);
  }
  return { headers, records, points };
}

/** A CSV or TSV text as a header row and records (header → cell); undefined when it is not a table. */
export function readCsv(text: string): Table | undefined {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
  if (rows.length === 0) return undefined;
  const headers = rows[0].map((h) => h.replace(/^\uFEFF+/, ''));
  while (headers.length && headers[headers.length - 1].trim() === '') headers.pop();
  if (headers.length < 2) return undefined;
  const records = rows.slice(1).map((cells) => {
    const record: Record_ = {};
    headers.forEach((h, i) => (record[h] = cells[i] ?? ''));
    return record;
  });
  return { headers, records };
}

class RowReader {
  private readonly index = new Map<FieldKey, string>();
  constructor(layout: Layout, headers: string[]) {
    const byNormal = new Map(headers.map((h) => [normaliseHeader(h), h]));
    for (const [field, candidates] of Object.entries(layout.fields) as [FieldKey, string[]][]) {
      for (const candidate of candidates) {
        const header = byNormal.get(normaliseHeader(candidate));
        if (header !== undefined) {
          this.index.set(field, header);
          break;
        }
      }
    }
  }
  has(field: FieldKey): boolean {
    return this.index.has(field);
  }
  header(field: FieldKey): string {
    return this.index.get(field) ?? field;
  }
  raw(record: Record_, field: FieldKey): string {
    const header = this.index.get(field);
    return header === undefined ? '' : (record[header] ?? '');
  }
}

function publisherKey(rows: Record_[], reader: RowReader, fallback: string): string {
  for (const record of rows) {
    const code = nfkc(reader.raw(record, 'municipality_code')).trim();
    if (isValidMunicipalityCode(code)) return code;
  }
  return fallback;
}

function toDraft(layout: Layout, reader: RowReader, record: Record_, point: [number, number] | null | undefined, warnings: ImportIssue[], customCategory?: string): PlaceDraft {
  const text = (field: FieldKey) => cleanText(reader.raw(record, field));
  const fullWidthFields: string[] = [];
  const normalised = (field: FieldKey) => {
    const value = text(field);
    if (hasFullWidthDigits(value)) fullWidthFields.push(reader.header(field));
    return nfkc(value);
  };

  const kind = text('kind');
  const category =
    customCategory && isPlaceCategory(customCategory) ? customCategory : categoryForKind(kind, layout.fallbackCategory);

  let address = text('address');
  if (!address) address = [text('address_pref'), text('address_city'), text('address_town'), text('address_block')].join('');
  const extra = text('address_extra');
  if (extra && !address.includes(extra)) address = `${address} ${extra}`.trim();
  if (hasFullWidthDigits(address)) fullWidthFields.push(reader.header('address'));

  let lat: number | null = null;
  let lng: number | null = null;
  const coords = point && !reader.has('lat') ? parseCoordinates(point[1], point[0]) : parseCoordinates(reader.raw(record, 'lat'), reader.raw(record, 'lng'));
  if (coords.kind === 'ok' || coords.kind === 'swapped') {
    lat = coords.lat;
    lng = coords.lng;
    if (coords.kind === 'swapped') warnings.push({ code: 'swapped_coordinates', value: `${reader.raw(record, 'lat')}, ${reader.raw(record, 'lng')}` });
  } else if (coords.kind === 'missing') warnings.push({ code: 'missing_coordinates' });
  else warnings.push({ code: 'invalid_coordinates', value: coords.value });

  const code = nfkc(text('municipality_code'));
  if (code && !isValidMunicipalityCode(code)) warnings.push({ code: 'bad_municipality_code', field: reader.header('municipality_code'), value: code });

  let authorizedOn: string | null = null;
  const dateText = text('authorized_on');
  if (dateText) {
    const date = parseJapaneseDate(dateText);
    if (date.ok) {
      authorizedOn = date.value;
      if (date.era) warnings.push({ code: 'era_date', field: reader.header('authorized_on'), value: `${dateText} → ${date.value}` });
    } else warnings.push({ code: 'invalid_date', field: reader.header('authorized_on'), value: dateText });
  }

  const ageRaw = text('age');
  const ageEnd = reader.has('age_end') ? text('age_end') : undefined;
  if (hasFullWidthDigits(ageRaw)) fullWidthFields.push(reader.header('age'));
  const ages = ageRaw || ageEnd ? parseAgeRange(ageRaw, ageEnd) : { min: null, max: null };
  const ageText = ageEnd !== undefined && (ageRaw || ageEnd) ? `${ageRaw}〜${ageEnd}` : ageRaw;

  const openText = text('open');
  const closeText = text('close');
  for (const [field, value] of [['open', openText], ['close', closeText]] as const) {
    if (value && !parseTime(value)) warnings.push({ code: 'invalid_time', field: reader.header(field), value });
  }
  const openingHours = reader.has('days') ? openingSpans(text('days'), openText, closeText) : [];
  const hoursParts: string[] = [];
  if (!openingHours.length && parseTime(openText) && parseTime(closeText) && !(parseTime(openText) === '00:00' && parseTime(closeText) === '00:00')) {
    hoursParts.push(`${text('days')} ${parseTime(openText)}〜${parseTime(closeText)}`.trim());
  }
  const note = cleanMultiline(reader.raw(record, 'hours_note'));
  if (hasFullWidthDigits(note)) fullWidthFields.push(reader.header('hours_note'));
  if (note) hoursParts.push(nfkc(note));
  if (layout.id === 'kodomo_shokudo_tokyo') {
    const when = ['開催曜日', '開催日', '開催開始時間', '開催終了時間', '開催日時特記事項']
      .map((h) => cleanText(record[Object.keys(record).find((k) => normaliseHeader(k) === normaliseHeader(h)) ?? '']))
      .filter(Boolean);
    if (when.length) hoursParts.push(nfkc(when.join(' ')));
  }

  const descriptionParts = [cleanMultiline(reader.raw(record, 'description')), cleanMultiline(reader.raw(record, 'remarks'))].filter(Boolean);
  const accessibility = text('accessibility');
  if (accessibility) descriptionParts.push(`バリアフリー: ${accessibility}`);
  const capacityText = normalised('capacity').replace(/[,人名]/g, '');
  const capacity = /^\d+$/.test(capacityText) ? Number(capacityText) : null;
  const photo = text('photo');

  if (fullWidthFields.length) warnings.push({ code: 'fullwidth_digits', field: [...new Set(fullWidthFields)].join('、') });

  const flag = (field: FieldKey) => parseFlag(reader.raw(record, field));
  const accessibilityFlag = (pattern: RegExp, field: FieldKey) => flag(field) ?? (pattern.test(accessibility) ? true : null);

  return {
    category,
    kind,
    name: text('name'),
    nameKana: nfkc(text('name_kana')),
    address: nfkc(address),
    postalCode: normalised('postal_code'),
    lat,
    lng,
    phone: normalised('phone'),
    fax: normalised('fax'),
    email: nfkc(text('email')),
    url: text('url'),
    description: descriptionParts.join('\n'),
    access: cleanMultiline(reader.raw(record, 'access')),
    parking: cleanMultiline(reader.raw(record, 'parking')),
    capacity,
    ageMinMonths: ages.min,
    ageMaxMonths: ages.max,
    ageText: nfkc(ageText),
    openingHours,
    hoursNote: hoursParts.join('\n'),
    operatorName: nfkc(text('operator')),
    authorizedOn,
    hasTemporaryCare: flag('temporary_care'),
    hasSickChildCare: flag('sick_child_care'),
    hasNursingRoom: accessibilityFlag(/授乳/, 'nursing_room'),
    hasDiaperChanging: accessibilityFlag(/おむつ|オムツ/, 'diaper'),
    strollerRental: flag('stroller_rental'),
    strollerAccess: accessibilityFlag(/ベビーカー/, 'stroller_access'),
    photos: photo && /^https?:\/\//.test(photo) ? [photo] : [],
    photoLicense: text('photo_license'),
    sourceMunicipalityCode: code
  };
}

/**
 * Reads an uploaded CSV/TSV/GeoJSON file into place drafts with row-level errors and warnings,
 * writing nothing. A layout we do not know needs a column mapping first.
 */
export async function parsePlaceFile(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseOutcome> {
  const { text, encoding, boms } = decodeFile(bytes);
  if (!text.trim()) return { status: 'unreadable', reason: 'empty' };
  const trimmed = text.trimStart();
  const isJson = trimmed.startsWith('{');
  const table = isJson ? readGeoJson(trimmed) : readCsv(text);
  if (!table) return { status: 'unreadable', reason: isJson ? 'bad_geojson' : 'not_tabular' };

  const layout = options.mapping ? customLayout(options.mapping) : detectLayout(table.headers);
  if (!layout) return { status: 'needs_mapping', encoding, boms, headers: table.headers };
  const reader = new RowReader(layout, table.headers);
  const publisherFallback = layout.dataset === 'papamama' ? 'papamama' : cleanText(options.publisher) || 'unknown';
  const sourceDataset = `${layout.dataset}:${layout.dataset === 'custom' ? publisherFallback : publisherKey(table.records, reader, publisherFallback)}`;

  const rows: ParsedRow[] = [];
  const seenKeys = new Map<string, number>();
  let blankRows = 0;
  const total = table.records.length;
  for (const [index, record] of table.records.entries()) {
    if (index % 200 === 0) await options.onProgress?.(index, total);
    const line = index + 2;
    if (Object.values(record).every((v) => v.trim() === '')) {
      blankRows++;
      continue;
    }
    const warnings: ImportIssue[] = [];
    const errors: ImportIssue[] = [];
    const name = cleanText(reader.raw(record, 'name'));
    let sourceKey = nfkc(cleanText(reader.raw(record, 'id')));
    if (!sourceKey) {
      sourceKey = `${name}|${nfkc(cleanText(reader.raw(record, 'address')))}`;
      if (reader.has('id')) warnings.push({ code: 'missing_id', field: reader.header('id') });
    }
    if (!name) errors.push({ code: 'missing_name', field: reader.header('name') });
    const firstLine = seenKeys.get(sourceKey);
    if (firstLine !== undefined) errors.push({ code: 'duplicate_id', field: reader.header('id'), value: `${sourceKey}（${firstLine}）` });
    else seenKeys.set(sourceKey, line);
    const draft = errors.length ? null : toDraft(layout, reader, record, table.points?.[index], warnings, options.mapping?.category);
    rows.push({ line, sourceKey, draft, warnings, errors });
  }
  await options.onProgress?.(total, total);
  return { status: 'parsed', file: { encoding, boms, layout: layout.id, dataset: layout.dataset, sourceDataset, headers: table.headers, rows, blankRows } };
}
