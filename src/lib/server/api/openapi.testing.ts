import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { openApiDocument } from './openapi.ts';

// For the API tests: checks a response body against a schema of the app's OpenAPI document.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
ajv.addSchema(structuredClone(openApiDocument) as object, 'openapi');

/** The ways `body` breaks the named schema of components/schemas; empty when it matches. */
export function schemaErrors(schema: string, body: unknown) {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema} in the OpenAPI document`);
  return validate(body) ? [] : validate.errors;
}
