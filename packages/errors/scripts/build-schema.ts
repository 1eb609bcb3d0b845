import { fileURLToPath } from 'node:url';
import { createGenerator, type Definition } from 'ts-json-schema-generator';
import { errorCatalog } from '../src/catalog.ts';

/** Where the committed schema lives; the package exports it as `@openpixels/errors/schema.json`. */
export const SCHEMA_PATH = fileURLToPath(new URL('../schema/error-envelope.schema.json', import.meta.url));

// The docs site serves the committed file at this address, so the $id resolves.
const SCHEMA_ID = 'https://openpixels.ai/docs/schemas/error-envelope.schema.json';
const ROOT_TYPES = ['OpenPixelsErrorEnvelope', 'ErrorType', 'ErrorCode'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Generates the JSON Schema of the wire envelope from the package's exported types, then
 * gives the generic instantiations readable names (`ErrorEnvelopeOf<"NO_CREDITS">` becomes
 * `NoCreditsEnvelope`) so generators for other languages produce sensible class names.
 */
export function buildSchema(): Record<string, Json> {
  const generator = createGenerator({
    path: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
    tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
  });
  const definitions: Record<string, Definition> = {};
  for (const type of ROOT_TYPES) Object.assign(definitions, generator.createSchema(type).definitions);

  const renamed: Record<string, Json> = {};
  const aliases = new Map<string, Json>();
  for (const [name, definition] of Object.entries(definitions)) {
    const generic = /^(ErrorEnvelopeOf|TypeOf|ParamsOf)<"([A-Z_]+)">$/.exec(name);
    if (!generic) {
      renamed[name] = definition as Json;
    } else if (generic[1] === 'ErrorEnvelopeOf') {
      const code = generic[2] as keyof typeof errorCatalog;
      const entry = errorCatalog[code];
      const description = `${code} (${entry.type}, HTTP ${entry.status}): ${entry.description}.`;
      renamed[`${pascalCase(code)}Envelope`] = { ...(definition as Record<string, Json>), description };
    } else {
      // TypeOf<…> and ParamsOf<…> are aliases: inline them where they are used.
      const { description: _unused, ...target } = definition as Record<string, Json>;
      aliases.set(name, target);
    }
  }
  const resolved = resolveRefs(renamed, aliases) as Record<string, Json>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'OpenPixels error envelope',
    description:
      'Every error OpenPixels sends: { type, code, message, params }, plus request_id and doc_url when known.',
    $ref: '#/definitions/OpenPixelsErrorEnvelope',
    definitions: sortKeys(resolved),
  };
}

function pascalCase(code: string): string {
  return code
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function refName(ref: string): string {
  return decodeURIComponent(ref.replace('#/definitions/', ''));
}

function resolveRefs(node: Json, aliases: Map<string, Json>): Json {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(item, aliases));
  if (node === null || typeof node !== 'object') return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const name = refName(ref);
    const { $ref: _unused, ...rest } = node;
    if (aliases.has(name)) return resolveRefs({ ...(aliases.get(name) as Record<string, Json>), ...rest }, aliases);
    const generic = /^ErrorEnvelopeOf<"([A-Z_]+)">$/.exec(name);
    if (generic) return { ...rest, $ref: `#/definitions/${pascalCase(generic[1] as string)}Envelope` };
    return { ...rest, $ref: `#/definitions/${encodeURIComponent(name)}` };
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveRefs(value, aliases)]));
}

function sortKeys(record: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** The schema as committed: two-space JSON with a final newline. */
export function formatSchema(schema: Record<string, Json>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
