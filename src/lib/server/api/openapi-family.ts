// The household and calendar part of the OpenAPI document (/me/household…, /calendar/{token}.ics); openapi.ts spreads it in.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({
  description,
  headers: { 'Content-Language': { description: 'The language of `message`.', schema: { type: 'string' } } },
  content: { 'application/json': { schema: ref('Error') } }
});
const isoDate = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const noStore = { 'Cache-Control': { schema: { type: 'string', const: 'no-store' } } };
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const json = (schema: string) => ({ 'application/json': { schema: ref(schema) } });

const common = {
  '401': errorResponse('Nobody is signed in (`api.unauthenticated`).'),
  '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
};
const invalid = errorResponse(
  'The input is refused (`households.invalid_input`); `fields` names each field with what is wrong, in the language asked for. Nothing was saved.'
);
const notFound = errorResponse('No child or pregnancy with this id in your household (`api.not_found`); another household’s records look exactly the same.');
const noHousehold = errorResponse('You have not registered a household yet (`households.no_household`): create it on the web first.');

const changeNote =
  'Only active guardians of the household can change it; the change is audited, and that household’s notices for today are planned at once ' +
  '(one notice per occurrence: correcting a date adds no second one).';

export const familyTags = [
  { name: 'household', description: 'The signed-in guardian’s household: children and pregnancies' },
  { name: 'calendar', description: 'Private iCalendar feeds (secret, revocable URLs)' }
];

export const familyPaths = {
  '/me/household': {
    get: {
      operationId: 'getMyHousehold',
      tags: ['household'],
      summary: 'The caller’s household with its children and pregnancies (`null` when they have none yet)',
      description: 'Reading pregnancies is recorded in the audit log, as on the family pages.',
      security: [{ session: [] }],
      parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }],
      responses: {
        '200': { description: 'The household.', headers: noStore, content: json('MyHouseholdResponse') },
        '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
        ...common
      }
    }
  },
  '/me/household/children': {
    post: {
      operationId: 'addMyChild',
      tags: ['household'],
      summary: 'Register a child (name, birth date, optional sex)',
      description: changeNote,
      security: [{ session: [] }],
      parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }],
      requestBody: { required: true, content: json('ChildInput') },
      responses: {
        '201': { description: 'The child as recorded.', headers: { ...noStore, Location: { schema: { type: 'string' } } }, content: json('ChildResponse') },
        '400': invalid,
        '405': errorResponse('Only POST is served here (`api.method_not_allowed`).'),
        '409': noHousehold,
        ...common
      }
    }
  },
  '/me/household/children/{id}': {
    patch: {
      operationId: 'updateMyChild',
      tags: ['household'],
      summary: 'Correct a child’s name, birth date or sex (fields left out stay as they are; `sex: null` clears it)',
      description: changeNote,
      security: [{ session: [] }],
      parameters: [idParameter, { $ref: '#/components/parameters/AcceptLanguage' }],
      requestBody: { required: true, content: json('ChildPatch') },
      responses: { '200': { description: 'The child as recorded now.', headers: noStore, content: json('ChildResponse') }, '400': invalid, '404': notFound, '405': errorResponse('Only PATCH and DELETE are served here (`api.method_not_allowed`).'), ...common }
    },
    delete: {
      operationId: 'removeMyChild',
      tags: ['household'],
      summary: 'Remove a child record (with its timeline records and doses)',
      security: [{ session: [] }],
      parameters: [idParameter, { $ref: '#/components/parameters/AcceptLanguage' }],
      responses: { '204': { description: 'Removed.' }, '404': notFound, ...common }
    }
  },
  '/me/household/pregnancies': {
    post: {
      operationId: 'addMyPregnancy',
      tags: ['household'],
      summary: 'Register a pregnancy from its due date, or from the current week (+ days)',
      description: changeNote,
      security: [{ session: [] }],
      parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }],
      requestBody: { required: true, content: json('PregnancyInput') },
      responses: {
        '201': { description: 'The pregnancy as recorded.', headers: { ...noStore, Location: { schema: { type: 'string' } } }, content: json('PregnancyResponse') },
        '400': invalid,
        '405': errorResponse('Only POST is served here (`api.method_not_allowed`).'),
        '409': noHousehold,
        ...common
      }
    }
  },
  '/me/household/pregnancies/{id}': {
    patch: {
      operationId: 'updateMyPregnancy',
      tags: ['household'],
      summary: 'Correct the due date or number of babies, record how the pregnancy ended (birth, loss, moved away), or take that back',
      description:
        'Send either `dueDate` and/or `fetusCount`, or `outcome` + `outcomeDate`, or `outcome: null` — one kind of change per request. ' + changeNote,
      security: [{ session: [] }],
      parameters: [idParameter, { $ref: '#/components/parameters/AcceptLanguage' }],
      requestBody: { required: true, content: json('PregnancyPatch') },
      responses: { '200': { description: 'The pregnancy as recorded now.', headers: noStore, content: json('PregnancyResponse') }, '400': invalid, '404': notFound, '405': errorResponse('Only PATCH and DELETE are served here (`api.method_not_allowed`).'), ...common }
    },
    delete: {
      operationId: 'removeMyPregnancy',
      tags: ['household'],
      summary: 'Remove a pregnancy record',
      security: [{ session: [] }],
      parameters: [idParameter, { $ref: '#/components/parameters/AcceptLanguage' }],
      responses: { '204': { description: 'Removed.' }, '404': notFound, ...common }
    }
  },
  '/calendar/{token}.ics': {
    get: {
      operationId: 'getCalendarFeed',
      tags: ['calendar'],
      summary: 'A person’s private iCalendar feed: their household’s timeline windows and bookings',
      description:
        'The token is the secret the person created on `/timeline/calendar` (shown once; only its hash is stored). No session: the URL is the key. ' +
        'A revoked or unknown token answers 404. Events carry only what the person chose (child names and pregnancy items are opt-in); ' +
        'each event’s UID stays the same when the link is regenerated.',
      security: [],
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{32,64}$' } }],
      responses: {
        '200': { description: 'The calendar (RFC 5545).', headers: noStore, content: { 'text/calendar': { schema: { type: 'string' } } } },
        '404': errorResponse('No active feed with this token (`api.not_found`).'),
        '405': errorResponse('Only GET is served here (`api.method_not_allowed`).')
      }
    }
  }
};

