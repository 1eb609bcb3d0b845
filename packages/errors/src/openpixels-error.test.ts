import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { createError } from './create-error.ts';
import { hasErrorCode } from './has-error-code.ts';
import { isOpenPixelsError } from './is-openpixels-error.ts';
import { OpenPixelsError } from './openpixels-error.ts';
import { isBillingError, isProviderError } from './type-guards.ts';

// These tests load the built package (turbo builds it before testing) as separate copies,
// the situation a user hits when two versions of the package end up in one bundle.
const distCjs = new URL('../dist/index.cjs', import.meta.url);
type Package = typeof import('./index.ts');

const scratch = mkdtempSync(join(tmpdir(), 'openpixels-errors-copy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function loadSecondCopy(): Package {
  const copy = join(scratch, `copy-${Math.random().toString(36).slice(2)}.cjs`);
  cpSync(distCjs, copy);
  return createRequire(import.meta.url)(copy) as Package;
}

function loadInOtherRealm(): { pkg: Package; context: vm.Context } {
  const context = vm.createContext({});
  const module = { exports: {} as Package };
  const wrapper = vm.runInContext(`(function (module, exports) {${readFileSync(distCjs, 'utf8')}\n})`, context);
  wrapper(module, module.exports);
  return { pkg: module.exports, context };
}

describe('OpenPixelsError identity', () => {
  it('recognises errors from a second copy of the package, where instanceof fails', () => {
    const other = loadSecondCopy();
    const foreign = other.createError('NO_CREDITS', { required: 3, available: 1 });
    expect(foreign instanceof OpenPixelsError).toBe(false);
    expect(OpenPixelsError.isInstance(foreign)).toBe(true);
    expect(isBillingError(foreign)).toBe(true);
    expect(hasErrorCode(foreign, 'NO_CREDITS')).toBe(true);
    // And the other way round.
    const ours = createError('PROVIDER_TIMEOUT', { provider: 'fal', timeout_ms: 5 });
    expect(other.OpenPixelsError.isInstance(ours)).toBe(true);
    expect(other.isProviderError(ours)).toBe(true);
  });

  it('recognises errors built in another realm (node:vm)', () => {
    const { pkg } = loadInOtherRealm();
    const foreign = pkg.createError('PROVIDER_HTTP_ERROR', { provider: 'replicate', status: 502 });
    expect(foreign instanceof Error).toBe(false);
    expect(OpenPixelsError.isInstance(foreign)).toBe(true);
    expect(isProviderError(foreign)).toBe(true);
    expect(isOpenPixelsError(foreign)).toBe(true);
    expect(pkg.OpenPixelsError.isInstance(createError('INVALID_API_KEY'))).toBe(true);
    expect(JSON.parse(JSON.stringify(foreign))).toMatchObject({ code: 'PROVIDER_HTTP_ERROR', params: { status: 502 } });
  });

  it('does not take look-alikes for instances', () => {
    expect(OpenPixelsError.isInstance({ code: 'NO_CREDITS', type: 'BILLING_ERROR', message: 'x' })).toBe(false);
    expect(OpenPixelsError.isInstance(new Error('x'))).toBe(false);
    expect(OpenPixelsError.isInstance(null)).toBe(false);
  });

  it('keeps the marker out of the wire body and the enumerable keys', () => {
    const error = createError('RATE_LIMITED', { retry_after_ms: 100 });
    expect(Object.getOwnPropertySymbols(error).length).toBe(1);
    expect(Object.keys(error.toJSON())).not.toContain('status');
    expect(error.status).toBe(429);
  });
});
