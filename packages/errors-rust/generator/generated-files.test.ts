import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from './generated-files.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = await generatedFiles();

describe('the committed generated Rust files', () => {
  it.each(Object.keys(files))('%s is what the generator writes now', (path) => {
    const committed = readFileSync(join(root, path), 'utf8');
    expect(committed, `${path} is stale: run pnpm --filter @openpixels/errors-rust generate`).toBe(files[path]);
  });

  it('are the whole crate source', () => {
    expect(Object.keys(files).sort()).toEqual(['src/catalog.rs', 'src/decode.rs', 'src/envelope.rs', 'src/guards.rs', 'src/lib.rs']);
  });
});
