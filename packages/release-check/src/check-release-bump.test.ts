import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkReleaseBump } from './check-release-bump.ts';
import { type Contract, EMPTY_CONTRACT } from './contract.ts';
import { loadErrorsSource } from './errors-source.ts';
import { readContract } from './read-contract.ts';

const released = await readContract();
// Names come from the catalog so that a legitimate rename never breaks these tests.
const { errorCatalog } = await loadErrorsSource();
const codes = Object.keys(errorCatalog) as (keyof typeof errorCatalog)[];
const [someCode] = codes;
const someAddition = codes.find((code) => errorCatalog[code].addition);
if (someCode === undefined || someAddition === undefined) throw new Error('the catalog has no codes or no additions');
const roots: string[] = [];

// A scratch repository root holding only pending changeset files, as `pnpm changeset` writes them.
function repoWithChangesets(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'release-check-'));
  roots.push(root);
  mkdirSync(join(root, '.changeset'));
  writeFileSync(join(root, '.changeset', 'config.json'), '{}\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, '.changeset', name), text);
  return root;
}

function changeset(releases: Record<string, string>, summary: string): string {
  const lines = Object.entries(releases).map(([name, bump]) => `"${name}": ${bump}`);
  return `---\n${lines.join('\n')}\n---\n\n${summary}\n`;
}

function withoutCode(code: string): Contract {
  const copy = structuredClone(released);
  delete copy.codes[code];
  return copy;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('checkReleaseBump', () => {
  it('fails a removed code released with only a patch, and says what it found', async () => {
    const root = repoWithChangesets({
      'tidy-owls-sing.md': changeset({ '@openpixels/errors': 'patch' }, 'Tidy the catalog.'),
    });
    const check = await checkReleaseBump(root, '@openpixels/errors', released, withoutCode(someCode));
    expect(check.ok).toBe(false);
    expect(check.required).toBe('major');
    expect(check.pending).toBe('patch');
    expect(check.message).toContain('needs a major bump but the pending changesets give patch');
    expect(check.message).toContain(`code ${someCode} removed`);
    expect(check.message).toContain('.changeset/tidy-owls-sing.md (patch)');
  });

  it('takes the largest bump among several changesets, ignoring other packages', async () => {
    const root = repoWithChangesets({
      'a-small-fix.md': changeset({ '@openpixels/errors': 'patch' }, 'Fix a message.'),
      'b-new-code.md': changeset({ '@openpixels/errors': 'major', openpixels: 'minor' }, 'Drop a code.'),
      'c-sdk-only.md': changeset({ openpixels: 'major' }, 'SDK only.'),
    });
    const check = await checkReleaseBump(root, '@openpixels/errors', released, withoutCode(someCode));
    expect(check).toMatchObject({ ok: true, required: 'major', pending: 'major' });
  });

  it('fails a contract change with no changeset for the package at all', async () => {
    const root = repoWithChangesets({ 'sdk-only.md': changeset({ openpixels: 'major' }, 'SDK only.') });
    const check = await checkReleaseBump(root, '@openpixels/errors', withoutCode(someAddition), released);
    expect(check).toMatchObject({ ok: false, required: 'minor', pending: 'none' });
    expect(check.message).toContain(`minor: new code ${someAddition}`);
  });

  it('passes an unchanged contract with no changesets', async () => {
    const check = await checkReleaseBump(repoWithChangesets({}), '@openpixels/errors', released, released);
    expect(check).toMatchObject({ ok: true, required: 'none', pending: 'none' });
  });

  it('asks a first release for at least a minor changeset', async () => {
    const patchOnly = repoWithChangesets({ 'first.md': changeset({ '@openpixels/errors': 'patch' }, 'First.') });
    expect(await checkReleaseBump(patchOnly, '@openpixels/errors', EMPTY_CONTRACT, released)).toMatchObject({
      ok: false,
      required: 'minor',
    });
    const minor = repoWithChangesets({ 'first.md': changeset({ '@openpixels/errors': 'minor' }, 'First.') });
    expect(await checkReleaseBump(minor, '@openpixels/errors', EMPTY_CONTRACT, released)).toMatchObject({ ok: true });
  });
});
