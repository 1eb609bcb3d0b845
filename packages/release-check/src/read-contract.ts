import type { Contract, JsonSchema } from './contract.ts';
import { type ErrorsSource, loadErrorsSource } from './errors-source.ts';
import { inlineRefs } from './inline-refs.ts';

// Fields of every envelope that belong to the code rather than to the envelope as a whole.
const PER_CODE_FIELDS = ['type', 'code', 'params'];

/**
 * Reads the current contract from the source of @openpixels/errors in `errorsDir` (the
 * workspace by default): its catalog, and params from a JSON Schema generated from `src/` now.
 */
export async function readContract(errorsDir?: string): Promise<Contract> {
  const source = await loadErrorsSource(errorsDir);
  return contractOf(source.generatedSchema, source);
}

/**
 * Builds the contract from a JSON Schema of the envelope and the catalog it was made from.
 * With `partial`, codes the schema has no envelope for are left out instead of refused (for
 * reading a committed schema that is older than the catalog).
 */
export function contractOf(
  schema: JsonSchema,
  catalog: Pick<ErrorsSource, 'errorCatalog' | 'errorTypes'>,
  partial = false,
): Contract {
  const definitions = (schema.definitions ?? {}) as Record<string, JsonSchema>;
  const envelopes = envelopesByCode(definitions);
  const contract: Contract = { types: {}, codes: {}, envelope: null };
  for (const [type, entry] of Object.entries(catalog.errorTypes)) {
    contract.types[type] = { status: entry.status, description: entry.description };
  }
  const codes = Object.keys(catalog.errorCatalog) as (keyof typeof catalog.errorCatalog)[];
  for (const code of codes) {
    const entry = catalog.errorCatalog[code];
    const envelope = envelopes.get(code);
    if (envelope === undefined && partial) continue;
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
  const first = envelopes.get(codes[0] ?? '');
  if (first !== undefined) contract.envelope = sharedFields(first);
  return contract;
}

/** The codes a JSON Schema of the envelope has an envelope for. */
export function schemaCodes(schema: JsonSchema): string[] {
  return [...envelopesByCode((schema.definitions ?? {}) as Record<string, JsonSchema>).keys()];
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
