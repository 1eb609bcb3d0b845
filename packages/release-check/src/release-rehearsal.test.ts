import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, copyRepository } from './copy-repository.ts';
import { ERRORS_PACKAGE } from './errors-package.ts';
import { runCommand } from './run-command.ts';

// A maintainer's release, rehearsed on a scratch copy of this repository: a pending minor
// changeset for the contract, the real `pnpm version-packages`, then the checks of every
// workspace that derives a file from the contract or its version. Before `version-packages`
// regenerated, this is where the tree went red (the Python package still said 0.0.0).
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Manifest {
  name: string;
  version: string;
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

beforeAll(() => {
  scratch = timed('copy and offline install', () => copyRepository(REPO_ROOT));
  before = manifest('packages/errors');
  writeFileSync(
    join(scratch, '.changeset', 'rehearsal-minor.md'),
    `---\n"${ERRORS_PACKAGE}": minor\n---\n\nA new optional param, as a contributor would describe it.\n`,
  );
  timed('pnpm version-packages', () => runCommand(scratch, 'pnpm', ['version-packages']));
  commitAll(scratch, 'release: version packages');
});

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
