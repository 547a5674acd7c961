import type { App } from '../app.ts';
import type { MunicipalityContext } from '../municipalities/index.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { DATASET_CATEGORIES, type OpenDataset } from './categories.ts';
import { daysText } from './opening-hours.ts';
import { placeErrors } from './places.errors.ts';
import { listPlacesForExport } from './places.queries.ts';

/** 子育て施設一覧, current layout: the exact 53 columns in the order 川口市 publishes them. */
export const PRESCHOOL_HEADER = [
  '全国地方公共団体コード', 'ID', '地方公共団体名', '名称', '名称_カナ', '名称_英字', '種別', '所在地_全国地方公共団体コード',
  '町字ID', '所在地_連結表記', '所在地_都道府県', '所在地_市区町村', '所在地_町字', '所在地_番地以下', '建物名等(方書)', '緯度',
  '経度', '高度の種別', '高度の値', 'アクセス方法', '駐車場情報', '電話番号', '内線番号', 'FAX番号', '連絡先メールアドレス',
  '連絡先FormURL', '連絡先備考（その他、SNSなど）', '郵便番号', '法人番号', '団体名', '認可等年月日', '収容定員', '受入年齢',
  '利用可能曜日', '開始時間', '終了時間', '利用可能日時特記事項', '一時預かりの有無', '子供預かり料金種別', '子供預かり料金',
  '子供預かり料金備考', '子供預かり開所時間', '子供預かり閉所時間', '病児保育の有無', '授乳室', 'おむつ替えコーナー', '飲食可否',
  'ベビーカー貸出', 'ベビーカー利用', 'URL', '画像', '画像_ライセンス', '備考'
] as const;

/** 公共施設一覧, current layout (as 熊本市 publishes it, plus the description columns of the definition). */
export const PUBLIC_FACILITY_HEADER = [
  '全国地方公共団体コード', 'ID', '地方公共団体名', '名称', '名称_カナ', '名称_英字', '種別', '所在地_全国地方公共団体コード', '町字ID',
  '所在地_連結表記', '所在地_都道府県', '所在地_市区町村', '所在地_町字', '所在地_番地以下', '建物名等(方書)', '緯度', '経度',
  '電話番号', '内線番号', 'FAX番号', '連絡先メールアドレス', '連絡先FormURL', '連絡先備考（その他、SNSなど）', '郵便番号', '利用可能曜日',
  '開始時間', '終了時間', '利用可能日時特記事項', '説明', 'バリアフリー情報', 'URL', '画像', '画像_ライセンス', '備考'
] as const;

/** 医療機関一覧, current layout: the legacy definition's columns after the identity and address block. */
export const HOSPITAL_HEADER = [
  '全国地方公共団体コード', 'ID', '地方公共団体名', '名称', '名称_カナ', '名称_英字', '医療機関の種類', '所在地_全国地方公共団体コード',
  '町字ID', '所在地_連結表記', '所在地_都道府県', '所在地_市区町村', '所在地_町字', '所在地_番地以下', '建物名等(方書)', '緯度', '経度',
  '電話番号', '内線番号', 'FAX番号', '法人番号', '法人の名称', '医療機関コード', '診療曜日', '診療開始時間', '診療終了時間',
  '診療日時特記事項', '時間外における対応', '診療科目', '病床数', 'URL', '備考'
] as const;

const HEADERS: Record<OpenDataset, readonly string[]> = { preschool: PRESCHOOL_HEADER, public_facility: PUBLIC_FACILITY_HEADER, hospital: HOSPITAL_HEADER };

export const OPEN_DATA_LICENSE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.ja' };

type ExportRow = Awaited<ReturnType<typeof listPlacesForExport>>[number];

function flag(value: boolean | null): string {
  return value === null ? '' : value ? '有' : '無';
}

