import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { errorCatalog, errorCodes, errorTypeNames, errorTypes } from '@openpixels/errors';
import type { Contract, JsonSchema } from './contract.ts';
import { inlineRefs } from './inline-refs.ts';

const require = createRequire(import.meta.url);

/** Where the installed @openpixels/errors keeps its JSON Schema. */
export const SCHEMA_FILE = require.resolve('@openpixels/errors/schema.json');

// Fields of every envelope that belong to the code rather than to the envelope as a whole.
const PER_CODE_FIELDS = ['type', 'code', 'params'];

/** Reads the current contract from the built @openpixels/errors and its JSON Schema. */
export function readContract(): Contract {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as JsonSchema;
  return contractOf(schema);
}

/** Builds the contract from a JSON Schema of the envelope and the catalog it was made from. */
export function contractOf(schema: JsonSchema): Contract {
  const definitions = (schema.definitions ?? {}) as Record<string, JsonSchema>;
  const envelopes = envelopesByCode(definitions);
  const contract: Contract = { types: {}, codes: {}, envelope: null };
  for (const type of errorTypeNames) {
    contract.types[type] = { status: errorTypes[type].status, description: errorTypes[type].description };
  }
  for (const code of errorCodes) {
    const entry = errorCatalog[code];
    const envelope = envelopes.get(code);
    if (envelope === undefined) throw new Error(`The JSON Schema has no envelope whose code is ${code}.`);
    const properties = envelope.properties as Record<string, JsonSchema>;
    contract.codes[code] = {
      type: entry.type,
      status: entry.status,
      retryable: entry.retryable,
      reroutable: entry.reroutable,
      description: entry.description,
      params: inlineRefs(properties.params ?? {}, definitions),
    };
  }
  const first = envelopes.get(errorCodes[0] ?? '');
  if (first !== undefined) contract.envelope = sharedFields(first);
  return contract;
}

function envelopesByCode(definitions: Record<string, JsonSchema>): Map<string, JsonSchema> {
  const byCode = new Map<string, JsonSchema>();
  for (const definition of Object.values(definitions)) {
    const properties = definition.properties as Record<string, JsonSchema> | undefined;
    const code = properties?.code?.const;
    if (typeof code === 'string' && properties?.params !== undefined) byCode.set(code, definition);
  }
  return byCode;
}

function sharedFields(envelope: JsonSchema): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries(envelope.properties as Record<string, JsonSchema>).filter(([name]) => !PER_CODE_FIELDS.includes(name)),
  );
  const required = (envelope.required as string[]).filter((name) => !PER_CODE_FIELDS.includes(name));
  return { type: 'object', properties, required, additionalProperties: envelope.additionalProperties };
}
