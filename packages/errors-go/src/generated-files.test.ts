import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from './generated-files.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = generatedFiles();

describe('the committed generated Go files', () => {
  it.each(Object.keys(files))('%s is what the generator writes now', (path) => {
    const committed = readFileSync(join(root, path), 'utf8');
    expect(committed, `${path} is stale: run pnpm --filter @openpixels/errors-go generate`).toBe(files[path]);
  });

  it('are the module’s four generated files, each marked as generated for Go tools', () => {
    expect(Object.keys(files).sort()).toEqual(['catalog.go', 'decode.go', 'envelope.go', 'guards.go']);
    for (const text of Object.values(files)) expect(text).toMatch(/^\/\/ Code generated .* DO NOT EDIT\.$/m);
  });
});
