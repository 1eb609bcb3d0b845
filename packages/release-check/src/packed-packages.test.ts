import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS_DIR } from './errors-package.ts';
import { installTarballs } from './install-tarballs.ts';
import { isShippable } from './is-shippable.ts';
import { packWorkspace } from './pack-workspace.ts';
import { listTarball, readTarballFile } from './read-tarball.ts';

const require = createRequire(import.meta.url);
const TSC = require.resolve('typescript/bin/tsc');
const SDK_DIR = fileURLToPath(new URL('../../sdk/', import.meta.url));
const SDK_EXISTS = existsSync(join(SDK_DIR, 'package.json'));

interface Published {
  name: string;
  dir: string;
  mustShip: string[];
}

const BUILT = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'package.json', 'README.md', 'LICENSE'];
const published: Published[] = [
  { name: '@openpixels/errors', dir: ERRORS_DIR, mustShip: [...BUILT, 'schema/error-envelope.schema.json'] },
  ...(SDK_EXISTS ? [{ name: 'openpixels', dir: SDK_DIR, mustShip: BUILT }] : []),
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

// Runs a file in the scratch project with this Node and returns what it printed.
function runInScratch(file: string, source: string): string {
  writeFileSync(join(scratch, file), source);
  return execFileSync(process.execPath, [file], { cwd: scratch, encoding: 'utf8' });
}

// Runs the scratch project's compiler on one config; returns the files it loaded.
function typecheck(config: string, compilerOptions: Record<string, unknown>, files: string[]): string[] {
  const options = { target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [], lib: ['ES2022', 'DOM'] };
  const tsconfig = { compilerOptions: { ...options, ...compilerOptions }, files };
  writeFileSync(join(scratch, config), JSON.stringify(tsconfig, null, 2));
  try {
    return execFileSync(process.execPath, [TSC, '-p', config, '--listFiles'], { cwd: scratch, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.replace(/\\/g, '/'));
  } catch (failure) {
    const { stdout } = failure as { stdout?: string };
    const errors = (stdout ?? String(failure)).split('\n').filter((line) => line.includes('error TS'));
    throw new Error(`tsc -p ${config} failed:\n${errors.join('\n')}`);
  }
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

if (!SDK_EXISTS) it.skip('packs openpixels too (skipped: packages/sdk has no package.json yet)', () => {});

describe('the tarballs installed offline in a scratch project', () => {
  it('give the SDK the same @openpixels/errors as the project, not a nested copy', () => {
    expect(existsSync(join(scratch, 'node_modules/@openpixels/errors/package.json'))).toBe(true);
    if (SDK_EXISTS) {
      expect(existsSync(join(scratch, 'node_modules/openpixels/package.json'))).toBe(true);
      expect(existsSync(join(scratch, 'node_modules/openpixels/node_modules/@openpixels/errors'))).toBe(false);
    }
  });

  it('load as ESM with import', () => {
    const printed = runInScratch(
      'esm.mjs',
      [
        "import { createError, decodeErrorEnvelope, isBillingError } from '@openpixels/errors';",
        SDK_EXISTS ? "import * as sdk from 'openpixels';" : 'const sdk = {};',
        "const body = JSON.parse(JSON.stringify(createError('NO_CREDITS', { required: 25, available: 10 })));",
        'const decoded = decodeErrorEnvelope(JSON.stringify(body));',
        'console.log(JSON.stringify({ body, billing: isBillingError(decoded), sdk: typeof sdk.OpenPixels }));',
      ].join('\n'),
    );
    const result = JSON.parse(printed) as { body: Record<string, unknown>; billing: boolean; sdk: string };
    expect(result.body).toMatchObject({ type: 'BILLING_ERROR', code: 'NO_CREDITS', params: { required: 25 } });
    expect(result.billing).toBe(true);
    if (SDK_EXISTS) expect(result.sdk).toBe('function');
  });

  it('load as CommonJS with require', () => {
    const printed = runInScratch(
      'cjs.cjs',
      [
        "const errors = require('@openpixels/errors');",
        SDK_EXISTS ? "const sdk = require('openpixels');" : 'const sdk = {};',
        "const error = errors.createError('UNKNOWN_MODEL', { model: 'flux-ultra', available: ['flux-dev'] });",
        'console.log(JSON.stringify({',
        "  entry: require.resolve('@openpixels/errors').split(/[\\\\/]/).slice(-2).join('/'),",
        '  status: error.status, isInstance: errors.OpenPixelsError.isInstance(error), sdk: typeof sdk.OpenPixels,',
        '}));',
      ].join('\n'),
    );
    const result = JSON.parse(printed) as { entry: string; status: number; isInstance: boolean; sdk: string };
    expect(result).toMatchObject({ entry: 'dist/index.cjs', status: 404, isInstance: true });
    if (SDK_EXISTS) expect(result.sdk).toBe('function');
  });

  // The check files must fail to compile if the types were `any`: the @ts-expect-error line
  // is itself an error when nothing is wrong with the call below it.
  const checkSource = [
    "import { createError, hasErrorCode } from '@openpixels/errors';",
    SDK_EXISTS ? "import { OpenPixels } from 'openpixels';" : '',
    "const error = createError('NO_CREDITS', { required: 25, available: 10 });",
    'export const required: number = error.params.required;',
    '// @ts-expect-error NO_CREDITS takes numbers',
    "createError('NO_CREDITS', { required: '25', available: 10 });",
    "export function models(body: unknown): string[] { return hasErrorCode(body, 'UNKNOWN_MODEL') ? body.params.available : []; }",
    SDK_EXISTS ? 'export const Client: typeof OpenPixels = OpenPixels;' : '',
  ].join('\n');

  it('resolve types with moduleResolution node16, for ESM and CommonJS files', () => {
    writeFileSync(join(scratch, 'check-esm.mts'), checkSource);
    writeFileSync(join(scratch, 'check-cjs.cts'), checkSource);
    const loaded = typecheck('tsconfig.node16.json', { module: 'node16', moduleResolution: 'node16' }, [
      'check-esm.mts',
      'check-cjs.cts',
    ]);
    expect(loaded.some((file) => file.endsWith('node_modules/@openpixels/errors/dist/index.d.ts'))).toBe(true);
    expect(loaded.some((file) => file.endsWith('node_modules/@openpixels/errors/dist/index.d.cts'))).toBe(true);
    if (SDK_EXISTS) {
      expect(loaded.some((file) => file.endsWith('node_modules/openpixels/dist/index.d.ts'))).toBe(true);
      expect(loaded.some((file) => file.endsWith('node_modules/openpixels/dist/index.d.cts'))).toBe(true);
    }
  });

  it('resolve types with moduleResolution bundler', () => {
    writeFileSync(join(scratch, 'check.ts'), checkSource);
    const loaded = typecheck('tsconfig.bundler.json', { module: 'esnext', moduleResolution: 'bundler' }, ['check.ts']);
    expect(loaded.some((file) => file.endsWith('node_modules/@openpixels/errors/dist/index.d.ts'))).toBe(true);
    if (SDK_EXISTS) expect(loaded.some((file) => file.endsWith('node_modules/openpixels/dist/index.d.ts'))).toBe(true);
  });
});
