import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectBundlerTypesWork,
  expectCjsRequireWorks,
  expectEsmImportWorks,
  expectNode16TypesWork,
} from './consumer-checks.ts';
import { ERRORS_DIR } from './errors-package.ts';
import { installTarballs } from './install-tarballs.ts';
import { isShippable } from './is-shippable.ts';
import { packWorkspace } from './pack-workspace.ts';
import { listTarball, readTarballFile } from './read-tarball.ts';

const SDK_DIR = fileURLToPath(new URL('../../sdk/', import.meta.url));

interface Published {
  name: string;
  dir: string;
  mustShip: string[];
}

const BUILT = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'package.json', 'README.md', 'LICENSE'];
const published: Published[] = [
  { name: '@openpixels/errors', dir: ERRORS_DIR, mustShip: [...BUILT, 'schema/error-envelope.schema.json'] },
  { name: 'openpixels', dir: SDK_DIR, mustShip: BUILT },
];

let work = '';
let scratch = '';
const tarballs = new Map<string, string>();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'release-check-pack-'));
  scratch = join(work, 'scratch');
  mkdirSync(scratch);
  for (const pkg of published) tarballs.set(pkg.name, packWorkspace(pkg.dir, work));
  installTarballs(scratch, [...tarballs.values()]);
});

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

function tarballOf(name: string): string {
  const tarball = tarballs.get(name);
  if (tarball === undefined) throw new Error(`${name} was not packed`);
  return tarball;
}

describe.each(published)('the $name tarball', (pkg) => {
  it('ships only the manifest, README, CHANGELOG, LICENSE, built output and schema', () => {
    const entries = listTarball(tarballOf(pkg.name));
    expect(entries.filter((entry) => !isShippable(entry))).toEqual([]);
    for (const file of pkg.mustShip) expect(entries, `${pkg.name} must ship ${file}`).toContain(`package/${file}`);
  });

  it('has every workspace: range rewritten to a real version range', () => {
    const text = readTarballFile(tarballOf(pkg.name), 'package/package.json');
    expect(text).not.toContain('workspace:');
    const manifest = JSON.parse(text) as { dependencies?: Record<string, string> };
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      expect(range, `${pkg.name} depends on ${dependency}`).toMatch(/^[\^~]?\d+\.\d+\.\d+/);
    }
  });
});

describe('the tarballs installed offline in a scratch project', () => {
  it('give the SDK the same @openpixels/errors as the project, not a nested copy', () => {
    expect(existsSync(join(scratch, 'node_modules/@openpixels/errors/package.json'))).toBe(true);
    expect(existsSync(join(scratch, 'node_modules/openpixels/package.json'))).toBe(true);
    expect(existsSync(join(scratch, 'node_modules/openpixels/node_modules/@openpixels/errors'))).toBe(false);
  });

  it('load as ESM with import', () => expectEsmImportWorks(scratch));
  it('load as CommonJS with require', () => expectCjsRequireWorks(scratch));
  it('resolve types with moduleResolution node16, for ESM and CommonJS files', () => expectNode16TypesWork(scratch));
  it('resolve types with moduleResolution bundler', () => expectBundlerTypesWork(scratch));
});
