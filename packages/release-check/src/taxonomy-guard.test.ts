import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guardRelease } from './guard-release.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// The guard on this repository as it is, as `pnpm release` runs it: the committed snapshot
// names the version @openpixels/errors is at, the committed schema is what the source
// generates, and the pending changesets cover the change from the snapshot to the source.
describe('taxonomy-break guard', () => {
  it('lets this repository be released', async () => {
    const verdict = await guardRelease(REPO_ROOT);
    expect(verdict.ok, verdict.message).toBe(true);
    expect(verdict.message).not.toContain('REFUSED');
  });
}, 60_000);
