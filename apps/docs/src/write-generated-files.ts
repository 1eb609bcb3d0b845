import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { docAnchor, errorCodes } from '@openpixels/errors';
import { exampleEnvelope } from './example-envelope.ts';
import type { JsonSchemaNode } from './json-schema-node.ts';
import { renderErrorReference } from './render-error-reference.ts';
import { renderFalErrorTable } from './render-fal-error-table.ts';
import { type OpenApiDocument, renderHttpApiReference } from './render-http-api-reference.ts';
import { renderRerouteTable } from './render-reroute-table.ts';
import { SCHEMA_DOWNLOAD_PATH } from './schema-download-path.ts';

/** The files `writeGeneratedFiles` produces, relative to the docs root; none is committed. */
export const GENERATED_FILES = {
  errorReference: 'reference/errors.md',
  /** From the gateway's committed `openapi.json`. */
  httpApiReference: 'reference/http-api.md',
  schema: join('public', SCHEMA_DOWNLOAD_PATH),
  rerouteTable: 'generated/reroute-table.md',
  /** What a fal app sees for every code (included by the "Migrate from fal" page). */
  falErrorTable: 'generated/fal-error-table.md',
  /** One example body per code, named by its anchor, for pages to include with `<<<`. */
  examplesDir: 'generated/examples',
} as const;

/**
 * Writes, from the installed `@openpixels/errors`, the error reference page, the downloadable
 * schema, and the parts other pages include (the reroute table, the fal error table, example
 * bodies); from the gateway's committed `openapi.json`, the HTTP API reference.
 */
export async function writeGeneratedFiles(docsRoot: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const schemaFile = require.resolve('@openpixels/errors/schema.json');
  const openApi = JSON.parse(await readFile(require.resolve('@openpixels/server/openapi.json'), 'utf8')) as OpenApiDocument;
  const schema = JSON.parse(await readFile(schemaFile, 'utf8')) as JsonSchemaNode;
  const at = (file: string): string => join(docsRoot, file);
  await Promise.all(
    [GENERATED_FILES.errorReference, GENERATED_FILES.schema, GENERATED_FILES.rerouteTable].map((file) =>
      mkdir(dirname(at(file)), { recursive: true }),
    ),
  );
  await mkdir(at(GENERATED_FILES.examplesDir), { recursive: true });
  await Promise.all([
    writeFile(at(GENERATED_FILES.errorReference), renderErrorReference(schema)),
    writeFile(at(GENERATED_FILES.httpApiReference), renderHttpApiReference(openApi, './errors')),
    copyFile(schemaFile, at(GENERATED_FILES.schema)),
    writeFile(at(GENERATED_FILES.rerouteTable), `${renderRerouteTable('./reference/errors')}\n`),
    writeFile(at(GENERATED_FILES.falErrorTable), `${renderFalErrorTable('./reference/errors')}\n`),
    ...errorCodes.map((code) =>
      writeFile(
        at(join(GENERATED_FILES.examplesDir, `${docAnchor(code)}.json`)),
        `${JSON.stringify(exampleEnvelope(code), null, 2)}\n`,
      ),
    ),
  ]);
}
