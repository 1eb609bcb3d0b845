import { isAuthenticationError, isBadRequestError, isBillingError, isProviderError } from '@openpixels/errors';
import { hasErrorCode, isAbortError, isTimeoutError, OpenPixels, OpenPixelsError, type RunResult } from 'openpixels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractServer, startContractServer } from './contract-server.ts';
import { envelopeSchemaErrors } from './validate-envelope.ts';

// The SDK as published (the built package, through its `exports`) against the real gateway
// with its offline `local` provider: what a user's first `run()` goes through.

let gateway: ContractServer;
let key: string;

beforeAll(async () => {
  gateway = await startContractServer();
  key = await gateway.keyWith(1_000);
});

afterAll(async () => {
  await gateway?.close();
});

const prompt = 'a beautiful sunset over the ocean';

function client(options: ConstructorParameters<typeof OpenPixels>[0] & object = {}) {
  return new OpenPixels({ apiKey: key, baseUrl: gateway.url, maxRetries: 1, retryDelay: 10, ...options });
}

// The envelope must be the contract's: right code, schema-valid, with the request id to quote.
function expectEnvelope(result: RunResult, code: string) {
  expect(result.error?.code).toBe(code);
  expect(envelopeSchemaErrors(result.error)).toEqual([]);
  expect(result.status).toBe('failed');
}

