import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes a scratch npm project in `projectDir` and installs the tarballs into it, offline:
 * the packages have no third-party runtime dependencies, so nothing may come from a registry,
 * and an install that tried would fail instead of quietly using a published version.
 */
export function installTarballs(projectDir: string, tarballs: string[]): void {
  writeFileSync(join(projectDir, 'package.json'), `${JSON.stringify({ name: 'scratch', private: true }, null, 2)}\n`);
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...tarballs],
    { cwd: projectDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}
