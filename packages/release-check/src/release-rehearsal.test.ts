import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCjsRequireWorks, expectEsmImportWorks, expectNode16TypesWork } from './consumer-checks.ts';
import { commitAll, copyRepository } from './copy-repository.ts';
import { ERRORS_PACKAGE } from './errors-package.ts';
import { isShippable } from './is-shippable.ts';
import { readQuickstartScript } from './read-quickstart-script.ts';
import { listTarball, readTarballFile } from './read-tarball.ts';
import { cleanEnv, runCommand } from './run-command.ts';
import { startGateway } from './start-gateway.ts';
import { type LocalRegistry, startLocalRegistry } from './start-local-registry.ts';

// A maintainer's release, rehearsed on a scratch copy of this repository: a pending minor
// changeset for the contract, the real `pnpm version-packages`, then the checks of every
// workspace that derives a file from the contract or its version (before `version-packages`
// regenerated, this is where the tree went red: the Python package still said 0.0.0); then the
// real `changeset publish` to a throwaway Verdaccio, and the packages installed from it the way
// a user installs them, down to the docs' quickstart run as the page writes it.
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

/** What a registry answers for a package name: its dist-tags and every published version. */
interface Packument {
  'dist-tags': Record<string, string>;
  versions: Record<string, Manifest & { dist: { tarball: string } }>;
}

/**
 * The drift and derivation tests, by workspace: each compares a committed file (or a rendered
 * page) with what its generator makes from the contract now. The languages' own suites (pytest,
 * `go test`, `cargo test`) are left out: versioning changes only the version string in their
 * input, which none of them reads, and the drift test proves that string is regenerated.
 */
const DERIVED_CHECKS: { workspace: string; files: string[] }[] = [
  { workspace: 'packages/errors', files: ['scripts/build-schema.test.ts'] },
  { workspace: 'packages/errors-python', files: ['src/generated-files.test.ts'] },
  { workspace: 'packages/errors-go', files: ['src/generated-files.test.ts'] },
  { workspace: 'packages/errors-rust', files: ['generator/generated-files.test.ts'] },
  { workspace: 'apps/docs', files: ['src/render-error-reference.test.ts'] },
  { workspace: 'apps/server', files: ['src/openapi/build-openapi-document.test.ts'] },
];

let scratch = '';
let before: Manifest;
const timings: Record<string, number> = {};
// Every step runs real tools (pnpm, turbo, tsup, npm, Verdaccio); on an idle two-core machine the
// whole file takes about a minute, but a machine shared with other runs can stretch it far past
// vitest's default, so its hooks get a generous bound of their own.
const HOOK_TIMEOUT_MS = 600_000;

function manifest(workspace: string): Manifest {
  return JSON.parse(readFileSync(join(scratch, workspace, 'package.json'), 'utf8')) as Manifest;
}

function timed<T>(step: string, run: () => T): T {
  const started = performance.now();
  try {
    return run();
  } finally {
    timings[step] = Math.round(performance.now() - started);
  }
}

async function timedAsync<T>(step: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    timings[step] = Math.round(performance.now() - started);
  }
}

beforeAll(() => {
  scratch = timed('copy and offline install', () => copyRepository(REPO_ROOT));
  before = manifest('packages/errors');
  writeFileSync(
    join(scratch, '.changeset', 'rehearsal-minor.md'),
    `---\n"${ERRORS_PACKAGE}": minor\n---\n\nA new optional param, as a contributor would describe it.\n`,
  );
  timed('pnpm version-packages', () => runCommand(scratch, 'pnpm', ['version-packages']));
  commitAll(scratch, 'release: version packages');
}, HOOK_TIMEOUT_MS);