describe('run() succeeds', () => {
  it('returns { id, status, data.url } and the URL serves a PNG', async () => {
    const updates: string[] = [];
    const result = await client().run({ model: 'flux-dev', prompt, width: 256, height: 256 }, {
      onProgress: (update) => updates.push(update.status),
    });
    expect(result.error).toBeUndefined();
    if (result.error) return;
    expect(result).toMatchObject({ status: 'completed', id: expect.any(String) });
    const image = await fetch(result.data.url);
    expect(image.status).toBe(200);
    const bytes = new Uint8Array(await image.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('accepts the 0.2.x spelling flux-1.1-pro and routing preferences', async () => {
    const result = await client().run({
      model: 'flux-1.1-pro',
      prompt,
      width: 256,
      height: 256,
      config: { routing: { whitelist: ['local'], strategy: 'random' } },
    });
    expect(result.error).toBeUndefined();
  });

  it('submit() then poll(id) and subscribe(id) reach the same result', async () => {
    const sdk = client();
    const job = await sdk.submit({ model: 'flux-schnell', prompt, width: 256, height: 256 });
    const polled = await sdk.poll(job.id ?? '');
    expect(polled).toMatchObject({ id: job.id, status: 'completed' });
    const states = [];
    for await (const state of sdk.subscribe(job.id ?? '')) states.push(state);
    expect(states.at(-1)).toEqual({ type: 'result', ...polled });
  });
});

describe('request-level errors arrive in result.error, typed', () => {
  it('MISSING_API_KEY when the header never reaches the gateway', async () => {
    // A proxy that strips Authorization: the one way a key-holding client sends none.
    const stripping = (url: string, init: RequestInit) => {
      const headers = { ...(init.headers as Record<string, string>) };
      delete headers.authorization;
      return fetch(url, { ...init, headers });
    };
    const result = await client({ fetch: stripping }).run({ model: 'flux-dev', prompt });
    expectEnvelope(result, 'MISSING_API_KEY');
    expect(isAuthenticationError(result.error)).toBe(true);
    expect(result.id).toBeUndefined();
  });

  it('INVALID_API_KEY for an unknown key, with the request id', async () => {
    const result = await client({ apiKey: `sk-op-${'0'.repeat(32)}` }).run({ model: 'flux-dev', prompt });
    expectEnvelope(result, 'INVALID_API_KEY');
    expect(result.error?.request_id).toEqual(expect.any(String));
  });

  it('NO_CREDITS with typed params', async () => {
    const broke = await gateway.keyWith(0);
    const result = await client({ apiKey: broke }).run({ model: 'flux-dev', prompt });
    expectEnvelope(result, 'NO_CREDITS');
    expect(isBillingError(result.error)).toBe(true);
    if (result.error?.code !== 'NO_CREDITS') throw new Error('narrowing failed');
    expect(result.error.params.available).toBe(0);
    expect(result.error.params.required).toBeGreaterThan(0);
  });

  it('UNKNOWN_MODEL listing the served models', async () => {
    const result = await client().run({ model: 'flux-ultra', prompt });
    expectEnvelope(result, 'UNKNOWN_MODEL');
    if (result.error?.code !== 'UNKNOWN_MODEL') throw new Error('narrowing failed');
    expect(result.error.params.model).toBe('flux-ultra');
    expect(result.error.params.available).toContain('flux-dev');
  });

  it('INVALID_ARGUMENTS naming each bad field', async () => {
    const result = await client().run({ model: 'flux-dev', prompt: '', width: -64 });
    expectEnvelope(result, 'INVALID_ARGUMENTS');
    expect(isBadRequestError(result.error)).toBe(true);
    if (result.error?.code !== 'INVALID_ARGUMENTS') throw new Error('narrowing failed');
    expect(result.error.params.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['prompt', 'width']));
  });

  it('JOB_NOT_FOUND when polling an id that does not exist', async () => {
    const result = await client().poll('job_does_not_exist');
    expectEnvelope(result, 'JOB_NOT_FOUND');
    expect(result.id).toBe('job_does_not_exist');
  });

  it('throwOnError turns the envelope into an OpenPixelsError with the same fields', async () => {
    const broke = await gateway.keyWith(0);
    const thrown = await client({ apiKey: broke })
      .run({ model: 'flux-dev', prompt }, { throwOnError: true })
      .catch((error: unknown) => error);
    expect(OpenPixelsError.isInstance(thrown)).toBe(true);
    expect(hasErrorCode(thrown, 'NO_CREDITS')).toBe(true);
    expect(thrown).toMatchObject({ status: 402, request_id: expect.any(String) });
  });
});

describe('idempotent submits', () => {
  // The price of one flux-schnell job, read from the gateway's own NO_CREDITS answer.
  async function price(): Promise<number> {
    const result = await client({ apiKey: await gateway.keyWith(0) }).submit({ model: 'flux-schnell', prompt });
    if (result.type !== 'result' || result.error?.code !== 'NO_CREDITS') throw new Error('expected NO_CREDITS');
    return result.error.params.required;
  }

  it('the same Idempotency-Key returns the same job and charges once', async () => {
    const exact = await gateway.keyWith(await price());
    const sdk = client({ apiKey: exact });
    const first = await sdk.submit({ model: 'flux-schnell', prompt }, { idempotencyKey: 'contract-order-1' });
    const again = await sdk.submit({ model: 'flux-schnell', prompt }, { idempotencyKey: 'contract-order-1' });
    expect(first.id).toEqual(expect.any(String));
    expect(again.id).toBe(first.id);
    // The balance covered exactly one job: a new job is refused, so the repeat was free.
    const other = await sdk.submit({ model: 'flux-schnell', prompt }, { idempotencyKey: 'contract-order-2' });
    expect(other.type === 'result' && other.error?.code).toBe('NO_CREDITS');
  });

  it('a submit whose answer was lost is retried and charged once', async () => {
    const exact = await gateway.keyWith(await price());
    let lost = 0;
    // The request reaches the gateway, which accepts the job; the answer is then lost on the way back.
    const losingFirstAnswer = async (url: string, init: RequestInit) => {
      const response = await fetch(url, init);
      if (init.method === 'POST' && lost++ === 0) {
        await response.body?.cancel();
        throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
      }
      return response;
    };
    const result = await client({ apiKey: exact, fetch: losingFirstAnswer }).run({ model: 'flux-schnell', prompt, width: 256, height: 256 });
    expect(result.error).toBeUndefined();
    expect(lost).toBe(2);
    const next = await client({ apiKey: exact }).submit({ model: 'flux-schnell', prompt });
    expect(next.type === 'result' && next.error?.code).toBe('NO_CREDITS');
  });
});

describe('client-side failures are thrown, told apart', () => {
  it('MISSING_API_KEY at construction without any key', () => {
    const saved = process.env.OPENPIXELS_API_KEY;
    delete process.env.OPENPIXELS_API_KEY;
    try {
      expect(() => new OpenPixels({ baseUrl: gateway.url })).toThrow(expect.objectContaining({ code: 'MISSING_API_KEY' }));
    } finally {
      if (saved !== undefined) process.env.OPENPIXELS_API_KEY = saved;
    }
  });

  it('a closed port is a NetworkError after the retries', async () => {
    const { isNetworkError } = await import('openpixels');
    const closed = await startContractServer();
    const url = closed.url;
    await closed.close();
    const thrown = await client({ baseUrl: url, maxRetries: 1 }).run({ model: 'flux-dev', prompt }).catch((e: unknown) => e);
    expect(isNetworkError(thrown)).toBe(true);
    expect(isProviderError(thrown)).toBe(false);
  });

  it('an already aborted signal throws AbortError and sends nothing', async () => {
    const exact = await gateway.keyWith(1);
    const aborted = await client({ apiKey: exact }).run({ model: 'flux-schnell', prompt }, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(isAbortError(aborted)).toBe(true);
    expect(isTimeoutError(aborted)).toBe(false);
    // Nothing was charged: the one credit still buys a job.
    const after = await client({ apiKey: exact }).submit({ model: 'flux-schnell', prompt });
    expect(after.type === 'result' ? after.error?.code : after.status).not.toBe('NO_CREDITS');
  });
});