const age = {
  type: 'object',
  required: ['years', 'months'],
  additionalProperties: false,
  properties: { years: { type: 'integer', minimum: 0 }, months: { type: 'integer', minimum: 0, maximum: 11 } }
};

export const familySchemas = {
  MyHouseholdResponse: {
    type: 'object',
    required: ['household'],
    additionalProperties: false,
    properties: { household: { oneOf: [ref('MyHousehold'), { type: 'null' }] } }
  },
  MyHousehold: {
    type: 'object',
    required: ['id', 'district', 'guardians', 'children', 'pregnancies'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', format: 'uuid' },
      district: {
        type: 'object',
        required: ['id', 'name', 'nameEn'],
        additionalProperties: false,
        properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, nameEn: { type: 'string' } }
      },
      guardians: {
        type: 'array',
        items: { type: 'object', required: ['name', 'isYou'], additionalProperties: false, properties: { name: { type: 'string' }, isYou: { type: 'boolean' } } }
      },
      children: { type: 'array', items: ref('HouseholdChild') },
      pregnancies: { type: 'array', items: ref('HouseholdPregnancy') }
    }
  },
  HouseholdChild: {
    type: 'object',
    required: ['id', 'name', 'birthDate', 'sex', 'age'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', format: 'uuid' },
      name: { type: 'string', minLength: 1, maxLength: 50 },
      birthDate: isoDate,
      sex: { type: ['string', 'null'], enum: ['female', 'male', null], description: 'Asked only when it matters (HPV); null when not given.' },
      age: { ...age, description: 'Age today in calendar months (Asia/Tokyo).' }
    }
  },
  HouseholdPregnancy: {
    type: 'object',
    required: ['id', 'dueDate', 'fetusCount', 'outcome', 'outcomeDate', 'gestation'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', format: 'uuid' },
      dueDate: isoDate,
      fetusCount: { type: 'integer', minimum: 1, maximum: 5 },
      outcome: { type: ['string', 'null'], enum: ['birth', 'loss', 'moved_away', null] },
      outcomeDate: { ...isoDate, type: ['string', 'null'] },
      gestation: {
        oneOf: [
          { type: 'object', required: ['weeks', 'days'], additionalProperties: false, properties: { weeks: { type: 'integer', minimum: 0 }, days: { type: 'integer', minimum: 0, maximum: 6 } } },
          { type: 'null' }
        ],
        description: 'How far along today; null once it has an outcome or is well past the due date.'
      }
    }
  },
  ChildResponse: { type: 'object', required: ['child'], additionalProperties: false, properties: { child: ref('HouseholdChild') } },
  PregnancyResponse: { type: 'object', required: ['pregnancy'], additionalProperties: false, properties: { pregnancy: ref('HouseholdPregnancy') } },
  ChildInput: {
    type: 'object',
    required: ['name', 'birthDate'],
    properties: {
      name: { type: 'string', description: 'Up to 50 characters; never a マイナンバー.' },
      birthDate: { ...isoDate, description: 'Not in the future; the child is under 18.' },
      sex: { type: ['string', 'null'], enum: ['female', 'male', '', null] }
    }
  },
  ChildPatch: {
    type: 'object',
    properties: { name: { type: 'string' }, birthDate: isoDate, sex: { type: ['string', 'null'], enum: ['female', 'male', '', null] } }
  },
  PregnancyInput: {
    type: 'object',
    required: ['fetusCount'],
    properties: {
      dueDate: { ...isoDate, description: 'Up to 3 weeks past and 10 months ahead. Give this or `weeks`.' },
      weeks: { type: 'integer', minimum: 0, maximum: 42, description: 'The current week of pregnancy, when the due date is not known.' },
      days: { type: 'integer', minimum: 0, maximum: 6 },
      fetusCount: { type: 'integer', minimum: 1, maximum: 5 }
    }
  },
  PregnancyPatch: {
    type: 'object',
    properties: {
      dueDate: isoDate,
      fetusCount: { type: 'integer', minimum: 1, maximum: 5 },
      outcome: { type: ['string', 'null'], enum: ['birth', 'loss', 'moved_away', null], description: '`null` takes a recorded outcome back.' },
      outcomeDate: { ...isoDate, description: 'Required with an outcome; not in the future.' }
    }
  }
};
