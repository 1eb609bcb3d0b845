import { createError, hasErrorCode, OpenPixelsError } from '@openpixels/errors';
import { describe, expect, it } from 'vitest';
import type { JobUpdate } from './job-state.ts';
import { OpenPixels } from './open-pixels.ts';
import type { OpenPixelsOptions, RetryEvent } from './resolve-options.ts';
import { type ScriptStep, scriptedFetch } from './test-support/scripted-fetch.ts';
import { isAbortError, isNetworkError, isTimeoutError } from './transport-errors.ts';

const KEY = 'sk-op-0123456789abcdef0123456789abcdef';
const BASE = 'http://127.0.0.1:1729';
const payload = { model: 'flux-dev', prompt: 'a beautiful sunset over the ocean' } as const;
const image = { url: `${BASE}/images/job_1.png` };

const update = (status = 'queued'): ScriptStep => ({ status: 200, body: { type: 'update', id: 'job_1', status } });
const done: ScriptStep = { status: 200, body: { type: 'result', id: 'job_1', status: 'completed', data: image } };
const failedWith = (status: number, error: OpenPixelsError, headers?: Record<string, string>): ScriptStep =>
  headers ? { status, body: error.toJSON(), headers } : { status, body: error.toJSON() };

function clientWith(steps: ScriptStep[], options: OpenPixelsOptions = {}) {
  const fetch = scriptedFetch(steps);
  const retries: RetryEvent[] = [];
  const client = new OpenPixels({
    apiKey: KEY,
    baseUrl: BASE,
    fetch,
    retryDelay: 1,
    maxRetryDelay: 5,
    onRetry: (event) => retries.push(event),
    ...options,
  });
  return { client, seen: fetch.seen, retries };
}

