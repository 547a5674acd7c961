import type { OpeningSpan } from '../places.table.ts';

/** NFKC turns full-width digits, letters and colons into ASCII; ideographic spaces into spaces. */
export function nfkc(value: string): string {
  return value.normalize('NFKC');
}

export function hasFullWidthDigits(value: string): boolean {
  return /[０-９：．－]/.test(value);
}

/** Trimmed text with ideographic spaces and runs of white space made single ASCII spaces. */
export function cleanText(value: string | undefined | null): string {
  return (value ?? '').replace(/[\u3000\s]+/g, ' ').trim();
}

/** Multi-line display text: trims each line, keeps the line breaks. */
export function cleanMultiline(value: string | undefined | null): string {
  return (value ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/[\u3000\t ]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export type DateParse = { ok: true; value: string; era: boolean } | { ok: false };

const ERAS: Record<string, number> = {
  令和: 2018, 令: 2018, R: 2018,
  平成: 1988, 平: 1988, H: 1988,
  昭和: 1925, 昭: 1925, S: 1925,
  大正: 1911, 大: 1911, T: 1911,
  明治: 1867, 明: 1867, M: 1867
};

function isoOf(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Dates as municipalities write them: ISO, `1952/1/25`, Excel's `m/d/yy`, and 和暦 such as
 * `昭32. 7. 1`, `平成元年4月1日` or `R2.4.1`. `era` says a Japanese era date was converted.
 */
export function parseJapaneseDate(raw: string): DateParse {
  const value = nfkc(raw).trim();
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value) ?? /^(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日$/.exec(value);
  if (match) {
    const iso = isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
    return iso ? { ok: true, value: iso, era: false } : { ok: false };
  }
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/.exec(value);
  if (match) {
    const yy = Number(match[3]);
    const iso = isoOf(yy <= 49 ? 2000 + yy : 1900 + yy, Number(match[1]), Number(match[2]));
    return iso ? { ok: true, value: iso, era: false } : { ok: false };
  }
  match = /^(令和|平成|昭和|大正|明治|令|平|昭|大|明|[RHSTM])\s*(元|\d{1,2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$/i.exec(value);
  if (match) {
    const base = ERAS[match[1].toUpperCase()] ?? ERAS[match[1]];
    const year = base + (match[2] === '元' ? 1 : Number(match[2]));
    const iso = isoOf(year, Number(match[3]), Number(match[4]));
    return iso ? { ok: true, value: iso, era: true } : { ok: false };
  }
  return { ok: false };
}

/** `7:00`, `09:00`, `07：00`, `9:00:00` → 'HH:MM'; undefined when it is not a time. */
export function parseTime(raw: string): string | undefined {
  const match = /^(\d{1,2})[:：](\d{2})(?::\d{2})?$/.exec(nfkc(raw).trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return undefined;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

const DAY_CHARS: Record<string, number> = { 日: 0, 月: 1, 火: 2, 水: 3, 木: 4, 金: 5, 土: 6 };

/** `月火水木金土`, `月～金`, `平日`, `土日` → day numbers (0 = Sunday); 祝 is ignored. */
export function parseDays(raw: string): number[] {
  const value = nfkc(raw).replace(/曜日?/g, '').replace(/平日/g, '月~金').replace(/毎日/g, '月~日');
  const days = new Set<number>();
  const chars = [...value];
  for (let i = 0; i < chars.length; i++) {
    const day = DAY_CHARS[chars[i]];
    if (day === undefined) continue;
    const next = chars[i + 1];
    const end = DAY_CHARS[chars[i + 2]];
    if ((next === '~' || next === '〜' || next === '-' || next === 'から') && end !== undefined) {
      for (let d = day; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === end) break;
      }
      i += 2;
    } else days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

/** One span of structured hours, when both days and a real opening time are known. */
export function openingSpans(daysText: string, openText: string, closeText: string): OpeningSpan[] {
  const open = parseTime(openText);
  const close = parseTime(closeText);
  if (!open || !close || (open === '00:00' && close === '00:00')) return [];
  const days = parseDays(daysText);
  return days.length ? [{ days, open, close }] : [];
}

/** 有/無, ○/×, あり/なし, 1/0, 可/不可 → boolean; anything else (blank, 区域外…) → null. */
export function parseFlag(raw: string | undefined): boolean | null {
  const value = nfkc(raw ?? '').trim().toLowerCase();
  if (['有', 'あり', '○', '◯', '〇', '1', 'true', 'yes', '可', '設置', '有り'].includes(value)) return true;
  if (['無', 'なし', '×', '✕', '0', 'false', 'no', '不可', '無し'].includes(value)) return false;
  return null;
}

function monthsOf(part: string): number | undefined {
  if (/就学前|未就学/.test(part)) return 6 * 12 + 11;
  if (/産休明け|生後/.test(part)) {
    const days = /生後\s*(\d+)\s*日/.exec(part);
    return days ? Math.floor(Number(days[1]) / 30) : 2;
  }
  const years = /(\d+)\s*歳(?:\s*(\d+)\s*[かヶケカ]?月)?/.exec(part);
  if (years) return Number(years[1]) * 12 + (years[2] ? Number(years[2]) : 0);
  const months = /(\d+)\s*[かヶケカ]月/.exec(part);
  if (months) return Number(months[1]);
  const grade = /小学(?:校)?\s*(\d)\s*年/.exec(part);
  if (grade) return (Number(grade[1]) + 5) * 12;
  return undefined;
}

/**
 * 受入年齢 as written (`1歳から5歳`, `0歳から`, `６歳～１２歳（小学校１年生～６年生）`, `1歳10か月`):
 * the youngest and oldest age in months, either undefined when the text does not say.
 */
export function parseAgeRange(raw: string, rawEnd?: string): { min: number | null; max: number | null } {
  const value = nfkc(raw).replace(/\(.*?\)/g, '').trim();
  if (rawEnd !== undefined) {
    const min = monthsOf(value);
    const endMonths = monthsOf(nfkc(rawEnd));
    // "up to 5歳" means through the whole 5th year.
    const max = endMonths === undefined ? null : /歳/.test(nfkc(rawEnd)) && !/[かヶケカ]月/.test(nfkc(rawEnd)) ? endMonths + 11 : endMonths;
    return { min: min ?? null, max };
  }
  if (!value) return { min: null, max: null };
  const parts = value.split(/から|~|〜|～|-|−|ー(?=\d)/);
  const min = monthsOf(parts[0]);
  if (parts.length === 1) return { min: min ?? null, max: /まで|以下/.test(value) ? (min ?? null) : null };
  const endText = parts.slice(1).join('');
  const end = monthsOf(endText);
  const max = end === undefined ? null : /歳/.test(endText) && !/[かヶケカ]月/.test(endText) && !/就学前/.test(endText) ? end + 11 : end;
  return { min: min ?? null, max };
}

/** Japan's bounding box (with the outlying islands). */
export function inJapan(lat: number, lng: number): boolean {
  return lat >= 20 && lat <= 46 && lng >= 122 && lng <= 154;
}

export type CoordinateParse =
  | { kind: 'ok'; lat: number; lng: number }
  | { kind: 'swapped'; lat: number; lng: number }
  | { kind: 'missing' }
  | { kind: 'invalid'; value: string };

/** 緯度/経度 as published: blanks and `0` are missing; a pair in the wrong columns is swapped back. */
export function parseCoordinates(latRaw: string | number | null | undefined, lngRaw: string | number | null | undefined): CoordinateParse {
  const latText = nfkc(String(latRaw ?? '')).trim();
  const lngText = nfkc(String(lngRaw ?? '')).trim();
  if ((latText === '' || latText === '0') && (lngText === '' || lngText === '0')) return { kind: 'missing' };
  const lat = Number(latText);
  const lng = Number(lngText);
  if (latText === '' || lngText === '' || !Number.isFinite(lat) || !Number.isFinite(lng)) return { kind: 'invalid', value: `${latText}, ${lngText}` };
  if (inJapan(lat, lng)) return { kind: 'ok', lat, lng };
  if (inJapan(lng, lat)) return { kind: 'swapped', lat: lng, lng: lat };
  return { kind: 'invalid', value: `${latText}, ${lngText}` };
}
