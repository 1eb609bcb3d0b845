import { OpenPixels, type RetryEvent } from 'openpixels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractServer, startContractServer } from './contract-server.ts';

// A gateway whose local provider takes a second per image and whose long polls give up after
// 200 ms, so every run spans several polls: the SDK's reconnection is exercised on real sockets.

let gateway: ContractServer;
let key: string;

beforeAll(async () => {
  gateway = await startContractServer({ local: { delayMs: 1_000 }, pollWaitMs: 200 });
  key = await gateway.keyWith(1_000);
});

afterAll(async () => {
  await gateway?.close();
});

const payload = { model: 'flux-schnell', prompt: 'a paper boat', width: 256, height: 256 } as const;

// Counts the polls the SDK sends and can cut the first one off after it reached the gateway.
function watchedFetch(options: { dropFirstPoll?: boolean } = {}) {
  const counts = { polls: 0 };
  const fetcher = async (url: string, init: RequestInit) => {
    if (!url.includes('/v2/poll/')) return fetch(url, init);
    counts.polls++;
    if (!options.dropFirstPoll || counts.polls > 1) return fetch(url, init);
    const cut = new AbortController();
    setTimeout(() => cut.abort(), 30);
    try {
      return await fetch(url, { ...init, signal: cut.signal });
    } catch (cause) {
      throw new TypeError('fetch failed', { cause });
    }
  };
  return { counts, fetcher };
}

describe('the long poll against the real gateway', () => {
  it('follows the gateway through several expired long polls, reporting each update', async () => {
    const { counts, fetcher } = watchedFetch();
    const statuses: string[] = [];
    const sdk = new OpenPixels({ apiKey: key, baseUrl: gateway.url, fetch: fetcher });
    const result = await sdk.run(payload, { onProgress: (update) => statuses.push(update.status) });
    expect(result.status).toBe('completed');
    expect(counts.polls).toBeGreaterThan(1);
    expect(statuses.length).toBe(counts.polls);
  });

  it('sends a poll again when it outlives requestTimeout, without counting a failure', async () => {
    // Its own gateway, whose long polls outlast the client's requestTimeout by far, so that the
    // timeout can be generous enough for a submit on a loaded machine and still cut every poll.
    const holding = await startContractServer({ local: { delayMs: 2_000 }, pollWaitMs: 25_000 });
    try {
      const { counts, fetcher } = watchedFetch();
      const retries: RetryEvent[] = [];
      const sdk = new OpenPixels({
        apiKey: await holding.keyWith(10),
        baseUrl: holding.url,
        fetch: fetcher,
        requestTimeout: 500,
        maxRetries: 0,
        onRetry: (event) => retries.push(event),
      });
      const result = await sdk.run(payload);
      expect(result.status).toBe('completed');
      expect(counts.polls).toBeGreaterThan(2);
      expect(retries).toEqual([]);
    } finally {
      await holding.close();
    }
  });

  it('reconnects after the connection drops mid-poll', async () => {
    const { counts, fetcher } = watchedFetch({ dropFirstPoll: true });
    const retries: RetryEvent[] = [];
    const sdk = new OpenPixels({
      apiKey: key,
      baseUrl: gateway.url,
      fetch: fetcher,
      retryDelay: 10,
      onRetry: (event) => retries.push(event),
    });
    const result = await sdk.run(payload);
    expect(result.status).toBe('completed');
    expect(retries).toEqual([expect.objectContaining({ request: 'poll', attempt: 1, cause: expect.any(TypeError) })]);
    expect(counts.polls).toBeGreaterThan(1);
  });
});