describe('OpenPixels.run', () => {
  it('submits, follows the long poll and returns { id, status, data }, reporting each update', async () => {
    const { client, seen } = clientWith([update('queued'), update('processing'), done]);
    const progress: JobUpdate[] = [];
    const result = await client.run(payload, { onProgress: (u) => progress.push(u) });
    expect(result).toEqual({ id: 'job_1', status: 'completed', data: image });
    expect(progress.map((u) => u.status)).toEqual(['queued', 'processing']);
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST ${BASE}/v2/submit`,
      `GET ${BASE}/v2/poll/job_1`,
      `GET ${BASE}/v2/poll/job_1`,
    ]);
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual(payload);
    expect(seen[0]?.headers).toMatchObject({ authorization: `Key ${KEY}`, 'content-type': 'application/json' });
    expect(seen[0]?.headers['idempotency-key']).toMatch(/\S{16,}/);
    expect(seen[1]?.headers.authorization).toBe(`Key ${KEY}`);
  });

  it('returns at once when submit already answers with the result', async () => {
    const { client, seen } = clientWith([done]);
    expect(await client.run(payload)).toEqual({ id: 'job_1', status: 'completed', data: image });
    expect(seen).toHaveLength(1);
  });

  it('returns request-level errors in result.error, decoded, without retrying final ones', async () => {
    const noCredits = createError('NO_CREDITS', { required: 4, available: 0 }, { requestId: 'req_9' });
    const { client, seen, retries } = clientWith([failedWith(402, noCredits)]);
    const result = await client.run(payload);
    expect(result).toEqual({ status: 'failed', error: noCredits.toJSON() });
    if (result.error?.code === 'NO_CREDITS') expect(result.error.params.required).toBe(4);
    expect(seen).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('returns a job-level failure with its id', async () => {
    const failure = createError('PROVIDER_JOB_ERROR', { provider: 'fal' }).toJSON();
    const { client } = clientWith([update(), { status: 200, body: { type: 'result', id: 'job_1', status: 'failed', error: failure } }]);
    expect(await client.run(payload)).toEqual({ id: 'job_1', status: 'failed', error: failure });
  });

  it('throws the failure as an OpenPixelsError with throwOnError', async () => {
    const invalid = createError('INVALID_API_KEY', {}, { requestId: 'req_1' });
    const { client } = clientWith([failedWith(401, invalid)]);
    const thrown = await client.run(payload, { throwOnError: true }).catch((error: unknown) => error);
    expect(OpenPixelsError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code: 'INVALID_API_KEY', status: 401, request_id: 'req_1' });
  });

  it('resolves normally with throwOnError when the job succeeds', async () => {
    const { client } = clientWith([update(), done]);
    const result = await client.run(payload, { throwOnError: true });
    expect(result.data.url).toBe(image.url);
  });
});

describe('submit retries', () => {
  it('retries dropped connections and timeouts with the same Idempotency-Key', async () => {
    const { client, seen, retries } = clientWith([{ drop: true }, { hang: true }, update(), done], { requestTimeout: 50 });
    expect(await client.run(payload)).toMatchObject({ data: image });
    const submits = seen.filter((r) => r.method === 'POST');
    expect(submits).toHaveLength(3);
    expect(new Set(submits.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(new Set(submits.map((r) => r.body)).size).toBe(1);
    expect(retries.map((r) => [r.request, r.attempt])).toEqual([
      ['submit', 1],
      ['submit', 2],
    ]);
    expect(retries[0]?.cause).toBeInstanceOf(TypeError);
  });

  it('uses a fresh key per run, or the caller own key', async () => {
    const { client, seen } = clientWith([done, done, done]);
    await client.run(payload);
    await client.run(payload);
    await client.run(payload, { idempotencyKey: 'order-42' });
    const keys = seen.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe('order-42');
  });

  it('waits at least the retry_after_ms of RATE_LIMITED and the Retry-After of a 503', async () => {
    const limited = createError('RATE_LIMITED', { retry_after_ms: 40 });
    const down = createError('SERVICE_UNAVAILABLE', {});
    const { client, retries } = clientWith([failedWith(429, limited), failedWith(503, down, { 'retry-after': '1' }), done]);
    expect(await client.run(payload)).toMatchObject({ data: image });
    expect(retries.map((r) => r.error?.code)).toEqual(['RATE_LIMITED', 'SERVICE_UNAVAILABLE']);
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(40);
    expect(retries[1]?.delayMs).toBeGreaterThanOrEqual(1000);
  });

  it('returns the error at once when the asked wait outlasts the timeout', async () => {
    const limited = createError('RATE_LIMITED', { retry_after_ms: 600_000 });
    const { client, seen, retries } = clientWith([failedWith(429, limited)], { timeout: 5_000 });
    const result = await client.run(payload);
    expect(hasErrorCode(result.error, 'RATE_LIMITED')).toBe(true);
    expect(seen).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('retries a garbled 2xx, since the key makes a second submit safe', async () => {
    const { client, seen } = clientWith([{ status: 200, body: '<html>proxy</html>' }, done]);
    expect(await client.run(payload)).toMatchObject({ data: image });
    expect(seen[0]?.headers['idempotency-key']).toBe(seen[1]?.headers['idempotency-key']);
  });

  it('gives up after maxRetries: a NetworkError when nothing answered', async () => {
    const { client, seen } = clientWith([{ drop: true }, { drop: true }, { drop: true }], { maxRetries: 2 });
    const thrown = await client.run(payload).catch((error: unknown) => error);
    expect(isNetworkError(thrown)).toBe(true);
    expect((thrown as { cause: unknown }).cause).toBeInstanceOf(TypeError);
    expect(seen).toHaveLength(3);
  });

  it('gives up after maxRetries: the last error when the server kept failing', async () => {
    const broken = createError('INTERNAL_SERVER_ERROR', {});
    const { client, seen } = clientWith([failedWith(500, broken), failedWith(500, broken)], { maxRetries: 1 });
    expect(await client.run(payload)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(seen).toHaveLength(2);
  });
});

describe('poll reconnection', () => {
  it('reconnects after a long poll outlives requestTimeout, without counting it as a failure', async () => {
    const { client, seen, retries } = clientWith([update(), { hang: true }, { hang: true }, { hang: true }, done], {
      requestTimeout: 30,
      maxRetries: 0,
    });
    expect(await client.run(payload)).toMatchObject({ data: image });
    expect(seen).toHaveLength(5);
    expect(retries).toEqual([]);
  });

  it('reconnects after dropped connections and 5xx, resetting the count after each answer', async () => {
    const broken = createError('INTERNAL_SERVER_ERROR', {});
    const { client, retries } = clientWith(
      [update(), { drop: true }, update('processing'), failedWith(502, broken), { drop: true }, done],
      { maxRetries: 2 },
    );
    expect(await client.run(payload)).toMatchObject({ data: image });
    expect(retries.map((r) => [r.request, r.attempt])).toEqual([
      ['poll', 1],
      ['poll', 1],
      ['poll', 2],
    ]);
  });

  it('poll(id) returns JOB_NOT_FOUND with the id', async () => {
    const missing = createError('JOB_NOT_FOUND', { id: 'job_x' });
    const { client } = clientWith([failedWith(404, missing)]);
    expect(await client.poll('job_x')).toEqual({ id: 'job_x', status: 'failed', error: missing.toJSON() });
  });

  it('subscribe(id) yields each state, the result last', async () => {
    const { client } = clientWith([update('processing'), done]);
    const states = [];
    for await (const state of client.subscribe('job_1')) states.push(state.type);
    expect(states).toEqual(['update', 'result']);
  });

  it('submit() returns the update without polling', async () => {
    const { client, seen } = clientWith([update()]);
    expect(await client.submit(payload)).toEqual({ type: 'update', id: 'job_1', status: 'queued' });
    expect(seen).toHaveLength(1);
  });
});

describe('abort and timeout', () => {
  it("throws the caller's AbortError when the signal aborts mid-poll", async () => {
    const { client } = clientWith([update(), { hang: true }]);
    const controller = new AbortController();
    const running = client.run(payload, {
      signal: controller.signal,
      onProgress: () => setTimeout(() => controller.abort(), 5),
    });
    await expect(running).rejects.toSatisfy(isAbortError);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { client, seen } = clientWith([done]);
    await expect(client.run(payload, { signal: AbortSignal.abort() })).rejects.toSatisfy(isAbortError);
    expect(seen).toHaveLength(0);
  });

  it('throws a TimeoutError when the call outlasts its timeout', async () => {
    const { client } = clientWith([update(), { hang: true }]);
    const thrown = await client.run(payload, { timeout: 30 }).catch((error: unknown) => error);
    expect(isTimeoutError(thrown)).toBe(true);
    expect(isAbortError(thrown)).toBe(false);
  });

  it('aborts during a backoff wait', async () => {
    const { client } = clientWith([{ drop: true }], { retryDelay: 60_000, maxRetryDelay: 60_000, timeout: 200_000 });
    const controller = new AbortController();
    const running = client.run(payload, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(running).rejects.toSatisfy(isAbortError);
  });
});

describe('new OpenPixels', () => {
  it('accepts a bare key string', () => {
    expect(() => new OpenPixels(KEY)).not.toThrow();
  });

  it('throws MISSING_API_KEY without a key', () => {
    const saved = process.env.OPENPIXELS_API_KEY;
    delete process.env.OPENPIXELS_API_KEY;
    try {
      expect(() => new OpenPixels()).toThrow(expect.objectContaining({ code: 'MISSING_API_KEY' }));
    } finally {
      if (saved !== undefined) process.env.OPENPIXELS_API_KEY = saved;
    }
  });
});
