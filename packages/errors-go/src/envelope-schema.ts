import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The part of JSON Schema the envelope schema uses; anything else is refused by the renderers. */
export interface PropertySchema {
  type?: string;
  const?: string;
  $ref?: string;
  items?: PropertySchema;
  description?: string;
}

/** One object definition of the envelope schema: an envelope, a params type, or a nested item. */
export interface ObjectDefinition {
  type: 'object';
  properties?: Record<string, PropertySchema>;
  required?: string[];
  description?: string;
}

/** The envelope schema as the generators read it. */
export interface EnvelopeSchema {
  definitions: Record<string, ObjectDefinition | { enum: string[] } | { anyOf: unknown[] }>;
}

const require = createRequire(import.meta.url);

/** The committed JSON Schema text of the built @openpixels/errors. */
export function readSchemaText(): string {
  return readFileSync(require.resolve('@openpixels/errors/schema.json'), 'utf8');
}

/** The version of @openpixels/errors the generated files come from. */
export function readContractVersion(): string {
  const manifest = JSON.parse(readFileSync(require.resolve('@openpixels/errors/package.json'), 'utf8'));
  return (manifest as { version: string }).version;
}

/** The object definitions, sorted by name so the output does not follow the schema's key order. */
export function objectDefinitions(schema: EnvelopeSchema): Array<[string, ObjectDefinition]> {
  return Object.entries(schema.definitions)
    .filter((entry): entry is [string, ObjectDefinition] => (entry[1] as { type?: string }).type === 'object')
    .sort(([a], [b]) => a.localeCompare(b));
}

/** The code an envelope definition stands for (its `code` const), or undefined for other objects. */
export function envelopeCode(definition: ObjectDefinition): string | undefined {
  return definition.properties?.code?.const;
}

/** The definition name a `$ref` points at: `#/definitions/NoCreditsParams` → `NoCreditsParams`. */
export function refName(ref: string): string {
  const match = /^#\/definitions\/(\w+)$/.exec(ref);
  if (!match?.[1]) throw new Error(`Unsupported $ref ${ref}`);
  return match[1];
}
