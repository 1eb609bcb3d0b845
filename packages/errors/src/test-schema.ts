// Test-only: one ajv validator over the committed schema, shared by every test that checks
// an envelope against the contract.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

const schema = JSON.parse(readFileSync(new URL('../schema/error-envelope.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile(schema);

/** Returns ajv's error text for a value that breaks the schema, or undefined when it is valid. */
export function schemaErrors(value: unknown): string | undefined {
  return validate(JSON.parse(JSON.stringify(value))) ? undefined : ajv.errorsText(validate.errors);
}
