import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsonSchema } from './contract.ts';
import { ERRORS_DIR } from './errors-package.ts';

type CatalogModule = typeof import('../../errors/src/catalog.ts');
type SchemaModule = typeof import('../../errors/scripts/build-schema.ts');

/** The error contract as the source of @openpixels/errors states it, and its committed schema. */
export interface ErrorsSource {
  /** The folder of the errors workspace that was read. */
  dir: string;
  errorCatalog: CatalogModule['errorCatalog'];
  errorTypes: CatalogModule['errorTypes'];
  /** The JSON Schema generated now from `src/` by the package's own generator. */
  generatedSchema: JsonSchema;
  /** Whether the committed `schema/error-envelope.schema.json` is byte for byte the generated one. */
  committedIsFresh: boolean;
  /** The committed schema, as parsed. */
  committedSchema: JsonSchema;
  /** The committed schema's path relative to the errors workspace. */
  schemaFile: string;
}

const loaded = new Map<string, Promise<ErrorsSource>>();

/**
 * Reads the contract from the errors package's source (`src/catalog.ts`, and the JSON Schema its
 * `scripts/build-schema.ts` generates from `src/` right now) rather than from `dist/` or the
 * committed schema, which a skipped build or generate leaves stale. Cached per folder because
 * generating the schema runs the TypeScript compiler.
 */
export function loadErrorsSource(dir: string = ERRORS_DIR): Promise<ErrorsSource> {
  let source = loaded.get(dir);
  if (source === undefined) {
    source = readErrorsSource(dir);
    loaded.set(dir, source);
  }
  return source;
}

async function readErrorsSource(dir: string): Promise<ErrorsSource> {
  const catalog = (await import(pathToFileURL(join(dir, 'src', 'catalog.ts')).href)) as CatalogModule;
  const generator = (await import(pathToFileURL(join(dir, 'scripts', 'build-schema.ts')).href)) as SchemaModule;
  const generated = generator.buildSchema();
  const committedText = readFileSync(generator.SCHEMA_PATH, 'utf8');
  return {
    dir,
    errorCatalog: catalog.errorCatalog,
    errorTypes: catalog.errorTypes,
    generatedSchema: generated as JsonSchema,
    committedIsFresh: committedText === generator.formatSchema(generated),
    committedSchema: JSON.parse(committedText) as JsonSchema,
    schemaFile: generator.SCHEMA_PATH.slice(dir.length).replace(/^[\\/]/, ''),
  };
}
