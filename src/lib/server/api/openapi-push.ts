// The Web Push part of the OpenAPI document (subscribe / unsubscribe a browser, the VAPID key); openapi.ts spreads it in.
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({
  description,
  headers: { 'Content-Language': { description: 'The language of `message`.', schema: { type: 'string' } } },
  content: { 'application/json': { schema: ref('Error') } }
});
const base64url = (description: string, length: number) => ({ type: 'string', pattern: `^[A-Za-z0-9_-]{${length}}={0,2}$`, description });

export const pushTags = [{ name: 'push', description: 'Web Push (VAPID, RFC 8030/8291/8292): the browsers that show notices as notifications' }];

export const pushPaths = {
  '/me/push-subscriptions': {
    post: {
      operationId: 'subscribePush',
      tags: ['push'],
      summary: "Register this browser's push subscription for the signed-in person (turns their push channel on)",
      description:
        'Send `PushSubscription.toJSON()` as `application/json`, subscribed with the key of `GET /push/vapid-public-key`. The endpoint must be ' +
        "the https URL of a browser's push service. Registering the same endpoint again refreshes its keys (200). At most 10 browsers per " +
        'person: an 11th replaces the one that has gone longest without a delivery. An endpoint registered to another person is refused ' +
        '(`push.endpoint_in_use`): unsubscribe in the browser (`PushSubscription.unsubscribe()`) and subscribe again for a new endpoint.',
      security: [{ session: [] }],
      parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }],
      requestBody: { required: true, content: { 'application/json': { schema: ref('PushSubscription') } } },
      responses: {
        '201': { description: 'Registered.', content: { 'application/json': { schema: ref('PushSubscriptionCreated') } } },
        '200': { description: 'This browser was already registered for you; its keys were refreshed.', content: { 'application/json': { schema: ref('PushSubscriptionCreated') } } },
        '400': errorResponse('Not JSON, or not a valid subscription (`push.invalid_subscription`, with `fields`: `body`, `endpoint` or `keys`).'),
        '401': errorResponse('Nobody is signed in (`api.unauthenticated`).'),
        '405': errorResponse('Only POST and DELETE are served here (`api.method_not_allowed`).'),
        '409': errorResponse('The endpoint is registered to another person (`push.endpoint_in_use`).'),
        '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
      }
    },
    delete: {
      operationId: 'unsubscribePush',
      tags: ['push'],
      summary: "Remove one of the signed-in person's browsers by its endpoint (the last one turns their push channel off)",
      security: [{ session: [] }],
      parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { type: 'object', required: ['endpoint'], properties: { endpoint: { type: 'string', maxLength: 2048 } } }
          }
        }
      },
      responses: {
        '200': {
          description: 'Removed.',
          content: {
            'application/json': {
              schema: { type: 'object', required: ['remaining'], properties: { remaining: { type: 'integer', minimum: 0, description: 'Browsers still registered for you.' } } }
            }
          }
        },
        '400': errorResponse('Not JSON, or no endpoint (`push.invalid_subscription`).'),
        '401': errorResponse('Nobody is signed in (`api.unauthenticated`).'),
        '404': errorResponse('No such endpoint among your browsers (`push.not_subscribed`); another person’s looks the same.'),
        '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
      }
    }
  },
  '/push/vapid-public-key': {
    get: {
      operationId: 'getVapidPublicKey',
      tags: ['push'],
      summary: "The server's VAPID public key, to pass as `applicationServerKey` to `PushManager.subscribe()`",
      security: [],
      responses: {
        '200': { description: 'The key.', content: { 'application/json': { schema: ref('VapidPublicKey') } } },
        '405': errorResponse('Only GET is served here (`api.method_not_allowed`).'),
        '500': errorResponse('Something failed on the server (`api.unexpected`); the body carries a request id.')
      }
    }
  }
};

export const pushSchemas = {
  PushSubscription: {
    type: 'object',
    required: ['endpoint', 'keys'],
    description: 'As `PushSubscription.toJSON()` returns it.',
    properties: {
      endpoint: { type: 'string', format: 'uri', maxLength: 2048, description: "The https URL of the browser's push service." },
      expirationTime: { type: ['number', 'null'] },
      keys: {
        type: 'object',
        required: ['p256dh', 'auth'],
        properties: {
          p256dh: base64url("The browser's uncompressed P-256 public key (65 bytes).", 87),
          auth: base64url('The 16-byte authentication secret.', 22)
        }
      }
    }
  },
  PushSubscriptionCreated: {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string', format: 'uuid' } }
  },
  VapidPublicKey: {
    type: 'object',
    required: ['publicKey'],
    properties: { publicKey: base64url('Uncompressed P-256 public key, base64url without padding.', 87) }
  }
};
