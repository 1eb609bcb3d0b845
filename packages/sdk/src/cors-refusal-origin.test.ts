import { afterEach, describe, expect, it, vi } from 'vitest';
import { OpenPixels } from './open-pixels.ts';
import type { FetchFunction } from './resolve-options.ts';
import { isNetworkError } from './transport-errors.ts';

// How the client tells a CORS refusal from a gateway it cannot reach, with a fetch that acts as
// a browser's does: a CORS-mode request to a gateway that refuses the page's origin rejects with
// a bare TypeError, while a `no-cors` one gets through (an opaque answer) whenever the gateway
// is up. The real thing, in Chromium against a real gateway, is in apps/server/contract/.

const BASE = 'http://127.0.0.1:1729';
const payload = { model: 'flux-schnell', prompt: 'a paper boat' } as const;

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A browser's fetch against a gateway that is `up` (refusing every CORS request) or down; records each request's mode. */
function browserFetch(up: boolean): FetchFunction & { modes: string[] } {
  const modes: string[] = [];
  const fetch = async (_url: string, init: RequestInit) => {
    modes.push(init.mode ?? 'cors');
    if (up && init.mode === 'no-cors') return new Response(null, { status: 200 });
    throw new TypeError('Failed to fetch');
  };
  return Object.assign(fetch, { modes });
}

async function runWith(fetch: FetchFunction) {
  const retries: string[] = [];
  const client = new OpenPixels({ apiKey: 'sk-op-x', baseUrl: BASE, fetch, retryDelay: 1, maxRetryDelay: 2, onRetry: (e) => retries.push(e.request) });
  const thrown = await client.run(payload).then(
    () => undefined,
    (error: unknown) => error as DOMException,
  );
  return { thrown, retries };
}

describe('a request that gets no answer, in a page on another origin', () => {
  it('the gateway is up but refuses the origin: a NetworkError naming CORS, the origin and OPENPIXELS_CORS_ORIGINS, not retried', async () => {
    vi.stubGlobal('location', { origin: 'https://app.example' });
    const fetch = browserFetch(true);
    const { thrown, retries } = await runWith(fetch);
    expect(isNetworkError(thrown)).toBe(true);
    expect(thrown?.message).toContain('CORS');
    expect(thrown?.message).toContain('OPENPIXELS_CORS_ORIGINS=https://app.example');
    expect((thrown as unknown as { cause: unknown }).cause).toBeInstanceOf(TypeError);
    expect(retries).toEqual([]);
    expect(fetch.modes).toEqual(['cors', 'no-cors']);
  });

  it('the gateway is down: "could not reach", retried as before', async () => {
    vi.stubGlobal('location', { origin: 'https://app.example' });
    const fetch = browserFetch(false);
    const { thrown, retries } = await runWith(fetch);
    expect(thrown?.message).toBe(`Could not reach the OpenPixels gateway at ${BASE}.`);
    expect(retries).toEqual(['submit', 'submit', 'submit']);
  });
});

describe('where CORS plays no part, no probe is sent', () => {
  it('outside a page (no location)', async () => {
    const fetch = browserFetch(true);
    const { thrown } = await runWith(fetch);
    expect(thrown?.message).toBe(`Could not reach the OpenPixels gateway at ${BASE}.`);
    expect(fetch.modes.every((mode) => mode === 'cors')).toBe(true);
  });

  it("in a page on the gateway's own origin", async () => {
    vi.stubGlobal('location', { origin: BASE });
    const fetch = browserFetch(true);
    const { thrown } = await runWith(fetch);
    expect(thrown?.message).toBe(`Could not reach the OpenPixels gateway at ${BASE}.`);
    expect(fetch.modes.every((mode) => mode === 'cors')).toBe(true);
  });

  it('where reading location throws (Deno without --location)', async () => {
    Object.defineProperty(globalThis, 'location', {
      configurable: true,
      get() {
        throw new ReferenceError('Access to "location", run again with --location <href>.');
      },
    });
    try {
      const fetch = browserFetch(true);
      const { thrown } = await runWith(fetch);
      expect(isNetworkError(thrown)).toBe(true);
      expect(fetch.modes.every((mode) => mode === 'cors')).toBe(true);
    } finally {
      delete (globalThis as { location?: unknown }).location;
    }
  });
});
