// The places part of the OpenAPI document (GET /places, /places/{id}, /opendata/{file}); openapi.ts spreads it in.
import { PLACE_CATEGORIES } from '../places/categories.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({
  description,
  headers: { 'Content-Language': { description: 'The language of `message`.', schema: { type: 'string' } } },
  content: { 'application/json': { schema: ref('Error') } }
});
const query = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: 'query', required: false, description, schema });
const nullableBoolean = { type: ['boolean', 'null'], description: 'Unknown when null.' };

export const placesTags = [
  { name: 'places', description: 'The local resource map (anyone)' },
  { name: 'opendata', description: 'The ward’s places as 自治体標準オープンデータセット (CC BY 4.0)' }
];

export const placesPaths = {
  '/places': {
    get: {
      operationId: 'searchPlaces',
      tags: ['places'],
      summary: 'Find places: text, category, district, child age, open now, bookable now; optionally nearest first',
      security: [],
      parameters: [
        { $ref: '#/components/parameters/AcceptLanguage' },
        query('q', 'Words to find in the name, reading, address or description (partial, hiragana/katakana alike).', { type: 'string', maxLength: 100 }),
        query('category', 'One or more categories (repeat the parameter or separate with commas).', { type: 'string' }),
        query('district', 'A district id.', { type: 'string', format: 'uuid' }),
        query('age', 'A child’s age in years: places whose age range includes it.', { type: 'integer', minimum: 0, maximum: 18 }),
        query('near', '`lat,lng` (decimal degrees): nearest first, each with `distance_m`; places without coordinates are left out.', { type: 'string', pattern: '^-?\\d{1,3}(\\.\\d+)?,\\s*-?\\d{1,3}(\\.\\d+)?$' }),
        query('open_now', 'Only places open now by their structured opening hours (Tokyo time).', { type: 'boolean' }),
        query('bookable', 'Only places with something that can be booked now.', { type: 'boolean' }),
        query('limit', 'Page size (default 20).', { type: 'integer', minimum: 1, maximum: 100 }),
        query('cursor', 'The `next_cursor` of the previous page.', { type: 'string' })
      ],
      responses: {
        '200': { description: 'A page of places.', content: { 'application/json': { schema: ref('PlaceList') } } },
        '400': errorResponse('A parameter is not valid (`places.invalid_query`).'),
        '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
        '500': errorResponse('Something failed on the server (`api.unexpected`).')
      }
    }
  },
  '/places/{id}': {
    get: {
      operationId: 'getPlace',
      tags: ['places'],
      summary: 'One published place',
      security: [],
      parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }, { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: {
        '200': { description: 'The place.', content: { 'application/json': { schema: ref('PlaceDetail') } } },
        '404': errorResponse('No such published place in this municipality (`api.not_found`).'),
        '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
        '500': errorResponse('Something failed on the server (`api.unexpected`).')
      }
    }
  },
  '/opendata/{file}': {
    get: {
      operationId: 'getOpenData',
      tags: ['opendata'],
      summary: 'A dataset as CSV (UTF-8 with BOM, the current standard columns) or GeoJSON',
      description: 'Datasets are named as municipalities name their files: `preschool` (子育て施設一覧, 53 columns), `public_facility` (公共施設一覧), `hospital` (医療機関一覧).',
      security: [],
      parameters: [
        { $ref: '#/components/parameters/AcceptLanguage' },
        { name: 'file', in: 'path', required: true, schema: { type: 'string', pattern: '^(preschool|public_facility|hospital)\\.(csv|geojson)$' }, example: 'preschool.csv' }
      ],
      responses: {
        '200': {
          description: 'The file.',
          content: { 'text/csv': { schema: { type: 'string' } }, 'application/geo+json': { schema: { type: 'object' } } }
        },
        '404': errorResponse('No such dataset or format (`api.not_found`).'),
        '405': errorResponse('Only GET is served here (`api.method_not_allowed`).')
      }
    }
  }
};

const openingSpan = {
  type: 'object',
  required: ['days', 'open', 'close'],
  additionalProperties: false,
  properties: {
    days: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 6 }, description: '0 = Sunday … 6 = Saturday.' },
    open: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
    close: { type: 'string', pattern: '^\\d{2}:\\d{2}$' }
  }
};

const placeProperties = {
  id: { type: 'string', format: 'uuid' },
  name: { type: 'string' },
  name_kana: { type: 'string' },
  category: { type: 'string', enum: [...PLACE_CATEGORIES] },
  kind: { type: 'string', description: 'The publisher’s own 種別 text.' },
  address: { type: 'string' },
  lat: { type: ['number', 'null'], description: 'Null for a place not on the map yet (地図未登録).' },
  lng: { type: ['number', 'null'] },
  district_id: { type: ['string', 'null'], format: 'uuid' },
  phone: { type: 'string' },
  url: { type: 'string' },
  age: { type: 'string', description: '受入年齢 as published.' },
  opening_hours: { type: 'array', items: openingSpan },
  hours_note: { type: 'string' },
  is_open_now: { type: 'boolean' },
  is_bookable: { type: 'boolean' }
};
const placeRequired = Object.keys(placeProperties);

export const placesSchemas = {
  Place: {
    type: 'object',
    required: placeRequired,
    additionalProperties: false,
    properties: { ...placeProperties, distance_m: { type: 'integer', minimum: 0, description: 'Metres from `near` (only when `near` is given).' } }
  },
  PlaceList: {
    type: 'object',
    required: ['items', 'next_cursor', 'total', 'origin', 'unmapped_left_out'],
    additionalProperties: false,
    properties: {
      items: { type: 'array', items: ref('Place') },
      next_cursor: { type: ['string', 'null'] },
      total: { type: 'integer', minimum: 0 },
      origin: {
        type: ['object', 'null'],
        required: ['lat', 'lng'],
        additionalProperties: false,
        properties: { lat: { type: 'number' }, lng: { type: 'number' } }
      },
      unmapped_left_out: { type: 'integer', minimum: 0, description: 'Matching places without coordinates, left out of a distance sort.' }
    }
  },
  PlaceDetail: {
    type: 'object',
    required: [...placeRequired, 'district_name', 'postal_code', 'description', 'access', 'photos'],
    additionalProperties: false,
    properties: {
      ...placeProperties,
      district_name: { type: ['string', 'null'] },
      postal_code: { type: 'string' },
      fax: { type: 'string' },
      email: { type: 'string' },
      description: { type: 'string' },
      access: { type: 'string' },
      parking: { type: 'string' },
      capacity: { type: ['integer', 'null'] },
      age_min_months: { type: ['integer', 'null'] },
      age_max_months: { type: ['integer', 'null'] },
      operator_name: { type: 'string' },
      has_temporary_care: nullableBoolean,
      has_sick_child_care: nullableBoolean,
      has_nursing_room: nullableBoolean,
      has_diaper_changing: nullableBoolean,
      stroller_access: nullableBoolean,
      stroller_rental: nullableBoolean,
      photos: { type: 'array', items: { type: 'string' } },
      organization_id: { type: ['string', 'null'] }
    }
  }
};
