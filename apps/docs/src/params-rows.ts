import type { JsonSchemaNode } from './json-schema-node.ts';
import { resolveRef } from './resolve-ref.ts';

/** One documented field: `path` uses `[]` for array items, e.g. `attempts[].provider`. */
export interface ParamRow {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

/** Lists every field of a params object, nested objects and array items included, in schema order. */
export function paramsRows(schema: JsonSchemaNode, params: JsonSchemaNode, prefix = ''): ParamRow[] {
  const object = resolveRef(schema, params).node;
  const required = new Set(object.required ?? []);
  const rows: ParamRow[] = [];
  for (const [name, property] of Object.entries(object.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push({
      path,
      type: typeLabel(schema, property),
      required: required.has(name),
      description: property.description ?? resolveRef(schema, property).node.description ?? '',
    });
    const nested = nestedObject(schema, property);
    if (nested !== undefined) rows.push(...paramsRows(schema, nested.node, `${path}${nested.suffix}`));
  }
  return rows;
}

function nestedObject(schema: JsonSchemaNode, property: JsonSchemaNode): { node: JsonSchemaNode; suffix: string } | undefined {
  const resolved = resolveRef(schema, property).node;
  if (resolved.properties !== undefined) return { node: resolved, suffix: '.' };
  if (resolved.items !== undefined) {
    const item = resolveRef(schema, resolved.items).node;
    if (item.properties !== undefined) return { node: item, suffix: '[].' };
  }
  return undefined;
}

function typeLabel(schema: JsonSchemaNode, property: JsonSchemaNode): string {
  const { name, node } = resolveRef(schema, property);
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum !== undefined) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (node.items !== undefined) return `${typeLabel(schema, node.items)}[]`;
  if (name !== undefined && node.properties !== undefined) return name;
  if (node.type === undefined) return 'any';
  return Array.isArray(node.type) ? node.type.join(' | ') : node.type;
}
