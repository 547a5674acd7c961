import { cleanMultiline, cleanText, decodeFile, nfkc, normaliseHeader, parseAgeRange, parseCoordinates, parseJapaneseDate, parseTime, readCsv, type FileEncoding } from '../places/index.ts';

/**
 * Reading an イベント一覧 file (自治体標準オープンデータセット): the legacy 推奨 layout (06), the current
 * layout (12, as 焼津市 publishes it) and the 2022 ベース・レジストリ catalogue layout (狛江市's file).
 * Decoding and CSV reading are the places importer's.
 */

type Field =
  | 'code' | 'id' | 'title' | 'title_en' | 'start_date' | 'end_date' | 'start_time' | 'end_time' | 'date_note' | 'summary'
  | 'description' | 'category' | 'fee' | 'fee_note' | 'contact_name' | 'contact_phone' | 'organizer' | 'audience' | 'place_name'
  | 'meeting_place' | 'address' | 'address_pref' | 'address_city' | 'address_town' | 'address_block' | 'address_extra' | 'lat' | 'lng'
  | 'access' | 'capacity' | 'apply' | 'url' | 'remarks';

export interface EventLayout {
  id: 'legacy' | 'current' | 'catalogue2022';
  detect: (headers: Set<string>) => boolean;
  fields: Partial<Record<Field, string[]>>;
}

const has = (headers: Set<string>, ...names: string[]) => names.every((n) => headers.has(normaliseHeader(n)));

export const EVENT_LAYOUTS: EventLayout[] = [
  {
    id: 'catalogue2022',
    detect: (h) => has(h, '名称', '開始日', '開始時刻', '住所都道府県'),
    fields: {
      code: ['都道府県コード又は市区町村コード'], id: ['NO'], title: ['名称'], title_en: ['名称(英字)'], start_date: ['開始日'], end_date: ['終了日'],
      start_time: ['開始時刻'], end_time: ['終了時刻'], date_note: ['日時備考'], summary: ['概要'], description: ['説明'], category: ['イベント種類'],
      fee: ['料金(基本)'], fee_note: ['料金(詳細)'], contact_name: ['連絡先名称'], contact_phone: ['連絡先電話番号'], organizer: ['主催団体'],
      audience: ['対象者'], place_name: ['場所名称'], meeting_place: ['集合場所'], address_pref: ['住所都道府県'], address_city: ['住所市区町村'],
      address_town: ['住所町名'], address_block: ['住所丁目以下'], address_extra: ['建物名等'], lat: ['緯度'], lng: ['経度'], access: ['アクセス方法'],
      capacity: ['定員'], apply: ['申込方法'], url: ['URL'], remarks: ['備考']
    }
  },
  {
    id: 'current',
    detect: (h) => has(h, 'イベント名', '全国地方公共団体コード', '開始日', '開始時間'),
    fields: {
      code: ['全国地方公共団体コード'], id: ['ID'], title: ['イベント名'], title_en: ['イベント名_英語'], start_date: ['開始日'], end_date: ['終了日'],
      start_time: ['開始時間'], end_time: ['終了時間'], date_note: ['開始日時特記事項'], summary: ['概要'], description: ['説明'], category: ['イベント種類'],
      fee: ['料金(基本)'], fee_note: ['料金(詳細)'], contact_name: ['連絡先名称'], contact_phone: ['連絡先電話番号'], organizer: ['主催者'],
      audience: ['対象者'], place_name: ['場所名称'], meeting_place: ['集合（受付）場所'], address: ['所在地_連結表記'], address_pref: ['所在地_都道府県'],
      address_city: ['所在地_市区町村'], address_town: ['所在地_町字'], address_block: ['所在地_番地以下'], address_extra: ['建物名等(方書)'], lat: ['緯度'],
      lng: ['経度'], access: ['アクセス方法'], capacity: ['定員'], apply: ['参加申込方法'], url: ['URL'], remarks: ['備考']
    }
  },
  {
    id: 'legacy',
    detect: (h) => has(h, 'イベント名', '開始日', '開始時間', '住所'),
    fields: {
      code: ['都道府県コード又は市区町村コード'], id: ['NO'], title: ['イベント名'], title_en: ['イベント名_英語'], start_date: ['開始日'], end_date: ['終了日'],
      start_time: ['開始時間'], end_time: ['終了時間'], date_note: ['開始日時特記事項'], description: ['説明'], fee: ['料金(基本)'], fee_note: ['料金(詳細)'],
      contact_name: ['連絡先名称'], contact_phone: ['連絡先電話番号'], organizer: ['主催者'], place_name: ['場所名称'], address: ['住所'], address_extra: ['方書'],
      lat: ['緯度'], lng: ['経度'], access: ['アクセス方法'], capacity: ['定員'], apply: ['参加申込方法'], url: ['URL'], remarks: ['備考']
    }
  }
];

