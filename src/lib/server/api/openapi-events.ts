// The events part of the OpenAPI document (GET /events, /events/{id}, /events.ics); openapi.ts spreads it in.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({
  description,
  headers: { 'Content-Language': { description: 'The language of `message`.', schema: { type: 'string' } } },
  content: { 'application/json': { schema: ref('Error') } }
});
const query = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: 'query', required: false, description, schema });
const isoDate = { type: 'string', format: 'date' };
const nullableInt = { type: ['integer', 'null'], minimum: 0 };

const filterParameters = [
  query('from', 'Events with an occurrence on or after this Tokyo date (default: today).', isoDate),
  query('to', 'Events with an occurrence on or before this Tokyo date.', isoDate),
  query('age', 'A child’s age in years: events whose age range includes it.', { type: 'integer', minimum: 0, maximum: 18 }),
  query('district', 'A district id: its events and the ward-wide ones.', { type: 'string', format: 'uuid' }),
  query('free', '`1`: free events only.', { type: 'string', enum: ['1', 'true', '0', 'false', ''] }),
  query('has_seats', '`1`: events one can still join (a seat left at an occurrence in the range, or no registration needed).', { type: 'string', enum: ['1', 'true', '0', 'false', ''] })
];

export const eventsTags = [{ name: 'events', description: 'Public events of local organizations and the ward (anyone)' }];

export const eventsPaths = {
  '/events': {
    get: {
      operationId: 'listEvents',
      tags: ['events'],
      summary: 'Public events by next date, with filters, a page at a time',
      security: [],
      parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }, ...filterParameters, query('cursor', 'The `nextCursor` of the previous page.', { type: 'string' })],
      responses: {
        '200': { description: 'One page (up to 20 events).', content: { 'application/json': { schema: ref('EventPage') } } },
        '400': errorResponse('A query parameter has a value that is not understood (`api.invalid_query`).'),
        '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
        '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
      }
    }
  },
  '/events/{id}': {
    get: {
      operationId: 'getEvent',
      tags: ['events'],
      summary: 'One public event with its occurrences and their seats',
      security: [],
      parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }, { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: {
        '200': { description: 'The event.', content: { 'application/json': { schema: ref('EventDetail') } } },
        '404': errorResponse('No public event has this id here: unknown, a draft, unpublished, or its organization is not public (`api.not_found`).'),
        '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
        '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
      }
    }
  },
  '/events.ics': {
    get: {
      operationId: 'getEventsCalendar',
      tags: ['events'],
      summary: 'The public events as an iCalendar feed (RFC 5545), one VEVENT per occurrence, times in UTC',
      description: 'Without `to`, the feed reaches 180 days ahead.',
      security: [],
      parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }, ...filterParameters],
      responses: {
        '200': { description: 'The calendar.', content: { 'text/calendar': { schema: { type: 'string' } } } },
        '400': errorResponse('A query parameter has a value that is not understood (`api.invalid_query`).'),
        '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
        '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
      }
    }
  }
};

const summaryProperties = {
  id: { type: 'string', format: 'uuid' },
  title: { type: 'string', minLength: 1 },
  titleEn: { type: 'string', description: 'English title; empty when not given.' },
  titleEasy: { type: 'string', description: 'やさしい日本語 title; empty when not given.' },
  summary: { type: 'string' },
  category: { type: 'string', description: 'イベント種類 of imported open data; empty otherwise.' },
  organization: { type: ['object', 'null'], required: ['id', 'name'], additionalProperties: false, properties: { id: { type: 'string' }, name: { type: 'string' } }, description: 'The publishing organization; null for the ward’s imported open data.' },
  organizerName: { type: 'string' },
  place: {
    type: 'object',
    required: ['id', 'name', 'address', 'lat', 'lng'],
    additionalProperties: false,
    properties: { id: { type: ['string', 'null'], format: 'uuid', description: 'The place in the directory (/places/{id}), or null for a free address.' }, name: { type: 'string' }, address: { type: 'string' }, lat: { type: ['number', 'null'] }, lng: { type: ['number', 'null'] } }
  },
  district: { type: ['object', 'null'], required: ['id', 'name', 'nameEn'], additionalProperties: false, properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, nameEn: { type: 'string' } }, description: 'Null: ward-wide.' },
  ageMinMonths: { ...nullableInt, description: 'Youngest age in months; null: no lower limit.' },
  ageMaxMonths: { ...nullableInt, description: 'Oldest age in months (inclusive); null: no upper limit.' },
  feeYen: { type: 'integer', minimum: 0 },
  feeNote: { type: 'string' },
  isFree: { type: 'boolean' },
  registration: { type: 'string', enum: ['none', 'bookings', 'external'], description: 'none: just come; bookings: register on this site (seats, waiting list); external: as the organiser says.' },
  capacity: nullableInt,
  capacityUnit: { type: ['string', 'null'], enum: ['people', 'households', null] },
  recurrence: { type: 'string', enum: ['single', 'weekly'] },
  startsOn: isoDate,
  endsOn: isoDate,
  startTime: { type: 'string', pattern: '^\\d{2}:\\d{2}$', description: 'Tokyo time.' },
  endTime: { type: 'string', pattern: '^\\d{2}:\\d{2}$', description: 'Tokyo time.' },
  nextDate: { ...isoDate, description: 'The next occurrence in the asked range.' },
  seatsLeft: { ...nullableInt, description: 'Seats left at that occurrence (registration through bookings only).' }
};
const summaryRequired = Object.keys(summaryProperties);

export const eventsSchemas = {
  EventSummary: { type: 'object', required: summaryRequired, additionalProperties: false, properties: summaryProperties },
  EventPage: {
    type: 'object',
    required: ['items', 'nextCursor'],
    additionalProperties: false,
    properties: { items: { type: 'array', items: ref('EventSummary') }, nextCursor: { type: ['string', 'null'] } }
  },
  EventDetail: {
    type: 'object',
    required: [...summaryRequired, 'description', 'descriptionEn', 'descriptionEasy', 'contactName', 'contactPhone', 'url', 'access', 'registrationNote', 'publishedAt', 'updatedAt', 'occurrences'],
    additionalProperties: false,
    properties: {
      ...summaryProperties,
      description: { type: 'string' },
      descriptionEn: { type: 'string' },
      descriptionEasy: { type: 'string' },
      contactName: { type: 'string' },
      contactPhone: { type: 'string' },
      url: { type: 'string' },
      access: { type: 'string' },
      registrationNote: { type: 'string' },
      publishedAt: { type: ['string', 'null'], format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      occurrences: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'date', 'startsAt', 'endsAt', 'slotId', 'capacity', 'seatsLeft', 'waiting', 'isPast'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', format: 'uuid' },
            date: isoDate,
            startsAt: { type: 'string', format: 'date-time' },
            endsAt: { type: 'string', format: 'date-time' },
            slotId: { type: ['string', 'null'], format: 'uuid', description: 'Book it through POST /bookings with this slot (registration through bookings only).' },
            capacity: nullableInt,
            seatsLeft: nullableInt,
            waiting: { type: 'integer', minimum: 0, description: 'Households on the waiting list.' },
            isPast: { type: 'boolean' }
          }
        }
      }
    }
  }
};
