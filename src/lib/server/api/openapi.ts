import { ROLES } from '../auth/roles.ts';
import { API_ERRORS } from './api-errors.ts';
import { ORGANIZATION_TYPES } from '../organizations/index.ts';

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
    { name: 'meta', description: 'This description' }
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
          requestId: { type: 'string', description: 'Quote it when asking for help (server errors only).' }
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
          verifiedAt: { type: 'string', format: 'date-time', description: 'When the ward verified it.' }
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
