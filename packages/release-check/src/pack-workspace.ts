import { execFileSync } from 'node:child_process';

/**
 * Packs a workspace with `pnpm pack`, exactly as `changeset publish` would upload it (pnpm
 * rewrites `workspace:` ranges on the way), and returns the tarball's path.
 */
export function packWorkspace(workspaceDir: string, destination: string): string {
  const output = execFileSync('pnpm', ['pack', '--pack-destination', destination, '--json'], {
    cwd: workspaceDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const report = JSON.parse(output) as { filename: string };
  return report.filename;
}
