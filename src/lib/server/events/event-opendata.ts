import type { App } from '../app.ts';
import type { MunicipalityContext } from '../municipalities/index.ts';
import { listVisibleEventsForExport } from './events.queries.ts';

/** イベント一覧 (12), current layout: the exact 80 columns in the order 焼津市 publishes them. */
export const EVENT_HEADER = [
  '全国地方公共団体コード', '法人番号', 'ID', '地方公共団体名', 'イベント名', '言語コード', 'イベント通称', 'サブタイトル', 'イベント名_カナ', 'イベント名_英語',
  'コンテンツURL', '状態', 'キーワード', 'タグ', '対象となる産業', '開催パターン', '開始日', '終了日', '開始時間', '終了時間', '開始日時特記事項', '所要時間',
  '掲載開始日', '掲載終了日', '概要', '説明', 'サブイベント', 'イベント種類', '料金(基本)', '料金(詳細)', '連絡先名称', '連絡先電話番号', '連絡先内線番号',
  '主催者', '共催団体', '関連組織', '対象者', '対象者備考', '場所名称', '集合（受付）場所', '所在地_全国地方公共団体コード', '町字ID', '所在地_連結表記',
  '所在地_都道府県', '所在地_市区町村', '所在地_町字', '所在地_番地以下', '建物名等(方書)', '緯度', '経度', 'アクセス方法', '駐車場情報', '駐車場料金',
  '駐輪場情報', 'Web開催', 'Web開催URL', 'ツール・環境', '定員', '定員備考', '料金種別', '決済種別', '外国語対応', '外国語対応備考', '開催条件',
  '参加申込終了日', '参加申込終了時間', '参加申込方法', '申込開始日', '申込開始時刻', '申込URL', 'URL', '授乳室', 'おむつ替えコーナー', '飲食可否',
  'ベビーカー貸出', 'ベビーカー利用', '画像', '画像_ライセンス', '備考', 'イベントジャンル'
] as const;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function ageText(min: number | null, max: number | null): string {
  const part = (months: number, bound: 'min' | 'max') => {
    if (bound === 'max' && months % 12 === 11) return `${(months - 11) / 12}歳`;
    if (months % 12 === 0) return `${months / 12}歳`;
    return `${Math.floor(months / 12)}歳${months % 12}か月`;
  };
  if (min === null && max === null) return '';
  if (max === null) return `${part(min!, 'min')}から`;
  if (min === null) return `${part(max, 'max')}まで`;
  return `${part(min, 'min')}から${part(max, 'max')}まで`;
}

/**
 * The ward's public events as the イベント一覧 CSV, current layout (UTF-8 with BOM, CRLF): organizations'
 * published events and the imported ones. Registration through the app is said in 参加申込方法.
 */
export async function exportEventOpenData(app: App, municipality: MunicipalityContext, absoluteUrl: (path: string) => string): Promise<{ body: string; fileName: string }> {
  const rows = await listVisibleEventsForExport(app.database.db, municipality.id);
  const lines = [EVENT_HEADER.join(',')];
  for (const e of rows) {
    const values: Partial<Record<(typeof EVENT_HEADER)[number], string>> = {
      全国地方公共団体コード: municipality.code,
      ID: e.id,
      地方公共団体名: `${municipality.prefecture}${municipality.name}`,
      イベント名: e.title,
      言語コード: 'JA',
      イベント名_英語: e.title_en,
      開催パターン: e.recurrence === 'weekly' ? `毎週（${e.repeat_weeks}回）` : '',
      開始日: e.starts_on,
      終了日: e.ends_on,
      開始時間: e.start_time,
      終了時間: e.end_time,
      説明: e.description,
      イベント種類: e.category,
      '料金(基本)': String(e.fee_yen),
      '料金(詳細)': e.fee_note,
      連絡先名称: e.contact_name,
      連絡先電話番号: e.contact_phone,
      主催者: e.organization_name ?? e.organizer_name,
      対象者: ageText(e.min_age_months, e.max_age_months),
      場所名称: e.place_name,
      所在地_全国地方公共団体コード: municipality.code,
      所在地_連結表記: e.address,
      緯度: e.lat === null ? '' : String(e.lat),
      経度: e.lng === null ? '' : String(e.lng),
      アクセス方法: e.access,
      定員: e.capacity === null ? '' : String(e.capacity),
      定員備考: e.capacity_unit === 'households' ? '世帯数' : e.capacity_unit === 'people' ? '人数' : '',
      料金種別: e.fee_yen === 0 ? '無料' : '有料',
      参加申込方法: e.registration === 'bookings' ? 'ウェブ申込' : e.registration === 'none' ? '申込不要' : e.registration_note,
      申込URL: e.registration === 'bookings' ? absoluteUrl(`/events/${e.id}`) : '',
      URL: e.url || absoluteUrl(`/events/${e.id}`)
    };
    lines.push(EVENT_HEADER.map((h) => csvField(values[h] ?? '')).join(','));
  }
  return { body: `\uFEFF${lines.join('\r\n')}\r\n`, fileName: `${municipality.code}_event.csv` };
}
