import type { JsonSchema } from './contract.ts';

const MAX_DEPTH = 32;

/**
 * Replaces every `#/definitions/…` reference with the definition itself, so a snapshot
 * records nested params (`ProviderAttempt` inside `attempts`) and a change there is seen.
 */
export function inlineRefs(schema: JsonSchema, definitions: Record<string, JsonSchema>, depth = 0): JsonSchema {
  if (depth > MAX_DEPTH) throw new Error('The JSON Schema nests references too deeply (a cycle?).');
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (typeof value !== 'object' || value === null) return value;
    return inlineRefs(value as JsonSchema, definitions, depth + 1);
  };
  const { $ref, ...rest } = schema;
  let resolved: JsonSchema = {};
  if (typeof $ref === 'string') {
    const name = decodeURIComponent($ref.replace(/^#\/definitions\//, ''));
    const target = definitions[name];
    if (target === undefined) throw new Error(`The JSON Schema refers to a missing definition: ${$ref}`);
    resolved = inlineRefs(target, definitions, depth + 1);
  }
  // A description next to a `$ref` describes the use, so it wins over the definition's own.
  for (const [keyword, value] of Object.entries(rest)) resolved[keyword] = visit(value);
  return resolved;
}