/** A row-level finding; `code` is stable (the page turns it into words), `value` quotes the cell. */
export interface EventIssue {
  code: 'missing_title' | 'missing_date' | 'invalid_date' | 'end_before_start' | 'invalid_time' | 'time_unknown' | 'duplicate_id' | 'duplicate_row' | 'missing_id' | 'invalid_coordinates' | 'swapped_coordinates' | 'fee_unparsed';
  field?: string;
  value?: string;
}

/** What one row becomes. */
export interface EventDraft {
  title: string;
  titleEn: string;
  description: string;
  category: string;
  startDate: string;
  endDate: string;
  startTime: string;
  endTime: string;
  placeName: string;
  address: string;
  lat: number | null;
  lng: number | null;
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
  feeYen: number;
  feeNote: string;
  capacity: number | null;
  registrationNote: string;
  hasApplication: boolean;
  organizerName: string;
  contactName: string;
  contactPhone: string;
  url: string;
  access: string;
}

export interface EventFileRow {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  line: number;
  sourceKey: string;
  draft: EventDraft | null;
  errors: EventIssue[];
  warnings: EventIssue[];
}

export type EventFileOutcome =
  | { status: 'parsed'; encoding: FileEncoding; boms: number; layout: EventLayout['id']; headers: string[]; publisherCode: string; rows: EventFileRow[]; blankRows: number }
  | { status: 'unreadable'; reason: 'empty' | 'not_tabular' | 'unknown_layout'; headers: string[] };

function timeOf(raw: string, field: string, issues: EventIssue[]): string | null {
  const text = nfkc(raw).trim();
  if (text === '') return null;
  const time = parseTime(text);
  if (time === undefined) {
    issues.push({ code: 'invalid_time', field, value: raw });
    return null;
  }
  return time;
}

function feeOf(raw: string, warnings: EventIssue[], field: string): number {
  const text = nfkc(raw).replace(/[,\s円]/g, '');
  if (text === '' || /^(無料|なし|0)$/.test(text)) return 0;
  if (/^\d{1,7}$/.test(text)) return Number(text);
  warnings.push({ code: 'fee_unparsed', field, value: raw });
  return 0;
}

function capacityOf(raw: string): number | null {
  const match = /(\d{1,5})/.exec(nfkc(raw));
  const value = match ? Number(match[1]) : 0;
  return value > 0 ? value : null;
}

