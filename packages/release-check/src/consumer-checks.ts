import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from 'vitest';

// What a user's project does with the two published packages, checked the same way whether
// they came from packed tarballs or from a registry: import them, require them, type-check them.
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// Runs a file in the project with this Node and returns what it printed.
function runInProject(project: string, file: string, source: string): string {
  writeFileSync(join(project, file), source);
  return execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });
}

// Runs this workspace's compiler on one config in the project; returns the files it loaded.
function typecheck(project: string, config: string, compilerOptions: Record<string, unknown>, files: string[]): string[] {
  const options = { target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [], lib: ['ES2022', 'DOM'] };
  writeFileSync(join(project, config), JSON.stringify({ compilerOptions: { ...options, ...compilerOptions }, files }, null, 2));
  try {
    return execFileSync(process.execPath, [TSC, '-p', config, '--listFiles'], { cwd: project, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.replace(/\\/g, '/'));
  } catch (failure) {
    const { stdout } = failure as { stdout?: string };
    const errors = (stdout ?? String(failure)).split('\n').filter((line) => line.includes('error TS'));
    throw new Error(`tsc -p ${config} failed:\n${errors.join('\n')}`);
  }
}

/** Asserts that both packages load with `import` in the project and give working objects. */
export function expectEsmImportWorks(project: string): void {
  const printed = runInProject(
    project,
    'esm.mjs',
    [
      "import { createError, decodeErrorEnvelope, isBillingError } from '@openpixels/errors';",
      "import * as sdk from 'openpixels';",
      "const body = JSON.parse(JSON.stringify(createError('NO_CREDITS', { required: 25, available: 10 })));",
      'const decoded = decodeErrorEnvelope(JSON.stringify(body));',
      'console.log(JSON.stringify({ body, billing: isBillingError(decoded), sdk: typeof sdk.OpenPixels }));',
    ].join('\n'),
  );
  const result = JSON.parse(printed) as { body: Record<string, unknown>; billing: boolean; sdk: string };
  expect(result.body).toMatchObject({ type: 'BILLING_ERROR', code: 'NO_CREDITS', params: { required: 25 } });
  expect(result).toMatchObject({ billing: true, sdk: 'function' });
}

/** Asserts that both packages load with `require` in the project, from their CommonJS build. */
export function expectCjsRequireWorks(project: string): void {
  const printed = runInProject(
    project,
    'cjs.cjs',
    [
      "const errors = require('@openpixels/errors');",
      "const sdk = require('openpixels');",
      "const error = errors.createError('UNKNOWN_MODEL', { model: 'flux-ultra', available: ['flux-dev'] });",
      'console.log(JSON.stringify({',
      "  entry: require.resolve('@openpixels/errors').split(/[\\\\/]/).slice(-2).join('/'),",
      '  status: error.status, isInstance: errors.OpenPixelsError.isInstance(error), sdk: typeof sdk.OpenPixels,',
      '}));',
    ].join('\n'),
  );
  expect(JSON.parse(printed)).toMatchObject({ entry: 'dist/index.cjs', status: 404, isInstance: true, sdk: 'function' });
}

// The check files must fail to compile if the types were `any`: the @ts-expect-error line
// is itself an error when nothing is wrong with the call below it.
const CHECK_SOURCE = [
  "import { createError, hasErrorCode } from '@openpixels/errors';",
  "import { OpenPixels } from 'openpixels';",
  "const error = createError('NO_CREDITS', { required: 25, available: 10 });",
  'export const required: number = error.params.required;',
  '// @ts-expect-error NO_CREDITS takes numbers',
  "createError('NO_CREDITS', { required: '25', available: 10 });",
  "export function models(body: unknown): string[] { return hasErrorCode(body, 'UNKNOWN_MODEL') ? body.params.available : []; }",
  'export const Client: typeof OpenPixels = OpenPixels;',
].join('\n');

const loads = (loaded: string[], file: string): boolean => loaded.some((path) => path.endsWith(`node_modules/${file}`));

/**
 * Asserts that `tsc` type-checks a file using both packages with `moduleResolution` node16, as
 * an ESM (`.mts`) and a CommonJS (`.cts`) file, loading `index.d.ts` and `index.d.cts` of each.
 */
export function expectNode16TypesWork(project: string): void {
  writeFileSync(join(project, 'check-esm.mts'), CHECK_SOURCE);
  writeFileSync(join(project, 'check-cjs.cts'), CHECK_SOURCE);
  const options = { module: 'node16', moduleResolution: 'node16' };
  const loaded = typecheck(project, 'tsconfig.node16.json', options, ['check-esm.mts', 'check-cjs.cts']);
  for (const pkg of ['@openpixels/errors', 'openpixels']) {
    expect(loads(loaded, `${pkg}/dist/index.d.ts`), `${pkg} index.d.ts`).toBe(true);
    expect(loads(loaded, `${pkg}/dist/index.d.cts`), `${pkg} index.d.cts`).toBe(true);
  }
}

/** Asserts that `tsc` type-checks the same file with `moduleResolution` bundler. */
export function expectBundlerTypesWork(project: string): void {
  writeFileSync(join(project, 'check.ts'), CHECK_SOURCE);
  const loaded = typecheck(project, 'tsconfig.bundler.json', { module: 'esnext', moduleResolution: 'bundler' }, ['check.ts']);
  for (const pkg of ['@openpixels/errors', 'openpixels']) expect(loads(loaded, `${pkg}/dist/index.d.ts`), pkg).toBe(true);
}
