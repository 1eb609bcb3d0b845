import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkReleaseBump } from './check-release-bump.ts';
import { ERRORS_PACKAGE, errorsVersion } from './errors-package.ts';
import { readContract } from './read-contract.ts';
import { releasedContract } from './released-contract.ts';
import { readSnapshot } from './snapshot-file.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// The guard on this repository as it is: the committed snapshot against the current
// @openpixels/errors and the pending changesets in .changeset/.
describe('taxonomy-break guard', () => {
  const snapshot = readSnapshot();

  it('has a snapshot of the version @openpixels/errors is at', () => {
    expect(snapshot.package).toBe(ERRORS_PACKAGE);
    expect(
      snapshot.version,
      'The snapshot is of another version than @openpixels/errors has. Version with `pnpm version-packages` ' +
        '(it refreshes the snapshot), or run `pnpm --filter @openpixels/release-check snapshot` after `changeset version`.',
    ).toBe(errorsVersion());
  });

  it('finds the pending changesets bump @openpixels/errors enough for its contract change', async () => {
    const check = await checkReleaseBump(REPO_ROOT, ERRORS_PACKAGE, releasedContract(snapshot), readContract());
    expect(check.ok, check.message).toBe(true);
  });
});
