import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiDocument } from './openapi.ts';
import { API_ERRORS } from './api-errors.ts';

describe('the OpenAPI document of /api/v1', () => {
  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openApiDocument) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('describes every endpoint the app serves under /api/v1', () => {
    expect(Object.keys(openApiDocument.paths).sort()).toEqual([
      '/bookings',
      '/bookings/{id}',
      '/calendar/{token}.ics',
      '/events',
      '/events.ics',
      '/events/{id}',
      '/forum/threads',
      '/forum/threads/{threadId}',
      '/me',
      '/me/household',
      '/me/household/children',
      '/me/household/children/{id}',
      '/me/household/pregnancies',
      '/me/household/pregnancies/{id}',
      '/me/procedures',
      '/me/push-subscriptions',
      '/me/timeline',
      '/openapi.json',
      '/opendata/{file}',
      '/organizations',
      '/organizations/{id}',
      '/places',
      '/places/{id}',
      '/places/{id}/availability',
      '/places/{id}/availability/stream',
      '/push/vapid-public-key'
    ]);
  });

  it('lists every stable error code', () => {
    expect(openApiDocument.components.schemas.Error.properties.code.enum).toEqual(Object.keys(API_ERRORS));
  });
});