afterAll(() => {
  console.log(`release rehearsal timings (ms): ${JSON.stringify(timings)}`);
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

describe('pnpm version-packages with a pending minor changeset, on a scratch copy', () => {
  it('gives @openpixels/errors at least the minor bump and its CHANGELOG, and consumes every changeset', () => {
    const after = manifest('packages/errors');
    expect(semver.gte(after.version, semver.inc(before.version, 'minor') as string), after.version).toBe(true);
    expect(readFileSync(join(scratch, 'packages/errors/CHANGELOG.md'), 'utf8')).toContain(`## ${after.version}`);
    expect(readdirSync(join(scratch, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md')).toEqual([]);
  });

  it.each(DERIVED_CHECKS)('leaves $workspace matching what its generator makes from the new version', ({ workspace, files }) => {
    const dir = join(scratch, workspace);
    expect(existsSync(join(dir, 'package.json'))).toBe(true);
    timed(workspace, () => runCommand(dir, 'pnpm', ['exec', 'vitest', 'run', ...files, '--reporter=dot']));
  });

  it('passes the release guard: the snapshot names the new version and nothing is left to bump', () => {
    const printed = timed('release guard', () =>
      runCommand(scratch, 'pnpm', ['--filter', '@openpixels/release-check', 'run', 'guard']),
    );
    expect(printed).toContain(`The contract snapshot is of ${ERRORS_PACKAGE}@${manifest('packages/errors').version}.`);
    expect(printed).not.toContain('REFUSED');
  });
});

describe('changeset publish of the versioned copy to a throwaway registry', () => {
  const PUBLISHED = [ERRORS_PACKAGE, 'openpixels'];
  const WORKSPACE_OF: Record<string, string> = { [ERRORS_PACKAGE]: 'packages/errors', openpixels: 'packages/sdk' };
  let registry: LocalRegistry | undefined;
  let registryEnv: NodeJS.ProcessEnv;
  let work = '';
  const packuments = new Map<string, Packument>();

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'release-check-registry-'));
    mkdirSync(join(work, 'registry'));
    registry = await timedAsync('start Verdaccio', () => startLocalRegistry(join(work, 'registry')));
    registryEnv = cleanEnv({ npm_config_userconfig: registry.npmrc, CI: 'true' });
    // `pnpm release`'s build step, then its last step, as it runs them.
    timed('build', () => runCommand(scratch, 'pnpm', ['exec', 'turbo', 'run', 'build', '--filter=./packages/*']));
    timed('changeset publish', () => runCommand(scratch, 'pnpm', ['exec', 'changeset', 'publish'], registryEnv));
    for (const name of PUBLISHED) {
      const response = await fetch(new URL(encodeURIComponent(name), registry.url));
      expect(response.status, `${name} on the registry`).toBe(200);
      packuments.set(name, (await response.json()) as Packument);
    }
  }, HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await registry?.stop();
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  function packument(name: string): Packument {
    const found = packuments.get(name);
    if (found === undefined) throw new Error(`${name} was not fetched`);
    return found;
  }

  it.each(PUBLISHED)('publishes %s at its new version, and only that one, as latest', (name) => {
    const version = manifest(WORKSPACE_OF[name] as string).version;
    expect(packument(name)['dist-tags']).toEqual({ latest: version });
    expect(Object.keys(packument(name).versions)).toEqual([version]);
  });

  it('rewrites the workspace: range of openpixels to one the published @openpixels/errors satisfies', () => {
    const sdk = packument('openpixels');
    const range = Object.values(sdk.versions)[0]?.dependencies?.[ERRORS_PACKAGE] ?? '';
    expect(range).not.toContain('workspace:');
    expect(semver.satisfies(packument(ERRORS_PACKAGE)['dist-tags'].latest ?? '', range), range).toBe(true);
  });

  it.each(PUBLISHED)('ships LICENSE, README, CHANGELOG and the build of %s, and nothing else', async (name) => {
    const tarball = join(work, `${name.replace('/', '-')}.tgz`);
    const url = Object.values(packument(name).versions)[0]?.dist.tarball ?? '';
    writeFileSync(tarball, Buffer.from(await (await fetch(url)).arrayBuffer()));
    const entries = listTarball(tarball);
    expect(entries.filter((entry) => !isShippable(entry))).toEqual([]);
    for (const file of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'dist/index.js', 'dist/index.cjs']) {
      expect(entries, `${name} ships ${file}`).toContain(`package/${file}`);
    }
    expect(readTarballFile(tarball, 'package/LICENSE')).toMatch(/^MIT License/);
  });

  describe('installed from it into a fresh `npm init -y` project', () => {
    let project = '';

    beforeAll(() => {
      project = join(work, 'project');
      mkdirSync(project);
      runCommand(project, 'npm', ['init', '-y'], registryEnv);
      timed('npm install from the registry', () =>
        runCommand(project, 'npm', ['install', '--no-audit', '--no-fund', ...PUBLISHED], registryEnv),
      );
    }, HOOK_TIMEOUT_MS);

    it('is a CommonJS project with the published versions installed, one copy of @openpixels/errors', () => {
      expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'))).toMatchObject({ type: 'commonjs' });
      for (const name of PUBLISHED) {
        const installed = JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as Manifest;
        expect(installed.version, name).toBe(packument(name)['dist-tags'].latest);
      }
      expect(existsSync(join(project, 'node_modules/openpixels/node_modules'))).toBe(false);
    });

    it('loads both packages with import', () => expectEsmImportWorks(project));
    it('loads both packages with require', () => expectCjsRequireWorks(project));
    it('type-checks a file using both with tsc (node16, ESM and CommonJS)', () => expectNode16TypesWork(project));
  });

  it("runs the docs' quickstart client step as the page writes it, against a real gateway", async () => {
    const gateway = await timedAsync('start the gateway', () => startGateway(scratch));
    try {
      const parent = join(work, 'reader');
      mkdirSync(parent);
      const env = { ...registryEnv, OPENPIXELS_API_KEY: gateway.demoKey, OPENPIXELS_BASE_URL: gateway.url };
      const script = readQuickstartScript(join(scratch, 'apps/docs'));
      const printed = timed('quickstart', () => runCommand(parent, 'sh', ['-e', '-c', script], env));
      expect(printed).toMatch(new RegExp(`^Image ready: ${gateway.url}/\\S+$`, 'm'));
    } finally {
      await gateway.stop();
    }
  }, HOOK_TIMEOUT_MS);
});
