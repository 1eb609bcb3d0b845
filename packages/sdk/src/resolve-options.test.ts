import { hasErrorCode, OpenPixelsError } from '@openpixels/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveOptions } from './resolve-options.ts';

const KEY = 'sk-op-0123456789abcdef0123456789abcdef';
const saved = { key: process.env.OPENPIXELS_API_KEY, url: process.env.OPENPIXELS_BASE_URL };

afterEach(() => {
  for (const [name, value] of [
    ['OPENPIXELS_API_KEY', saved.key],
    ['OPENPIXELS_BASE_URL', saved.url],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('resolveOptions', () => {
  it('takes a bare key string, with the public gateway and documented defaults', () => {
    delete process.env.OPENPIXELS_BASE_URL;
    const options = resolveOptions(KEY);
    expect(options).toMatchObject({
      apiKey: KEY,
      baseUrl: 'https://worker.openpixels.ai',
      timeout: 600_000,
      requestTimeout: 90_000,
      maxRetries: 3,
    });
  });

  it('reads the key and base URL from the environment when not given', () => {
    process.env.OPENPIXELS_API_KEY = KEY;
    process.env.OPENPIXELS_BASE_URL = 'http://127.0.0.1:1729/';
    const options = resolveOptions();
    expect(options.apiKey).toBe(KEY);
    expect(options.baseUrl).toBe('http://127.0.0.1:1729');
  });

  it('prefers explicit options over the environment', () => {
    process.env.OPENPIXELS_API_KEY = 'sk-op-from-env-000000000000000000000000';
    process.env.OPENPIXELS_BASE_URL = 'http://127.0.0.1:1';
    const options = resolveOptions({ apiKey: KEY, baseUrl: 'http://localhost:1729', maxRetries: 0 });
    expect(options).toMatchObject({ apiKey: KEY, baseUrl: 'http://localhost:1729', maxRetries: 0 });
  });

  it('throws MISSING_API_KEY at construction when there is no key anywhere', () => {
    delete process.env.OPENPIXELS_API_KEY;
    const error = thrownBy(() => resolveOptions({}));
    expect(OpenPixelsError.isInstance(error)).toBe(true);
    expect(hasErrorCode(error, 'MISSING_API_KEY')).toBe(true);
    expect((error as Error).message).toContain('OPENPIXELS_API_KEY');
    // An empty variable is as good as none.
    process.env.OPENPIXELS_API_KEY = '';
    expect(hasErrorCode(thrownBy(() => resolveOptions()), 'MISSING_API_KEY')).toBe(true);
  });

  it('rejects a base URL that is not http(s) and negative numbers, naming each field', () => {
    const error = thrownBy(() =>
      resolveOptions({ apiKey: KEY, baseUrl: 'worker.openpixels.ai', timeout: -1, requestTimeout: 0, maxRetries: Number.NaN }),
    );
    expect(hasErrorCode(error, 'INVALID_ARGUMENTS')).toBe(true);
    const paths = (error as OpenPixelsError<'INVALID_ARGUMENTS'>).params.issues.map((issue) => issue.path);
    expect(paths).toEqual(['baseUrl', 'timeout', 'requestTimeout', 'maxRetries']);
    expect(() => resolveOptions({ apiKey: KEY, maxRetries: 0, retryDelay: 0, timeout: Number.POSITIVE_INFINITY })).not.toThrow();
  });

  it('calls the global fetch at request time when none is given', async () => {
    const original = globalThis.fetch;
    const options = resolveOptions({ apiKey: KEY });
    let called = '';
    globalThis.fetch = (async (url: string) => {
      called = url;
      return new Response('{}');
    }) as typeof fetch;
    try {
      await options.fetch('http://127.0.0.1:9/x', {});
    } finally {
      globalThis.fetch = original;
    }
    expect(called).toBe('http://127.0.0.1:9/x');
  });
});
