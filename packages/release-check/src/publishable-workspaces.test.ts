import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// `changeset publish` publishes every workspace that is not private, so privacy is the one
// thing that keeps the server, the docs and the tooling off the registry.
it('publishes only @openpixels/errors and openpixels; every other workspace is private', () => {
  const publishable: string[] = [];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(REPO_ROOT, group))) {
      const manifestFile = join(REPO_ROOT, group, name, 'package.json');
      if (!existsSync(manifestFile)) continue;
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { name: string; private?: boolean };
      if (manifest.private !== true) publishable.push(manifest.name);
    }
  }
  expect(publishable.sort()).toEqual(['@openpixels/errors', 'openpixels']);
});
