import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from './generated-files.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = await generatedFiles();

describe('the committed generated files', () => {
  it.each(Object.keys(files))('%s is what the generator writes now', (path) => {
    const committed = readFileSync(join(root, path), 'utf8');
    expect(committed, `${path} is stale: run pnpm --filter @openpixels/errors-python generate`).toBe(files[path]);
  });

  it('include the package, its schema copy and the fixtures', () => {
    expect(Object.keys(files).sort()).toEqual([
      'openpixels_errors/__init__.py',
      'openpixels_errors/catalog.py',
      'openpixels_errors/decode.py',
      'openpixels_errors/envelope.py',
      'openpixels_errors/error-envelope.schema.json',
      'openpixels_errors/guards.py',
      'tests/fixtures/error-bodies.json',
    ]);
  });
});
