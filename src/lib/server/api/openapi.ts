import { ROLES } from '../auth/roles.ts';
import { API_ERRORS } from './api-errors.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({
  description,
  headers: { 'Content-Language': { description: 'The language of `message`.', schema: { type: 'string' } } },
  content: { 'application/json': { schema: ref('Error') } }
});
const isoDate = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/**
 * The OpenAPI 3.1 description of /api/v1, written by hand next to the code it describes. A unit test
 * validates it against the OpenAPI 3.1 schema; another checks real responses against its schemas.
 */
export const openApiDocument = {
  openapi: '3.1.0',
  jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
  info: {
    title: 'Hagukumi API',
    version: '1.0.0',
    summary: '育み — the machine interface of the child-rearing support platform.',
    description:
      'Versioned JSON API. Errors are `{ code, message }`: `code` is stable, `message` is in the language asked for with ' +
      '`Accept-Language` (`ja`, `en`, `ja-x-easy` for やさしい日本語; Japanese by default). The municipality is chosen by host name.',
    license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' }
  },
  servers: [{ url: '/api/v1', description: 'This deployment' }],
  tags: [
    { name: 'people', description: 'The signed-in person' },
    { name: 'meta', description: 'This description' },
    { name: 'bookings', description: 'Availability and bookings of places (一時預かり, 病児保育, ひろば, 相談)' }
  ],
  paths: {
    '/me': {
      get: {
        operationId: 'getMe',
        tags: ['people'],
        summary: 'The signed-in person, their role assignments in force today and their households',
        security: [{ session: [] }],
        parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }],
        responses: {
          '200': {
            description: 'The signed-in person.',
            headers: { 'Cache-Control': { schema: { type: 'string', const: 'no-store' } } },
            content: { 'application/json': { schema: ref('Me') } }
          },
          '401': errorResponse('Nobody is signed in (`api.unauthenticated`).'),
          '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
          '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
        }
      }
    },
    '/places/{id}/availability': {
      get: {
        operationId: 'getPlaceAvailability',
        tags: ['bookings'],
        summary: 'The bookable services of a place and their slots over the coming four weeks, with the seats left',
        description: 'Public. For live updates open `/places/{id}/availability/stream` (server-sent events, event `availability`).',
        security: [],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }, { $ref: '#/components/parameters/AcceptLanguage' }],
        responses: {
          '200': { description: 'The place and its services.', content: { 'application/json': { schema: ref('Availability') } } },
          '404': errorResponse('No such place in this municipality (`api.not_found`).'),
          '405': errorResponse('Only GET is served here (`api.method_not_allowed`).')
        }
      }
    },
    '/places/{id}/availability/stream': {
      get: {
        operationId: 'streamPlaceAvailability',
        tags: ['bookings'],
        summary: 'Server-sent events: the seats left of every slot of the place, at once and after every change',
        security: [],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          '200': { description: 'An event stream; each `availability` event carries an AvailabilitySnapshot as JSON.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          '404': errorResponse('No such place in this municipality (`api.not_found`).')
        }
      }
    },
    '/bookings': {
      post: {
        operationId: 'createBooking',
        tags: ['bookings'],
        summary: 'Book a slot for children of your household (k children take k seats in one step, or none)',
        security: [{ session: [] }],
        parameters: [
          { $ref: '#/components/parameters/AcceptLanguage' },
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'Any string up to 100 characters, new for each booking. A retry with the same key returns the first booking (200, `Idempotent-Replayed: true`).',
            schema: { type: 'string', maxLength: 100 }
          },
          { name: 'notice', in: 'query', required: false, description: 'The id of the notice (お知らせ) the booking came from, for its statistics.', schema: { type: 'string', maxLength: 100 } }
        ],
        requestBody: { required: true, content: { 'application/json': { schema: ref('BookingRequest') } } },
        responses: {
          '201': { description: 'Booked (or joined the waiting list).', content: { 'application/json': { schema: ref('Booking') } } },
          '200': { description: 'A retry: the booking made by the first request with this key.', content: { 'application/json': { schema: ref('Booking') } } },
          '400': errorResponse('Invalid request (`bookings.invalid_input`, with `fields`).'),
          '401': errorResponse('Nobody is signed in (`api.unauthenticated`).'),
          '404': errorResponse('No such slot (`api.not_found`).'),
          '409': errorResponse(
            'Refused: `bookings.slot_full`, `bookings.slot_closed`, `bookings.not_open_yet`, `bookings.slot_past`, `bookings.already_booked`, ' +
              '`bookings.monthly_cap_reached`, `bookings.registration_required`, `bookings.child_not_eligible`, `bookings.no_household`.'
          ),
          '422': errorResponse('The Idempotency-Key was used for another slot (`bookings.idempotency_key_reused`).')
        }
      }
    },
    '/bookings/{id}': {
      delete: {
        operationId: 'cancelBooking',
        tags: ['bookings'],
        summary: 'Cancel a booking of your household before the deadline; freed seats go to the waiting list',
        security: [{ session: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }, { $ref: '#/components/parameters/AcceptLanguage' }],
        responses: {
          '200': { description: 'Cancelled.', content: { 'application/json': { schema: { type: 'object', required: ['id', 'status'], properties: { id: { type: 'string', format: 'uuid' }, status: { const: 'cancelled' } } } } } },
          '401': errorResponse('Nobody is signed in (`api.unauthenticated`).'),
          '404': errorResponse('No such booking in your household (`api.not_found`).'),
          '409': errorResponse('`bookings.cancel_deadline_passed` or `bookings.not_cancellable`.')
        }
      }
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        tags: ['meta'],
        summary: 'This OpenAPI 3.1 document',
        security: [],
        responses: {
          '200': { description: 'The OpenAPI document.', content: { 'application/json': { schema: { type: 'object' } } } },
          '405': errorResponse('Only GET is served here (`api.method_not_allowed`).')
        }
      }
    }
  },
  components: {
    securitySchemes: {
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: 'hagukumi.session_token',
        description: 'The session cookie set when signing in on the web (named `__Secure-hagukumi.session_token` on https).'
      }
    },
    parameters: {
      AcceptLanguage: {
        name: 'Accept-Language',
        in: 'header',
        required: false,
        description: 'Language of error messages: `ja` (default), `en` or `ja-x-easy` (やさしい日本語).',
        schema: { type: 'string' }
      }
    },
    schemas: {
      Error: {
        type: 'object',
        description: 'Every error of /api/v1. Any path under /api/v1 that does not exist answers 404 with `api.not_found`.',
        required: ['code', 'message'],
        additionalProperties: false,
        properties: {
          code: { type: 'string', enum: Object.keys(API_ERRORS), description: 'Stable, for programs.' },
          message: { type: 'string', minLength: 1, description: 'For people, in the requested language.' },
          requestId: { type: 'string', description: 'Quote it when asking for help (server errors only).' },
          fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Field name → what is wrong with it (invalid input only).' }
        }
      },
      Slot: {
        type: 'object',
        required: ['id', 'date', 'startsAt', 'endsAt', 'capacity', 'seatsLeft', 'status', 'bookable', 'opensAt'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          date: isoDate,
          holiday: { type: ['string', 'null'], description: 'The national holiday (祝日) of the date, if any.' },
          startsAt: { type: 'string', format: 'date-time' },
          endsAt: { type: 'string', format: 'date-time' },
          capacity: { type: 'integer', minimum: 1 },
          seatsLeft: { type: 'integer', minimum: 0 },
          status: { type: 'string', enum: ['open', 'closed'] },
          bookable: { type: 'string', enum: ['open', 'not_yet', 'past', 'closed'], description: '`not_yet`: the booking window opens at `opensAt`.' },
          opensAt: { type: 'string', format: 'date-time' }
        }
      },
      Service: {
        type: 'object',
        required: ['id', 'name', 'kind', 'capacityUnit', 'slots'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          name: { type: 'string' },
          kind: { type: 'string', enum: ['temporary_care', 'sick_child_care', 'session', 'consultation'] },
          description: { type: 'string' },
          capacityUnit: { type: 'string', enum: ['children', 'people', 'households'], description: 'What a seat is: a child, a person (children + adults) or a household.' },
          minAgeMonths: { type: ['integer', 'null'] },
          maxAgeMonths: { type: ['integer', 'null'] },
          requiresRegistration: { type: 'boolean', description: 'Children must be registered (事前登録) by the facility first.' },
          requiresApproval: { type: 'boolean' },
          opensDaysAhead: { type: 'integer' },
          opensAtTime: { type: 'string' },
          cancelHoursBefore: { type: 'integer' },
          cancelByTime: { type: ['string', 'null'] },
          monthlyCap: { type: ['integer', 'null'] },
          slots: { type: 'array', items: ref('Slot') }
        }
      },
      Availability: {
        type: 'object',
        required: ['place', 'services'],
        properties: {
          place: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, address: { type: 'string' }, category: { type: 'string' } } },
          services: { type: 'array', items: ref('Service') }
        }
      },
      BookingRequest: {
        type: 'object',
        required: ['slotId'],
        properties: {
          slotId: { type: 'string', format: 'uuid' },
          childIds: { type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: 5, description: 'Children of your household.' },
          adults: { type: 'integer', minimum: 0, maximum: 5, description: 'Adults coming too (services counted in people).' },
          joinWaitlist: { type: 'boolean', description: 'When the slot is full, join its waiting list instead of being refused.' },
          noticeId: { type: 'string', maxLength: 100 }
        }
      },
      Booking: {
        type: 'object',
        required: ['id', 'status', 'seats', 'channel'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', format: 'uuid' },
          status: { type: 'string', enum: ['confirmed', 'pending', 'waitlisted'] },
          seats: { type: 'integer', minimum: 1 },
          channel: { type: 'string', enum: ['web', 'api'] }
        }
      },
      Me: {
        type: 'object',
        required: ['id', 'email', 'name', 'language', 'emailVerified', 'twoFactorEnabled', 'municipality', 'roleAssignments', 'households'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1 },
          email: { type: 'string', format: 'email' },
          name: { type: 'string' },
          language: { type: 'string', enum: ['ja', 'en', 'ja-x-easy'], description: 'The language the person chose for the app and its messages.' },
          emailVerified: { type: 'boolean' },
          twoFactorEnabled: { type: 'boolean' },
          municipality: ref('Municipality'),
          roleAssignments: { type: 'array', items: ref('RoleAssignment'), description: 'Only the assignments in force today, in this municipality.' },
          households: { type: 'array', items: ref('Household'), description: 'The households the person is a guardian of.' }
        }
      },
      Municipality: {
        type: 'object',
        required: ['id', 'code', 'name'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', format: 'uuid' },
          code: { type: 'string', pattern: '^[0-9]{6}$', description: '全国地方公共団体コード, with its check digit.' },
          name: { type: 'string' }
        }
      },
      RoleAssignment: {
        type: 'object',
        required: ['role', 'scopeType', 'scopeId', 'validFrom', 'validTo'],
        additionalProperties: false,
        properties: {
          role: { type: 'string', enum: [...ROLES] },
          scopeType: { type: ['string', 'null'], enum: ['department', 'qualification', 'organization', null] },
          scopeId: { type: ['string', 'null'], description: 'A department code, 保健師 / 助産師, or an organization id.' },
          validFrom: isoDate,
          validTo: { ...isoDate, type: ['string', 'null'], description: 'The last day the assignment counts; null for open-ended.' }
        }
      },
      Household: {
        type: 'object',
        required: ['id', 'districtId', 'districtName', 'children', 'pregnancies'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', format: 'uuid' },
          districtId: { type: 'string', format: 'uuid' },
          districtName: { type: 'string' },
          children: { type: 'integer', minimum: 0, description: 'How many children the household has registered.' },
          pregnancies: { type: 'integer', minimum: 0, description: 'How many pregnancies are ongoing (no outcome recorded yet).' }
        }
      }
    }
  }
} as const;