/** Parses an uploaded イベント一覧 file into rows with their errors (rejected) and warnings (kept). */
export function parseEventFile(bytes: Uint8Array): EventFileOutcome {
  const decoded = decodeFile(bytes);
  if (decoded.text.trim() === '') return { status: 'unreadable', reason: 'empty', headers: [] };
  const table = readCsv(decoded.text);
  if (!table) return { status: 'unreadable', reason: 'not_tabular', headers: [] };
  const normal = new Set(table.headers.map(normaliseHeader));
  const layout = EVENT_LAYOUTS.find((l) => l.detect(normal));
  if (!layout) return { status: 'unreadable', reason: 'unknown_layout', headers: table.headers };
  const byNormal = new Map(table.headers.map((h) => [normaliseHeader(h), h]));
  const column = new Map<Field, string>();
  for (const [field, names] of Object.entries(layout.fields) as [Field, string[]][]) {
    const header = names.map((n) => byNormal.get(normaliseHeader(n))).find((h) => h !== undefined);
    if (header !== undefined) column.set(field, header);
  }
  const cell = (record: Record<string, string>, field: Field) => {
    const header = column.get(field);
    return header === undefined ? '' : (record[header] ?? '');
  };
  const rows: EventFileRow[] = [];
  const seen = new Set<string>();
  let blankRows = 0;
  let publisherCode = '';
  table.records.forEach((record, index) => {
    if (Object.values(record).every((v) => v.trim() === '')) {
      blankRows += 1;
      return;
    }
    const line = index + 2;
    const errors: EventIssue[] = [];
    const warnings: EventIssue[] = [];
    const header = (f: Field) => column.get(f) ?? f;
    publisherCode ||= nfkc(cell(record, 'code')).trim();
    const title = cleanText(cell(record, 'title'));
    if (!title) errors.push({ code: 'missing_title', field: header('title') });
    const startRaw = cell(record, 'start_date').trim();
    const endRaw = cell(record, 'end_date').trim();
    let startDate: string | null = null;
    let endDate: string | null = null;
    if (!startRaw) errors.push({ code: 'missing_date', field: header('start_date') });
    else {
      const parsed = parseJapaneseDate(startRaw);
      if (parsed.ok) startDate = parsed.value;
      else errors.push({ code: 'invalid_date', field: header('start_date'), value: startRaw });
    }
    if (endRaw) {
      const parsed = parseJapaneseDate(endRaw);
      if (parsed.ok) endDate = parsed.value;
      else errors.push({ code: 'invalid_date', field: header('end_date'), value: endRaw });
    } else endDate = startDate;
    if (startDate && endDate && endDate < startDate) errors.push({ code: 'end_before_start', field: header('end_date'), value: endRaw });
    let startTime = timeOf(cell(record, 'start_time'), header('start_time'), warnings);
    let endTime = timeOf(cell(record, 'end_time'), header('end_time'), warnings);
    // 焼津市 writes 0:00–0:00 for "time not given".
    if ((startTime === null && endTime === null) || (startTime === '00:00' && (endTime === '00:00' || endTime === null))) {
      warnings.push({ code: 'time_unknown', field: header('start_time') });
      startTime = '00:00';
      endTime = '00:00';
    }
    startTime ??= '00:00';
    endTime ??= startTime;
    if (startDate && endDate === startDate && endTime < startTime) endTime = startTime;
    const id = nfkc(cell(record, 'id')).trim();
    let sourceKey = id;
    if (!id) {
      warnings.push({ code: 'missing_id', field: header('id') });
      sourceKey = `${startDate ?? startRaw}T${startTime}|${title}`;
    } else if (seen.has(id)) {
      // 狛江市's file reuses a NO for a later date of a series: both rows are kept, told apart by their date.
      warnings.push({ code: 'duplicate_id', field: header('id'), value: id });
      sourceKey = `${id}@${startDate ?? startRaw}T${startTime}`;
    }
    if (seen.has(sourceKey)) errors.push({ code: 'duplicate_row', field: header('id'), value: id });
    const point = parseCoordinates(cell(record, 'lat'), cell(record, 'lng'));
    if (point.kind === 'invalid') warnings.push({ code: 'invalid_coordinates', field: header('lat'), value: point.value });
    if (point.kind === 'swapped') warnings.push({ code: 'swapped_coordinates', field: header('lat') });
    const address =
      cleanText(cell(record, 'address')) ||
      [cell(record, 'address_pref'), cell(record, 'address_city'), cell(record, 'address_town'), cell(record, 'address_block')].map(cleanText).join('');
    const extra = cleanText(cell(record, 'address_extra'));
    const ages = parseAgeRange(cell(record, 'audience'));
    const apply = cleanMultiline(cell(record, 'apply'));
    const draft: EventDraft | null =
      errors.length || !startDate || !endDate
        ? null
        : {
            title,
            titleEn: cleanText(cell(record, 'title_en')),
            description: [cleanMultiline(cell(record, 'summary')), cleanMultiline(cell(record, 'description'))].filter(Boolean).join('\n\n'),
            category: cleanText(cell(record, 'category')),
            startDate,
            endDate,
            startTime,
            endTime,
            placeName: cleanText(cell(record, 'place_name')) || cleanText(cell(record, 'meeting_place')),
            address: [address, extra].filter(Boolean).join(' '),
            lat: point.kind === 'ok' || point.kind === 'swapped' ? point.lat : null,
            lng: point.kind === 'ok' || point.kind === 'swapped' ? point.lng : null,
            minAgeMonths: ages.min,
            maxAgeMonths: ages.min !== null && ages.max !== null && ages.max < ages.min ? null : ages.max,
            feeYen: feeOf(cell(record, 'fee'), warnings, header('fee')),
            feeNote: cleanText(cell(record, 'fee_note')),
            capacity: capacityOf(cell(record, 'capacity')),
            registrationNote: [cleanMultiline(cell(record, 'date_note')), apply, cleanMultiline(cell(record, 'remarks'))].filter(Boolean).join('\n'),
            hasApplication: apply !== '',
            organizerName: cleanText(cell(record, 'organizer')),
            contactName: cleanText(cell(record, 'contact_name')),
            contactPhone: cleanText(cell(record, 'contact_phone')),
            url: cleanText(cell(record, 'url')),
            access: cleanMultiline(cell(record, 'access'))
          };
    if (id) seen.add(id);
    if (id) seen.add(`${id}@${startDate ?? startRaw}T${startTime}`);
    seen.add(sourceKey);
    rows.push({ line, sourceKey, draft, errors, warnings });
  });
  return { status: 'parsed', encoding: decoded.encoding, boms: decoded.boms, layout: layout.id, headers: table.headers, publisherCode, rows, blankRows };
}
