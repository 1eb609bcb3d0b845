import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cleanEnv, runCommand } from './run-command.ts';

/**
 * Copies every file git would commit from the repository at `root` (tracked, or untracked and
 * not ignored: the working tree as it is) to a new temp folder, makes it a git repository with
 * one commit, and installs it offline from the pnpm store `root` was installed from. Nothing
 * comes from a registry, and the copy's workspaces link to each other, not to `root`'s.
 */
export function copyRepository(root: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'release-check-repo-'));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const path of new Set(listed.split('\0').filter(Boolean))) {
    mkdirSync(join(copy, dirname(path)), { recursive: true });
    try {
      cpSync(join(root, path), join(copy, path));
    } catch (failure) {
      // A tracked file deleted in the working tree is not part of the tree as it is.
      if ((failure as NodeJS.ErrnoException).code !== 'ENOENT') throw failure;
    }
  }
  const store = runCommand(root, 'pnpm', ['store', 'path']).trim();
  runCommand(copy, 'pnpm', ['install', '--frozen-lockfile', '--offline', '--store-dir', store], cleanEnv({ CI: 'true' }));
  commitAll(copy, 'scratch copy');
  return copy;
}

/** Commits everything in the repository at `root` (made one if it is not yet) as a throwaway author. */
export function commitAll(root: string, message: string): void {
  const git = (...args: string[]): string =>
    runCommand(root, 'git', ['-c', 'user.name=release-check', '-c', 'user.email=release-check@127.0.0.1', ...args]);
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', message);
}
