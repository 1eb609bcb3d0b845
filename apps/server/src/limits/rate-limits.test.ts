import { OpenPixels, type RetryEvent } from 'openpixels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

// Two instances on one store (the same data dir, or the same PostgreSQL database), each key's
// limits counted in the store: a burst from several clients spread over both instances gets
// exactly the limit through. The servers' rate-limit clock is the real one plus an offset the
// test sets, so a burst starts early in its minute and never straddles two, however slow the
// machine (windows are the clock's minutes).

const MINUTE = 60_000;
let offset = 0;
const clock = () => Date.now() + offset;
/** Moves the rate-limit clock to `ms` into the current minute (or the next one, when it is past that already). */
function placeInMinute(ms: number): number {
  const now = clock();
  const start = now - (now % MINUTE);
  const target = now % MINUTE <= ms ? start + ms : start + MINUTE + ms;
  offset += target - now;
  return target - (target % MINUTE);
}

let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  const shared = { providers: [{ id: 'local', kind: 'local' as const }], clock, rateLimits: { imagesPerMinute: 5 } };
  a = await startTestServer({ ...shared, credits: 1_000 });
  b = await startTestServer({
    ...shared,
    dataDir: a.dataDir,
    ...(a.config.databaseUrl === null ? {} : { databaseUrl: a.config.databaseUrl }),
  });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const submit = (server: TestServer, key: string) =>
  fetch(`${server.url}/v2/submit`, {
    method: 'POST',
    headers: { authorization: `Key ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'flux-dev', prompt: 'a paper crane', width: 256, height: 256 }),
  });

describe('images per minute', () => {
  it('lets exactly the limit through a burst from four clients on two instances, and charges only those', async () => {
    const { key } = await a.createApiKey({ credits: 100, name: 'burst' });
    const windowStart = placeInMinute(1_000);
    const before = clock();
    // Four clients, two per instance, four submits each, all at once.
    const responses = await Promise.all(
      [a, a, b, b].flatMap((server) => Array.from({ length: 4 }, () => submit(server, key))),
    );
    const after = clock();
    const accepted = responses.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(5);
    const refused = responses.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(11);
    for (const response of refused) {
      const error = await expectErrorResponse(response, 'RATE_LIMITED', { secrets: [key] });
      // Until the next minute, when the count starts again; the header is its seconds, rounded up.
      const retryAfterMs = (error.params as { retry_after_ms: number }).retry_after_ms;
      expect(retryAfterMs).toBeGreaterThanOrEqual(windowStart + MINUTE - after);
      expect(retryAfterMs).toBeLessThanOrEqual(windowStart + MINUTE - before);
      expect(error.message).toMatch(/5 images a minute/);
    }
    // flux-dev costs 3: only the five accepted jobs were charged, and only they were stored.
    expect((await a.keyRecord(key))?.balance).toBe(100 - 5 * 3);
    const reserves = (await a.store.ledger.history((await a.keyRecord(key))?.id as string, 100)).filter(
      (e) => e.kind === 'reserve',
    );
    expect(reserves).toHaveLength(5);
  });

  it("is retried by the SDK after the wait the gateway asks for, and then the job runs", async () => {
    const { key } = await a.createApiKey({ credits: 100, name: 'sdk' });
    placeInMinute(1_000);
    for (let i = 0; i < 5; i++) expect((await submit(i % 2 ? a : b, key)).status).toBe(200);
    // Late in the same minute: the next one is about a second away.
    placeInMinute(MINUTE - 1_200);
    const retries: RetryEvent[] = [];
    const sdk = new OpenPixels({ apiKey: key, baseUrl: b.url, onRetry: (event) => retries.push(event) });
    const result = await sdk.run({ model: 'flux-dev', prompt: 'a paper crane', width: 256, height: 256 });
    expect(result.status).toBe('completed');
    const limited = retries.find((r) => r.error?.code === 'RATE_LIMITED');
    if (limited?.error?.code !== 'RATE_LIMITED') throw new Error(`no RATE_LIMITED retry in ${JSON.stringify(retries)}`);
    expect(limited.request).toBe('submit');
    const asked = limited.error.params.retry_after_ms;
    expect(asked).toBeLessThanOrEqual(1_200);
    expect(limited.delayMs).toBeGreaterThanOrEqual(asked);
  });

  it("follows a key's own limit over the server's: 0 is none, a number its own", async () => {
    const { key, id } = await a.createApiKey({ credits: 1_000, name: 'own' });
    await a.keys.setLimits(id, { requestsPerMinute: null, imagesPerMinute: 0 });
    placeInMinute(1_000);
    const unlimited = await Promise.all(Array.from({ length: 8 }, (_, i) => submit(i % 2 ? a : b, key)));
    expect(unlimited.map((r) => r.status)).toEqual(Array(8).fill(200));
    await a.keys.setLimits(id, { requestsPerMinute: null, imagesPerMinute: 10 });
    placeInMinute(1_000);
    const own = await Promise.all(Array.from({ length: 12 }, (_, i) => submit(i % 2 ? a : b, key)));
    expect(own.filter((r) => r.status === 200)).toHaveLength(10);
  });
});

describe('requests per minute', () => {
  it('counts every request of a key on every instance, and refuses the rest with RATE_LIMITED', async () => {
    const { key, id } = await a.createApiKey({ credits: 0, name: 'reader' });
    await a.keys.setLimits(id, { requestsPerMinute: 8, imagesPerMinute: null });
    placeInMinute(1_000);
    const balance = (server: TestServer) =>
      fetch(`${server.url}/v2/balance`, { headers: { authorization: `Key ${key}` } });
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => balance(i % 3 ? a : b)));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(8);
    for (const response of responses.filter((r) => r.status !== 200)) {
      const error = await expectErrorResponse(response, 'RATE_LIMITED');
      expect(error.message).toMatch(/8 requests a minute/);
    }
    // The next minute starts from 0.
    placeInMinute(MINUTE + 500);
    expect((await balance(b)).status).toBe(200);
    // Another key is not affected.
    expect((await a.call('/v2/balance')).status).toBe(200);
  });
});
