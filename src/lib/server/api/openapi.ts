import { ROLES } from '../auth/roles.ts';
import { API_ERRORS } from './api-errors.ts';
import { ORGANIZATION_TYPES } from '../organizations/index.ts';
import { placesPaths, placesSchemas, placesTags } from './openapi-places.ts';
import { pushPaths, pushSchemas, pushTags } from './openapi-push.ts';
import { eventsPaths, eventsSchemas, eventsTags } from './openapi-events.ts';
import { familyPaths, familySchemas, familyTags } from './openapi-family.ts';

const ORGANIZATION_TYPE_VALUES = [...ORGANIZATION_TYPES];

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
    { name: 'organizations', description: 'Local organizations (地域の団体): verified by the ward, not suspended' },
    { name: 'forum', description: 'The public peer-support forum (pseudonyms only, never accounts)' },
    { name: 'timeline', description: 'The 伴走型 timeline of a household' },
    { name: 'meta', description: 'This description' },
    ...placesTags,
    ...pushTags,
    ...eventsTags,
    ...familyTags,
    { name: 'bookings', description: 'Availability and bookings of places (一時預かり, 病児保育, ひろば, 相談)' }
  ],
  paths: {
    '/forum/threads': {
      get: {
        operationId: 'listForumThreads',
        tags: ['forum'],
        summary: 'Public forum threads, newest activity first',
        description:
          'Anyone may read public threads. Writers appear only under per-thread pseudonyms; professionals under a verified badge. ' +
          'Held, hidden and private posts are never listed.',
        security: [],
        parameters: [
          { $ref: '#/components/parameters/AcceptLanguage' },
          { name: 'topic', in: 'query', required: false, description: 'A topic code (child age such as `age_0`, or theme such as `sleep`).', schema: { type: 'string', pattern: '^[a-z0-9_]{1,40}$' } },
          { name: 'q', in: 'query', required: false, description: 'Partial-word search in titles and public posts (Japanese works without word breaks).', schema: { type: 'string', maxLength: 100 } },
          { name: 'cursor', in: 'query', required: false, description: 'The `nextCursor` of the previous page.', schema: { type: 'string' } }
        ],
        responses: {
          '200': { description: 'One page of threads (20 at most).', content: { 'application/json': { schema: ref('ForumThreadPage') } } },
          '400': errorResponse('The cursor is not one this API gave (`api.invalid_query`).'),
          '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
          '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
        }
      }
    },
    '/forum/threads/{threadId}': {
      get: {
        operationId: 'getForumThread',
        tags: ['forum'],
        summary: 'One public thread with its public posts',
        security: [],
        parameters: [
          { $ref: '#/components/parameters/AcceptLanguage' },
          { name: 'threadId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
        ],
        responses: {
          '200': { description: 'The thread.', content: { 'application/json': { schema: ref('ForumThread') } } },
          '404': errorResponse('No public thread with this id in this municipality (`api.not_found`).'),
          '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
          '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
        }
      }
    },
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
    '/me/timeline': {
      get: {
        operationId: 'getMyTimeline',
        tags: ['timeline'],
        summary: "The signed-in guardian's timeline: check-ups, vaccinations, interviews, benefits and procedures per child and pregnancy",
        description:
          'Every item still on the timeline today (items whose time has passed without action are left out), with titles in the language of ' +
          '`Accept-Language`. A person without a household gets an empty list. Vaccination windows follow the doses recorded so far.',
        security: [{ session: [] }],
        parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }],
        responses: {
          '200': {
            description: 'The timeline.',
            headers: {
              'Cache-Control': { schema: { type: 'string', const: 'no-store' } },
              'Content-Language': { description: 'The language of the titles.', schema: { type: 'string' } }
            },
            content: { 'application/json': { schema: ref('Timeline') } }
          },
          '401': errorResponse('Nobody is signed in (`api.unauthenticated`).'),
          '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
          '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
        }
      }
    },
    '/me/procedures': {
      get: {
        operationId: 'getMyProcedures',
        tags: ['timeline'],
        summary: "The signed-in guardian's procedures (online forms): what the ward sent the household and what was started from the timeline, with status",
        description:
          'Newest first. `status` is `not_started` for a request nothing was saved for yet, then `draft`, `received` (受付済み), `in_review` (確認中), ' +
          '`done` (完了) or `returned` (差し戻し, with `returnMessage`). Answers are not included; `path` is the page to fill or view the form. ' +
          'Only the household’s guardians see its procedures; a person without a household gets an empty list.',
        security: [{ session: [] }],
        responses: {
          '200': {
            description: 'The procedures.',
            headers: { 'Cache-Control': { schema: { type: 'string', const: 'no-store' } } },
            content: { 'application/json': { schema: ref('Procedures') } }
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
    '/organizations': {
      get: {
        operationId: 'listOrganizations',
        tags: ['organizations'],
        summary: 'The directory of local organizations (地域の団体), by kana, a page at a time',
        description: 'Only organizations the ward has verified and not suspended. No personal data of their members.',
        security: [],
        parameters: [
          { name: 'type', in: 'query', required: false, description: 'Only organizations of this type.', schema: { type: 'string', enum: ORGANIZATION_TYPE_VALUES } },
          { name: 'district', in: 'query', required: false, description: 'Only organizations active in this district (its id).', schema: { type: 'string', format: 'uuid' } },
          { name: 'cursor', in: 'query', required: false, description: 'The `nextCursor` of the previous page.', schema: { type: 'string' } },
          { $ref: '#/components/parameters/AcceptLanguage' }
        ],
        responses: {
          '200': { description: 'One page (up to 20 organizations).', content: { 'application/json': { schema: ref('OrganizationPage') } } },
          '400': errorResponse('A query parameter has a value that is not understood (`api.invalid_query`).'),
          '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
          '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
        }
      }
    },
    '/organizations/{id}': {
      get: {
        operationId: 'getOrganization',
        tags: ['organizations'],
        summary: 'One public organization',
        security: [],
        parameters: [
          { name: 'id', in: 'path', required: true, description: 'The organization id.', schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' } },
          { $ref: '#/components/parameters/AcceptLanguage' }
        ],
        responses: {
          '200': { description: 'The organization.', content: { 'application/json': { schema: ref('Organization') } } },
          '404': errorResponse('No public organization has this id here: unknown, not verified, or suspended (`api.not_found`).'),
          '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
          '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
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
    },
    ...placesPaths,
    ...pushPaths,
    ...eventsPaths,
    ...familyPaths
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
      ForumAuthor: {
        description: 'Who wrote a post: a per-thread pseudonym (different in every thread) or a verified professional badge. Never an account, name or id.',
        oneOf: [
          {
            type: 'object',
            required: ['kind', 'pseudonym'],
            additionalProperties: false,
            properties: { kind: { const: 'guardian' }, pseudonym: { type: 'string', minLength: 1, description: 'e.g. 「0歳児のママさん A」' } }
          },
          {
            type: 'object',
            required: ['kind', 'verified', 'label'],
            additionalProperties: false,
            properties: { kind: { const: 'professional' }, verified: { const: true }, label: { type: 'string', description: 'The checked qualification (保健師, 助産師) or role.' } }
          }
        ]
      },
      ForumThreadSummary: {
        type: 'object',
        required: ['id', 'title', 'ageTopic', 'themeTopic', 'author', 'replies', 'hasProfessionalAnswer', 'createdAt', 'lastPostAt'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', format: 'uuid' },
          title: { type: 'string' },
          ageTopic: { type: 'string' },
          themeTopic: { type: 'string' },
          author: ref('ForumAuthor'),
          replies: { type: 'integer', minimum: 0 },
          hasProfessionalAnswer: { type: 'boolean' },
          createdAt: { type: 'string', format: 'date-time' },
          lastPostAt: { type: 'string', format: 'date-time' }
        }
      },
      ForumThreadPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        additionalProperties: false,
        properties: {
          items: { type: 'array', items: ref('ForumThreadSummary') },
          nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page.' }
        }
      },
      ForumPost: {
        type: 'object',
        required: ['id', 'author', 'body', 'state', 'edited', 'moderatorNote', 'wakaru', 'createdAt'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', format: 'uuid' },
          author: ref('ForumAuthor'),
          body: { type: ['string', 'null'], description: 'Plain text (never HTML); null when the post was hidden or deleted.' },
          state: { type: 'string', enum: ['public', 'hidden', 'deleted'] },
          edited: { type: 'boolean' },
          moderatorNote: { type: ['string', 'null'], description: 'The note a moderator left when editing the post.' },
          wakaru: { type: 'integer', minimum: 0, description: 'How many people marked 「わかる」 (empathy).' },
          createdAt: { type: 'string', format: 'date-time' }
        }
      },
      ForumThread: {
        type: 'object',
        required: ['id', 'title', 'ageTopic', 'themeTopic', 'createdAt', 'posts'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', format: 'uuid' },
          title: { type: 'string' },
          ageTopic: { type: 'string' },
          themeTopic: { type: 'string' },
          createdAt: { type: 'string', format: 'date-time' },
          posts: { type: 'array', items: ref('ForumPost') }
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
      Timeline: {
        type: 'object',
        required: ['today', 'items'],
        additionalProperties: false,
        properties: {
          today: { ...isoDate, description: 'The business date (Asia/Tokyo) the statuses are for.' },
          items: { type: 'array', items: ref('TimelineItem') }
        }
      },
      TimelineItem: {
        type: 'object',
        required: ['kind', 'ruleId', 'subjectType', 'childId', 'pregnancyId', 'title', 'windowStart', 'windowEnd', 'status', 'doneOn'],
        additionalProperties: false,
        properties: {
          kind: { type: 'string', enum: ['checkup', 'immunisation', 'interview', 'benefit', 'procedure', 'info'] },
          ruleId: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$', description: 'The stable id of the rule (e.g. `immunisation.hbv.2`); it never changes when the wording does.' },
          subjectType: { type: 'string', enum: ['child', 'pregnancy'] },
          childId: { type: ['string', 'null'], format: 'uuid', description: 'Set when the item is about a child.' },
          pregnancyId: { type: ['string', 'null'], format: 'uuid', description: 'Set when the item is about a pregnancy.' },
          title: { type: 'string', minLength: 1 },
          windowStart: { ...isoDate, description: 'First day (for a vaccination: the earliest day, after the minimum interval from the previous dose).' },
          windowEnd: { ...isoDate, type: ['string', 'null'], description: 'Last day (for a vaccination: the end of the free routine window); null when open-ended.' },
          status: {
            type: 'string',
            enum: ['due', 'upcoming', 'overdue', 'done', 'not_applicable', 'optional_self_paid'],
            description: '`optional_self_paid` (任意接種・自己負担) is a vaccination whose routine window has closed; vaccinations are never `overdue`.'
          },
          doneOn: { ...isoDate, type: ['string', 'null'], description: 'The date it was done or the dose was given.' }
        }
      },
      Procedures: {
        type: 'object',
        required: ['items'],
        additionalProperties: false,
        properties: { items: { type: 'array', items: ref('Procedure') } }
      },
      Procedure: {
        type: 'object',
        required: ['title', 'status', 'source', 'path', 'requestMessage', 'returnMessage', 'sentAt', 'submittedAt', 'updatedAt'],
        additionalProperties: false,
        properties: {
          title: { type: 'string' },
          status: { type: 'string', enum: ['not_started', 'draft', 'received', 'in_review', 'done', 'returned'] },
          source: { type: 'string', enum: ['request', 'timeline'], description: '`request`: sent directly by the ward; `timeline`: started from a timeline item.' },
          path: { type: 'string', pattern: '^/procedures/', description: 'The page where the form is filled or viewed.' },
          requestMessage: { type: ['string', 'null'], description: "The ward's note when it sent the procedure." },
          returnMessage: { type: ['string', 'null'], description: 'Why the ward returned it (only while `returned`).' },
          sentAt: { type: ['string', 'null'], format: 'date-time' },
          submittedAt: { type: ['string', 'null'], format: 'date-time' },
          updatedAt: { type: ['string', 'null'], format: 'date-time' }
        }
      },
      OrganizationPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        additionalProperties: false,
        properties: {
          items: { type: 'array', items: ref('Organization') },
          nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page.' }
        }
      },
      Organization: {
        type: 'object',
        required: ['id', 'type', 'isOfficial', 'name', 'nameKana', 'purpose', 'districts', 'contact', 'corporateNumber', 'verifiedAt'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1 },
          type: { type: 'string', enum: ORGANIZATION_TYPE_VALUES, description: 'npo: NPO法人; general_incorporated: 一般社団法人; company: 株式会社・企業; voluntary: 任意団体・サークル; social_welfare_council: 社会福祉協議会; ward_department: a ward department.' },
          isOfficial: { type: 'boolean', description: 'True for ward departments ("official" publishers).' },
          name: { type: 'string', minLength: 1 },
          nameKana: { type: 'string', minLength: 1 },
          purpose: { type: 'string' },
          districts: {
            type: 'array',
            description: 'Where it is active (districts of the municipality).',
            items: {
              type: 'object',
              required: ['id', 'name', 'nameEn'],
              additionalProperties: false,
              properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, nameEn: { type: 'string' } }
            }
          },
          contact: {
            type: 'object',
            description: 'The contact the organization publishes (not its members).',
            required: ['email', 'phone', 'url'],
            additionalProperties: false,
            properties: { email: { type: ['string', 'null'] }, phone: { type: ['string', 'null'] }, url: { type: ['string', 'null'] } }
          },
          corporateNumber: { type: ['string', 'null'], pattern: '^[0-9]{13}$', description: '法人番号 (with a valid check digit), when it has one.' },
          verifiedAt: { type: 'string', format: 'date-time', description: 'When the ward verified it.' },
          upcomingEvents: { type: 'array', items: ref('EventSummary'), description: 'Its coming public events (GET /organizations/{id} only; up to 10).' }
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
      },
      ...placesSchemas,
      ...pushSchemas,
      ...eventsSchemas,
      ...familySchemas
    }
  }
} as const;
