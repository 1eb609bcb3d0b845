import { OpenPixels, type RetryEvent } from 'openpixels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractServer, startContractServer } from './contract-server.ts';

// A gateway that lets a key run one job at a time, each taking half a second: a second job
// meets RATE_LIMITED (HTTP 429 with Retry-After and retry_after_ms) until the first is done.

let gateway: ContractServer;

beforeAll(async () => {
  gateway = await startContractServer({ local: { delayMs: 500 }, maxActiveJobsPerKey: 1 });
});

afterAll(async () => {
  await gateway?.close();
});

const payload = { model: 'flux-schnell', prompt: 'a kite', width: 256, height: 256 } as const;

describe('RATE_LIMITED on submit', () => {
  it('is retried after the wait the gateway asked for, then the job runs', async () => {
    const retries: RetryEvent[] = [];
    const sdk = new OpenPixels({ apiKey: await gateway.keyWith(100), baseUrl: gateway.url, onRetry: (e) => retries.push(e) });
    const first = await sdk.submit(payload);
    expect(first.type).toBe('update');
    const second = await sdk.run(payload);
    expect(second.status).toBe('completed');
    expect(retries.length).toBeGreaterThan(0);
    const limited = retries[0]?.error;
    expect(limited?.code).toBe('RATE_LIMITED');
    if (limited?.code !== 'RATE_LIMITED') return;
    expect(retries[0]?.request).toBe('submit');
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(limited.params.retry_after_ms);
  });

  it('comes back in result.error when retries are off', async () => {
    const sdk = new OpenPixels({ apiKey: await gateway.keyWith(100), baseUrl: gateway.url, maxRetries: 0 });
    await sdk.submit(payload);
    const result = await sdk.run(payload);
    expect(result.error?.code).toBe('RATE_LIMITED');
    expect(result.error?.request_id).toEqual(expect.any(String));
  });
});
