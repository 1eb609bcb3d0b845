import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A SHA-256 of every file git would commit under `root` (tracked, or untracked and not
 * ignored), by path. Ignored files (installs, builds, the docs site's generated copies) are
 * left out: they are rebuilt on every machine and never reach a commit.
 */
export function hashTree(root: string): Map<string, string> {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const hashes = new Map<string, string>();
  for (const path of new Set(listed.split('\0').filter(Boolean))) {
    const file = join(root, path);
    if (existsSync(file)) hashes.set(path, createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return hashes;
}

/** The paths that were added, removed or rewritten with other contents between two hashes of a tree. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}
