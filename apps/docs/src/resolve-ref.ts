import type { JsonSchemaNode } from './json-schema-node.ts';

/** Follows a local `#/definitions/Name` reference; returns the node itself when it has none. */
export function resolveRef(schema: JsonSchemaNode, node: JsonSchemaNode): { name?: string; node: JsonSchemaNode } {
  if (node.$ref === undefined) return { node };
  const name = node.$ref.replace(/^#\/definitions\//, '');
  const target = schema.definitions?.[name];
  if (target === undefined) throw new Error(`The schema has no definition for ${node.$ref}.`);
  return { name, node: target };
}
