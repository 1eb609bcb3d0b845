import { createRequire } from 'node:module';
import { Ajv } from 'ajv';

const require = createRequire(import.meta.url);
const schema = require('@openpixels/errors/schema.json') as object;
const validate = new Ajv({ strict: false }).compile(schema);

/** The schema's complaints about `value` as an error envelope; empty when it conforms. */
export function envelopeSchemaErrors(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
