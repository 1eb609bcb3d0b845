import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERRORS_DIR } from './errors-package.ts';

/** A scratch copy of the errors workspace's source, and the temp folder to remove afterwards. */
export interface ErrorsSourceCopy {
  root: string;
  dir: string;
}

/**
 * Copies the source of @openpixels/errors (src, scripts, schema, manifest, tsconfig and the
 * base tsconfig it extends) to a temp folder laid out like the repository, with its
 * node_modules linked to the workspace's, so a test can edit the source and run the real
 * generator on it. No `dist/` is copied: a guard that read one would find nothing.
 */
export function copyErrorsSource(): ErrorsSourceCopy {
  const root = mkdtempSync(join(tmpdir(), 'release-check-source-'));
  const dir = join(root, 'packages', 'errors');
  mkdirSync(dir, { recursive: true });
  cpSync(join(ERRORS_DIR, '..', '..', 'tsconfig.base.json'), join(root, 'tsconfig.base.json'));
  for (const entry of ['src', 'scripts', 'schema', 'package.json', 'tsconfig.json']) {
    cpSync(join(ERRORS_DIR, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ERRORS_DIR, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { root, dir };
}
