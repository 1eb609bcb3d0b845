import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReleaseBump } from './check-release-bump.ts';
import { ERRORS_PACKAGE } from './errors-package.ts';
import { pendingBump } from './pending-bump.ts';
import { readContract } from './read-contract.ts';
import { releasedContract } from './released-contract.ts';
import { takeSnapshot } from './take-snapshot.ts';

const require = createRequire(import.meta.url);
const CHANGESET_BIN = require.resolve('@changesets/cli/bin.js');
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
}

interface Workspace {
  dir: string;
  before: Manifest;
}

let scratch = '';
const workspaces: Workspace[] = [];

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

function workspaceNamed(name: string): Workspace {
  const found = workspaces.find((workspace) => workspace.before.name === name);
  if (found === undefined) throw new Error(`no workspace ${name}`);
  return found;
}

// A copy of the repository's release inputs only: the changesets folder and every workspace
// manifest. `changeset version` then runs on it exactly as `pnpm version-packages` would run
// it here, without touching the real tree.
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'release-check-version-'));
  cpSync(join(REPO_ROOT, 'package.json'), join(scratch, 'package.json'));
  cpSync(join(REPO_ROOT, 'pnpm-workspace.yaml'), join(scratch, 'pnpm-workspace.yaml'));
  cpSync(join(REPO_ROOT, '.changeset'), join(scratch, '.changeset'), { recursive: true });
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(REPO_ROOT, group))) {
      const from = join(REPO_ROOT, group, name, 'package.json');
      if (!existsSync(from)) continue;
      const dir = join(scratch, group, name);
      mkdirSync(dir, { recursive: true });
      cpSync(from, join(dir, 'package.json'));
      workspaces.push({ dir, before: readManifest(dir) });
    }
  }
});

afterAll(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

describe('pnpm version-packages on a copy of the pending changesets', () => {
  let pending = { bump: 'none', changesets: [] as string[] };

  beforeAll(async () => {
    pending = await pendingBump(scratch, ERRORS_PACKAGE);
    execFileSync(process.execPath, [CHANGESET_BIN, 'version'], { cwd: scratch, stdio: 'pipe' });
  });

  it('publishes only after this workspace\'s checks pass', () => {
    const scripts = (readManifest(REPO_ROOT) as { scripts?: Record<string, string> }).scripts ?? {};
    expect(scripts.release).toMatch(
      /^pnpm --filter @openpixels\/release-check run derived && pnpm --filter @openpixels\/release-check run guard && .*&& pnpm --filter @openpixels\/release-check test && changeset publish$/,
    );
  });

  it('bumps @openpixels/errors by the pending changesets and writes its CHANGELOG', () => {
    const errors = workspaceNamed(ERRORS_PACKAGE);
    const now = readManifest(errors.dir);
    if (pending.bump === 'none') {
      expect(now.version).toBe(errors.before.version);
      return;
    }
    expect(now.version).toBe(semver.inc(errors.before.version, pending.bump as semver.ReleaseType));
    const changelog = readFileSync(join(errors.dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`## ${now.version}`);
  });

  it('keeps every internal dependency range pointing at the new versions', () => {
    const versions = new Map(workspaces.map((w) => [w.before.name, readManifest(w.dir).version]));
    for (const workspace of workspaces) {
      for (const [dependency, range] of Object.entries(readManifest(workspace.dir).dependencies ?? {})) {
        const version = versions.get(dependency);
        if (version === undefined) continue;
        const plain = range.replace(/^workspace:/, '');
        const accepts = plain === '*' || plain === '^' || plain === '~' || semver.satisfies(version, plain);
        expect(accepts, `${workspace.before.name} depends on ${dependency}@${range}, now ${version}`).toBe(true);
      }
    }
  });

  it('never versions a private workspace', () => {
    for (const workspace of workspaces.filter((w) => w.before.private === true)) {
      expect(readManifest(workspace.dir).version, workspace.before.name).toBe(workspace.before.version);
      expect(existsSync(join(workspace.dir, 'CHANGELOG.md')), workspace.before.name).toBe(false);
    }
  });

  it('consumes the changesets, after which the refreshed snapshot satisfies the guard', async () => {
    expect(await pendingBump(scratch, ERRORS_PACKAGE)).toEqual({ bump: 'none', changesets: [] });
    const version = readManifest(workspaceNamed(ERRORS_PACKAGE).dir).version;
    const refreshed = await takeSnapshot(version);
    const check = await checkReleaseBump(scratch, ERRORS_PACKAGE, releasedContract(refreshed), await readContract());
    expect(check.ok, check.message).toBe(true);
    expect(check.required).toBe(version === '0.0.0' ? 'minor' : 'none');
  });
});
