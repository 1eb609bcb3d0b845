import { createRequire } from 'node:module';
import { errorCatalog, errorCodes } from '@openpixels/errors';
import { describe, expect, it } from 'vitest';
import { findEnvelopeDefinition } from './find-envelope-definition.ts';
import type { JsonSchemaNode } from './json-schema-node.ts';
import { paramsRows } from './params-rows.ts';

const packagedSchema = createRequire(import.meta.url)('@openpixels/errors/schema.json') as JsonSchemaNode;

describe('paramsRows', () => {
  const schema: JsonSchemaNode = {
    definitions: {
      Item: {
        type: 'object',
        properties: { name: { type: 'string', description: 'Its name.' }, size: { type: 'integer' } },
        required: ['name'],
      },
      Params: {
        type: 'object',
        properties: {
          items: { type: 'array', items: { $ref: '#/definitions/Item' }, description: 'The items.' },
          tags: { type: 'array', items: { type: 'string' } },
          mode: { enum: ['a', 'b'] },
          raw: { description: 'Anything.' },
        },
        required: ['items'],
      },
    },
  };

  it('flattens array items of objects, keeps order, and labels types', () => {
    expect(paramsRows(schema, { $ref: '#/definitions/Params' })).toEqual([
      { path: 'items', type: 'Item[]', required: true, description: 'The items.' },
      { path: 'items[].name', type: 'string', required: true, description: 'Its name.' },
      { path: 'items[].size', type: 'integer', required: false, description: '' },
      { path: 'tags', type: 'string[]', required: false, description: '' },
      { path: 'mode', type: '"a" | "b"', required: false, description: '' },
      { path: 'raw', type: 'any', required: false, description: 'Anything.' },
    ]);
  });

  it('refuses a reference to a definition that does not exist', () => {
    expect(() => paramsRows(schema, { $ref: '#/definitions/Missing' })).toThrow(/Missing/);
  });

  it.each(errorCodes)('documents every param of the catalog example of %s, and only those', (code) => {
    const params = findEnvelopeDefinition(packagedSchema, code).node.properties?.params ?? {};
    const documented = new Set(paramsRows(packagedSchema, params).map((row) => row.path));
    for (const path of leafPaths(errorCatalog[code].exampleParams)) expect(documented).toContain(path);
  });
});

// `{ a: 1, b: [{ c: 2 }] }` → `a`, `b`, `b[].c`: the paths a params table must have a row for.
function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = `${prefix}${key}`;
    const first: unknown = Array.isArray(child) ? child[0] : undefined;
    if (first !== undefined && typeof first === 'object') return [path, ...leafPaths(first, `${path}[].`)];
    return [path];
  });
}
