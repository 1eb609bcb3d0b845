import type { JsonSchemaNode } from './json-schema-node.ts';

/**
 * The schema definition of one code's envelope, found by its `code` constant rather than by
 * name, so a renamed definition cannot silently detach a code from its params.
 */
export function findEnvelopeDefinition(schema: JsonSchemaNode, code: string): { name: string; node: JsonSchemaNode } {
  const matches = Object.entries(schema.definitions ?? {}).filter(([, node]) => node.properties?.code?.const === code);
  const [match, ...others] = matches;
  if (match === undefined) throw new Error(`The JSON Schema has no envelope whose code is ${code}.`);
  if (others.length > 0) throw new Error(`The JSON Schema has ${matches.length} envelopes whose code is ${code}.`);
  return { name: match[0], node: match[1] };
}