function cells(row: ExportRow, municipality: MunicipalityContext): Record<string, string> {
  const span = row.opening_hours[0];
  const hoursNote = [row.opening_hours.slice(1).map((s) => `${daysText(s.days)} ${s.open}〜${s.close}`).join('、'), row.hours_note].filter(Boolean).join('\n');
  return {
    全国地方公共団体コード: municipality.code,
    ID: row.id,
    地方公共団体名: `${municipality.prefecture}${municipality.name}`,
    名称: row.name,
    名称_カナ: row.name_kana,
    種別: row.kind,
    医療機関の種類: row.kind,
    所在地_全国地方公共団体コード: municipality.code,
    所在地_連結表記: row.address,
    緯度: row.lat === null ? '' : String(row.lat),
    経度: row.lng === null ? '' : String(row.lng),
    アクセス方法: row.access,
    駐車場情報: row.parking,
    電話番号: row.phone,
    FAX番号: row.fax,
    連絡先メールアドレス: row.email,
    郵便番号: row.postal_code,
    団体名: row.operator_name,
    法人の名称: row.operator_name,
    認可等年月日: row.authorized_on ?? '',
    収容定員: row.capacity === null ? '' : String(row.capacity),
    受入年齢: row.age_text,
    利用可能曜日: span ? daysText(span.days) : '',
    開始時間: span?.open ?? '',
    終了時間: span?.close ?? '',
    利用可能日時特記事項: hoursNote,
    診療曜日: span ? daysText(span.days) : '',
    診療開始時間: span?.open ?? '',
    診療終了時間: span?.close ?? '',
    診療日時特記事項: hoursNote,
    一時預かりの有無: flag(row.has_temporary_care),
    病児保育の有無: flag(row.has_sick_child_care),
    授乳室: flag(row.has_nursing_room),
    おむつ替えコーナー: flag(row.has_diaper_changing),
    ベビーカー貸出: flag(row.stroller_rental),
    ベビーカー利用: flag(row.stroller_access),
    説明: row.description,
    URL: row.url,
    画像: row.photos[0] ?? '',
    画像_ライセンス: row.photo_license
  };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface OpenDataFile {
  body: string;
  contentType: string;
  fileName: string;
}

export function isOpenDataset(value: string): value is OpenDataset {
  return value in DATASET_CATEGORIES;
}

/**
 * The ward's places as open data: the 自治体標準オープンデータセット CSV (UTF-8 with BOM, CRLF) or
 * GeoJSON (RFC 7946; places not on the map have a null geometry). Published places only.
 */
export async function exportOpenData(app: App, municipality: MunicipalityContext, dataset: string, format: string): Promise<Result<OpenDataFile>> {
  if (!isOpenDataset(dataset) || (format !== 'csv' && format !== 'geojson')) return failure(placeErrors.unknownDataset);
  const rows = await listPlacesForExport(app.database.db, municipality.id, DATASET_CATEGORIES[dataset]);
  const baseName = `${municipality.code}_${dataset}`;
  if (format === 'csv') {
    const header = HEADERS[dataset];
    const lines = [header.join(',')];
    for (const row of rows) {
      const values = cells(row, municipality);
      lines.push(header.map((h) => csvField(values[h] ?? '')).join(','));
    }
    return ok({ body: `\uFEFF${lines.join('\r\n')}\r\n`, contentType: 'text/csv; charset=utf-8', fileName: `${baseName}.csv` });
  }
  const features = rows.map((row) => ({
    type: 'Feature',
    id: row.id,
    geometry: row.lat === null || row.lng === null ? null : { type: 'Point', coordinates: [row.lng, row.lat] },
    properties: {
      id: row.id,
      name: row.name,
      name_kana: row.name_kana,
      category: row.category,
      kind: row.kind,
      address: row.address,
      phone: row.phone,
      url: row.url,
      age: row.age_text,
      opening_hours: row.opening_hours,
      hours_note: row.hours_note,
      nursing_room: row.has_nursing_room,
      diaper_changing: row.has_diaper_changing,
      stroller_access: row.stroller_access
    }
  }));
  const body = JSON.stringify({ type: 'FeatureCollection', license: OPEN_DATA_LICENSE.name, attribution: `${municipality.prefecture}${municipality.name}`, features });
  return ok({ body, contentType: 'application/geo+json; charset=utf-8', fileName: `${baseName}.geojson` });
}
