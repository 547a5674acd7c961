import { z } from 'zod';
import { containsMyNumber } from '../platform/my-number.ts';
import { PLACE_CATEGORIES } from './categories.ts';
import { MAPPABLE_FIELDS } from './import/layouts.ts';

const text = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string());
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined), z.string().optional());
const flag = z.preprocess((v) => v === true || v === '1' || v === 'true' || v === 'on', z.boolean());

export const idSchema = z.uuid();
export const SEARCH_LIMIT_MAX = 100;

/** "lat,lng" in decimal degrees. */
export const pointSchema = z
  .string()
  .trim()
  .regex(/^-?\d{1,3}(\.\d+)?,\s*-?\d{1,3}(\.\d+)?$/, 'places_error_near')
  .transform((v) => {
    const [lat, lng] = v.split(',').map(Number);
    return { lat, lng };
  })
  .refine((p) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180, 'places_error_near');

/** The search as the list page, the map and the API ask for it. */
export const searchSchema = z.object({
  q: optionalText.pipe(z.string().max(100, 'places_error_q_too_long').optional()),
  category: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : String(v).split(',')),
    z.array(z.enum(PLACE_CATEGORIES, 'places_error_category')).max(PLACE_CATEGORIES.length)
  ),
  district: optionalText.pipe(z.uuid('places_error_district').optional()),
  age: optionalText.pipe(z.coerce.number<string>('places_error_age').int('places_error_age').min(0, 'places_error_age').max(18, 'places_error_age').optional()),
  near: optionalText.pipe(pointSchema.optional()),
  nearPlace: optionalText.pipe(z.uuid('places_error_near').optional()),
  nearDistrict: optionalText.pipe(z.uuid('places_error_district').optional()),
  openNow: flag,
  bookable: flag,
  limit: optionalText.pipe(z.coerce.number<string>('places_error_limit').int('places_error_limit').min(1, 'places_error_limit').max(SEARCH_LIMIT_MAX, 'places_error_limit').optional()),
  cursor: optionalText.pipe(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'places_error_cursor').optional())
});
export type SearchInput = z.infer<typeof searchSchema>;

/** Reads URLSearchParams (repeated `category` allowed, snake_case names as in the API). */
export function searchParamsInput(params: URLSearchParams): Record<string, unknown> {
  return {
    q: params.get('q') ?? undefined,
    category: params.getAll('category').flatMap((c) => c.split(',')),
    district: params.get('district') ?? undefined,
    age: params.get('age') ?? undefined,
    near: params.get('near') ?? undefined,
    nearPlace: params.get('near_place') ?? undefined,
    nearDistrict: params.get('near_district') ?? undefined,
    openNow: params.get('open_now') ?? undefined,
    bookable: params.get('bookable') ?? undefined,
    limit: params.get('limit') ?? undefined,
    cursor: params.get('cursor') ?? undefined
  };
}

export const coordinatesSchema = z.object({
  lat: text.pipe(z.coerce.number<string>('places_error_lat').min(20, 'places_error_lat').max(46, 'places_error_lat')),
  lng: text.pipe(z.coerce.number<string>('places_error_lng').min(122, 'places_error_lng').max(154, 'places_error_lng'))
});

const freeText = (max: number) =>
  text.pipe(
    z
      .string()
      .trim()
      .max(max, 'places_error_too_long')
      .refine((v) => !containsMyNumber(v), 'places_error_my_number')
  );

export const uploadSchema = z.object({
  publisher: freeText(100)
});

const mappingField = text.pipe(z.string().max(200));
export const mappingSchema = z
  .object({
    publisher: freeText(100).pipe(z.string().min(1, 'places_error_publisher_required')),
    category: text.pipe(z.enum([...PLACE_CATEGORIES, 'auto'], 'places_error_category')),
    save: flag,
    ...Object.fromEntries(MAPPABLE_FIELDS.map((f) => [f, mappingField]))
  })
  .refine((v) => (v as Record<string, unknown>).name !== '', { message: 'places_error_mapping_name', path: ['name'] });

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}
