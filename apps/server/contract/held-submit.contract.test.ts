import { isAbortError, OpenPixels } from 'openpixels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findApiKey } from '../src/keys/find-api-key.ts';
import { type ContractServer, startContractServer } from './contract-server.ts';

// run() holds its submit (`?wait_ms=`) against the real gateway: a job that finishes within the
// hold costs one request, one that outlasts it falls back to polling, and an abort mid-hold still
// cancels the job the SDK has no id for yet (the Idempotency-Key's replay names it).

let quick: ContractServer;
let slow: ContractServer;

beforeAll(async () => {
  quick = await startContractServer({ local: { delayMs: 50 } });
  slow = await startContractServer({ local: { delayMs: 20_000 }, shutdownTimeoutMs: 0 });
});
afterAll(async () => {
  await quick?.close();
  await slow?.close();
});

const payload = { model: 'flux-schnell', prompt: 'a paper boat', width: 256, height: 256 } as const;

/** A client on `gateway` whose requests are recorded as `METHOD path` (the real fetch underneath). */
async function recordedClient(gateway: ContractServer, options: { requestTimeout?: number } = {}) {
  const key = await gateway.keyWith(100);
  const sent: string[] = [];
  const sdk = new OpenPixels({
    apiKey: key,
    baseUrl: gateway.url,
    maxRetries: 1,
    retryDelay: 10,
    ...options,
    fetch: (url: string, init: RequestInit) => {
      sent.push(`${init.method ?? 'GET'} ${url.slice(gateway.url.length)}`);
      return fetch(url, init);
    },
  });
  const balance = async () => (await findApiKey(gateway.server.keys, key))?.balance;
  return { sdk, sent, balance };
}

describe('run() holds its submit', () => {
  it('a job that finishes within the hold costs one request, charged once', async () => {
    const { sdk, sent, balance } = await recordedClient(quick);
    const result = await sdk.run(payload);
    expect(result).toMatchObject({ status: 'completed', data: { url: expect.any(String) } });
    expect(sent).toEqual(['POST /v2/submit?wait_ms=25000']);
    expect(await balance()).toBe(99);
  });

  it('a job that outlasts the hold falls back to the long poll', async () => {
    // requestTimeout 2 s: the hold is half of it, far shorter than the 20 s job, and the other
    // half is the margin a loaded machine needs before the held answer counts as timed out.
    const { sdk, sent } = await recordedClient(slow, { requestTimeout: 2_000 });
    const controller = new AbortController();
    const running = sdk.run(payload, { signal: controller.signal, cancelOnAbort: false });
    await expect.poll(() => sent.length, { timeout: 10_000 }).toBeGreaterThan(1);
    controller.abort();
    await expect(running).rejects.toSatisfy(isAbortError);
    expect(sent[0]).toBe('POST /v2/submit?wait_ms=1000');
    expect(sent[1]).toMatch(/^GET \/v2\/poll\/job_/);
  });

  it('with onProgress, submit answers at once with the update that names the job', async () => {
    const { sdk, sent } = await recordedClient(quick);
    const result = await sdk.run(payload, { onProgress: () => {} });
    expect(result.status).toBe('completed');
    expect(sent[0]).toBe('POST /v2/submit');
  });

  it('an abort mid-hold cancels the job: the replayed key names it, and it is refunded', async () => {
    const { sdk, sent, balance } = await recordedClient(slow);
    const controller = new AbortController();
    const running = sdk.run(payload, { signal: controller.signal });
    await expect.poll(balance, { timeout: 10_000 }).toBe(99); // the held submit was admitted
    controller.abort();
    await expect(running).rejects.toSatisfy(isAbortError);
    expect(sent.map((line) => line.replace(/job_\w+/, 'job_…'))).toEqual([
      'POST /v2/submit?wait_ms=25000',
      'POST /v2/submit',
      'POST /v2/cancel/job_…',
    ]);
    expect(await balance()).toBe(100);
  });
});
