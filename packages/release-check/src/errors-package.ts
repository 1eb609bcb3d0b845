import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

/** The published name of the error contract package. */
export const ERRORS_PACKAGE = '@openpixels/errors';

/** The folder of the installed @openpixels/errors (the workspace, through its symlink). */
export const ERRORS_DIR = dirname(require.resolve(`${ERRORS_PACKAGE}/package.json`));

/** The version @openpixels/errors has now, as changesets last wrote it. */
export function errorsVersion(): string {
  const manifest = JSON.parse(readFileSync(`${ERRORS_DIR}/package.json`, 'utf8')) as { version: string };
  return manifest.version;
}
