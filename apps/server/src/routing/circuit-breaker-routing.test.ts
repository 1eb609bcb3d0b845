import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';

// The breaker as users see it: a failing provider stops getting traffic after the
// threshold, GET /v2/providers says so, and after the cooldown one probe brings it back.

const COOLDOWN_MS = 30_000;
// The breakers' clock: it moves only when the test moves it, so "open" holds however long a
// loaded machine takes to look, and the cooldown lapses exactly when the test says.
let clock = Date.now();
let flaky: StandInProvider;
let server: TestServer;

beforeAll(async () => {
  flaky = await startStandInProvider({ protocol: 'fal', mode: 'http-500' });
  server = await startTestServer({
    providers: [
      { id: 'flaky', kind: 'fal', url: flaky.url, key: flaky.key },
      { id: 'local', kind: 'local' },
    ],
    breaker: { failureThreshold: 2, cooldownMs: COOLDOWN_MS, now: () => clock },
  });
});
afterAll(async () => {
  await server.close();
  await flaky.close();
});

type ProviderView = {
  id: string;
  circuit: { state: string; consecutive_failures: number; retry_at: string | null };
  stats: Record<string, { failures: number; successes: number }>;
};
const providers = async () =>
  ((await (await server.call('/v2/providers', { auth: false })).json()) as { providers: ProviderView[] }).providers;
const circuitOf = async (id: string) => (await providers()).find((p) => p.id === id)?.circuit;

async function runJob() {
  const response = await server.call('/v2/submit', {
    json: {
      model: 'flux-schnell',
      prompt: 'breaker',
      width: 256,
      height: 256,
      config: { routing: { ordering: ['flaky'] } },
    },
  });
  return waitForResult(server, ((await response.json()) as { id: string }).id);
}

describe('the circuit breaker', () => {
  it('opens after repeated failures; jobs then skip the provider without calling it', async () => {
    expect(await circuitOf('flaky')).toMatchObject({ state: 'closed', consecutive_failures: 0 });
    for (let i = 0; i < 2; i++)
      expect(await runJob()).toMatchObject({ status: 'completed', meta: { provider: 'local' } });
    const open = await circuitOf('flaky');
    expect(open).toMatchObject({ state: 'open', consecutive_failures: 2, retry_at: expect.any(String) });

    const calls = flaky.requests;
    const skipped = await runJob();
    expect(skipped).toMatchObject({ status: 'completed', meta: { provider: 'local', attempts: 1 } });
    expect(flaky.requests).toBe(calls);
    const view = (await providers()).find((p) => p.id === 'flaky');
    expect(view?.stats['flux-schnell']).toMatchObject({ failures: 2, successes: 0 });
  });

  it('after the cooldown a probe goes through; when it succeeds the circuit closes', async () => {
    flaky.setMode('ok');
    expect(await circuitOf('flaky')).toMatchObject({ state: 'open' });
    clock += COOLDOWN_MS - 1;
    expect(await circuitOf('flaky')).toMatchObject({ state: 'open' });
    clock += 1;
    expect(await circuitOf('flaky')).toMatchObject({ state: 'half_open' });
    const probe = await runJob();
    expect(probe).toMatchObject({ status: 'completed', meta: { provider: 'flaky' } });
    expect(await circuitOf('flaky')).toMatchObject({ state: 'closed', consecutive_failures: 0 });
  });

  it('a job pinned to an open circuit is refused at submit with MODEL_UNAVAILABLE, and nothing is charged', async () => {
    flaky.setMode('http-500');
    for (let i = 0; i < 2; i++) await runJob();
    expect(await circuitOf('flaky')).toMatchObject({ state: 'open' });
    const before = (await server.keyRecord())?.balance;
    const calls = flaky.requests;
    const response = await server.call('/v2/submit', {
      json: { model: 'flux-dev', prompt: 'pinned', config: { routing: { whitelist: ['flaky'] } } },
    });
    const error = await expectErrorResponse(response, 'MODEL_UNAVAILABLE');
    // The wait is until the circuit half-opens (expectErrorResponse checked Retry-After agrees).
    expect(error.params).toEqual({ model: 'flux-dev', retry_after_ms: expect.any(Number) });
    expect(flaky.requests).toBe(calls);
    expect((await server.keyRecord())?.balance).toBe(before);
  });
});
