import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommittedSchema } from './check-committed-schema.ts';
import { checkReleaseBump } from './check-release-bump.ts';
import type { JsonSchema } from './contract.ts';
import { copyErrorsSource, type ErrorsSourceCopy } from './copy-errors-source.ts';
import { ERRORS_PACKAGE } from './errors-package.ts';
import { loadErrorsSource } from './errors-source.ts';
import { readContract } from './read-contract.ts';

// The bypasses a maintainer found: the guard used to read the built package and the committed
// schema, so a change made in the source only (no `generate`, a stale `dist/`) passed it.
// Each case edits a scratch copy of packages/errors/src and runs the guard on that copy.
const released = await readContract();
const copies: ErrorsSourceCopy[] = [];
afterAll(() => {
  for (const copy of copies) rmSync(copy.root, { recursive: true, force: true });
});

/** A scratch errors source with `edit` applied to every non-test file under src/. */
function editedSource(edit: (text: string, file: string) => string): ErrorsSourceCopy {
  const copy = copyErrorsSource();
  copies.push(copy);
  const src = join(copy.dir, 'src');
  for (const file of readdirSync(src).filter((name) => name.endsWith('.ts') && !name.includes('.test'))) {
    const path = join(src, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8'), file));
  }
  // A patch changeset: what an author who thought the change harmless would write.
  mkdirSync(join(copy.root, '.changeset'));
  writeFileSync(join(copy.root, '.changeset', 'config.json'), '{}\n');
  writeFileSync(join(copy.root, '.changeset', 'harmless.md'), `---\n"${ERRORS_PACKAGE}": patch\n---\n\nTidy.\n`);
  return copy;
}

function codesWithParam(name: string): string[] {
  return Object.entries(released.codes)
    .filter(([, code]) => (code.params.properties as Record<string, JsonSchema> | undefined)?.[name] !== undefined)
    .map(([code]) => code);
}

describe('a contract change made in the source only', () => {
  it('refuses timeout_ms made optional in params.ts with a patch changeset: major needed', async () => {
    const [code] = codesWithParam('timeout_ms');
    if (code === undefined) throw new Error('no code has a timeout_ms param');
    const copy = editedSource((text, file) =>
      file === 'params.ts' ? text.replace('timeout_ms: number;', 'timeout_ms?: number;') : text,
    );
    const check = await checkReleaseBump(copy.root, ERRORS_PACKAGE, released, await readContract(copy.dir));
    expect(check).toMatchObject({ ok: false, required: 'major', pending: 'patch' });
    expect(check.message).toContain('needs a major bump but the pending changesets give patch');
    expect(check.message).toContain(`major: ${code}.params.timeout_ms: became optional`);

    const schema = checkCommittedSchema(await loadErrorsSource(copy.dir));
    expect(schema.ok).toBe(false);
    expect(schema.message).toContain('schema/error-envelope.schema.json is not what packages/errors/src generates');
    expect(schema.message).toContain('need a major changeset');
    expect(schema.message).toContain(`${code}.params.timeout_ms: became optional`);
  });

  it('refuses a renamed code with a stale build and schema, with a patch changeset: major needed', async () => {
    const code = Object.keys(released.codes).at(-1) as string;
    const renamed = `${code}_RENAMED`;
    const word = new RegExp(`\\b${code}\\b`, 'g');
    const copy = editedSource((text) => text.replace(word, renamed));
    const check = await checkReleaseBump(copy.root, ERRORS_PACKAGE, released, await readContract(copy.dir));
    expect(check).toMatchObject({ ok: false, required: 'major', pending: 'patch' });
    expect(check.message).toContain(`major: code ${code} removed (renamed to ${renamed}?)`);
    expect(check.message).toContain(`minor: new code ${renamed}`);

    const schema = checkCommittedSchema(await loadErrorsSource(copy.dir));
    expect(schema.ok).toBe(false);
    expect(schema.message).toContain('need a major changeset');
    expect(schema.message).toContain(`major: code ${code} is in the committed schema but no longer in the catalog`);
    expect(schema.message).toContain(`minor: new code ${renamed}`);
  });

  it('passes the untouched copy: the committed schema is fresh and nothing changed', async () => {
    const copy = editedSource((text) => text);
    expect(checkCommittedSchema(await loadErrorsSource(copy.dir)).ok).toBe(true);
    const check = await checkReleaseBump(copy.root, ERRORS_PACKAGE, released, await readContract(copy.dir));
    expect(check).toMatchObject({ ok: true, required: 'none' });
  });
}, 120_000);
