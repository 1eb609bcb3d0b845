import { execFileSync } from 'node:child_process';
import { changedPaths, hashTree } from './hash-tree.ts';

/** What running every `generate` script did to the tree. */
export interface DerivedFilesCheck {
  ok: boolean;
  /** Files `pnpm generate` added, removed or rewrote: they were not what the source generates. */
  changed: string[];
  message: string;
}

/**
 * Runs the root `pnpm generate` (every workspace's generator: schema, Python, docs reference,
 * OpenAPI, other languages) in the repository at `root` and reports every file it changed. On a
 * tree whose derived files are what the source generates, generating again changes nothing.
 * The changed files are left as generated, for the maintainer to review and commit.
 */
export function checkDerivedFiles(root: string): DerivedFilesCheck {
  const before = hashTree(root);
  execFileSync('pnpm', ['run', 'generate'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  const changed = changedPaths(before, hashTree(root));
  const message =
    changed.length === 0
      ? 'Every derived file is what the source generates.'
      : [
          'These files were not what the source generates; `pnpm generate` has now rewritten them.',
          'Review them (`git diff`), commit them with a changeset whose bump matches, then release again:',
          ...changed.map((path) => `  - ${path}`),
        ].join('\n');
  return { ok: changed.length === 0, changed, message };
}
