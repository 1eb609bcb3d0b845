import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as sdk from './index.ts';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));

describe('the public entry', () => {
  it('exports the client, the transport guards and the contract names users need', () => {
    expect(Object.keys(sdk).sort()).toEqual([
      'OpenPixels',
      'OpenPixelsError',
      'hasErrorCode',
      'isAbortError',
      'isAuthenticationError',
      'isAvailabilityError',
      'isBadRequestError',
      'isBillingError',
      'isInternalServerError',
      'isNetworkError',
      'isOpenPixelsError',
      'isProviderError',
      'isTimeoutError',
    ]);
  });

  it('the built browser bundle runs a job in a realm with no process, require or Node globals', async () => {
    expect(existsSync(dist), 'run the build first').toBe(true);
    const bundled = await build({
      entryPoints: [dist],
      bundle: true,
      format: 'iife',
      globalName: 'openpixels',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      absWorkingDir: join(dist, '..', '..'),
    });
    // Only what browsers, Deno, Bun and edge runtimes all provide.
    const realm = createContext({ AbortController, DOMException, Headers, Response, setTimeout, clearTimeout, console });
    runInContext(bundled.outputFiles[0]?.text ?? '', realm);
    const script = [
      { type: 'update', id: 'job_1', status: 'queued' },
      { type: 'result', id: 'job_1', status: 'completed', data: { url: 'https://img.example/1.png' } },
    ];
    realm.fakeFetch = async () => new Response(JSON.stringify(script.shift()), { status: 200 });
    const result = await runInContext(
      `new openpixels.OpenPixels({ apiKey: 'sk-op-test', fetch: fakeFetch }).run({ model: 'flux-dev', prompt: 'x' })`,
      realm,
    );
    expect(result).toEqual({ id: 'job_1', status: 'completed', data: { url: 'https://img.example/1.png' } });
    expect(runInContext('typeof process', realm)).toBe('undefined');
  });
});
