import { type Bump, bumpRank } from './bump.ts';
import { classifyContractChange } from './classify-contract-change.ts';
import type { Contract } from './contract.ts';
import { pendingBump } from './pending-bump.ts';

/** The guard's answer: whether the pending changesets cover the contract change, and why. */
export interface ReleaseBumpCheck {
  ok: boolean;
  required: Bump;
  pending: Bump;
  message: string;
}

/**
 * Compares the pending changesets' bump for `packageName` with the bump the change from
 * `released` to `current` needs, and explains the verdict in words a release author can act on.
 */
export async function checkReleaseBump(
  rootDir: string,
  packageName: string,
  released: Contract,
  current: Contract,
): Promise<ReleaseBumpCheck> {
  const verdict = classifyContractChange(released, current);
  const pending = await pendingBump(rootDir, packageName);
  const ok = bumpRank(pending.bump) >= bumpRank(verdict.bump);
  const found = verdict.reasons.length === 0 ? ['  (no contract change)'] : verdict.reasons.map((r) => `  - ${r}`);
  const asked = pending.changesets.length === 0 ? ['  (none)'] : pending.changesets.map((c) => `  - ${c}`);
  const head = ok
    ? `${packageName}: the pending changesets bump ${pending.bump}, enough for a ${verdict.bump} contract change.`
    : `${packageName}: the contract change needs a ${verdict.bump} bump but the pending changesets give ${pending.bump}. ` +
      `Run \`pnpm changeset\` and choose ${verdict.bump} for ${packageName} (or undo the change).`;
  const message = [head, 'Contract changes found:', ...found, `Pending changesets for ${packageName}:`, ...asked].join(
    '\n',
  );
  return { ok, required: verdict.bump, pending: pending.bump, message };
}
