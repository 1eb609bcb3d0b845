import { isProviderError } from '@openpixels/errors';
import { startStandInProvider } from '@openpixels/server/testing';
import { isAbortError, isTimeoutError, OpenPixels } from 'openpixels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractServer, startContractServer } from './contract-server.ts';
import { envelopeSchemaErrors } from './validate-envelope.ts';

// The gateway in front of a stand-in provider speaking fal's queue protocol: the only provider
// configured, so its failures and hangs reach the client instead of being rescued by `local`.

type StandIn = Awaited<ReturnType<typeof startStandInProvider>>;
let provider: StandIn;
let gateway: ContractServer;
let sdk: OpenPixels;

beforeAll(async () => {
  provider = await startStandInProvider({ protocol: 'fal', mode: 'job-error' });
  gateway = await startContractServer({
    providers: [{ id: 'fal', kind: 'fal', url: provider.url, key: provider.key, models: ['flux-dev'], timeoutMs: 10_000 }],
  });
  sdk = new OpenPixels({ apiKey: await gateway.keyWith(1_000), baseUrl: gateway.url, maxRetries: 1 });
});

afterAll(async () => {
  // The provider first: its hung requests then fail at once, so the gateway need not wait
  // out its shutdown timeout for them.
  await provider?.close();
  await gateway?.close();
});

const payload = { model: 'flux-dev', prompt: 'a tin robot', config: { routing: { whitelist: ['fal'] } } } as const;

describe('a job-level provider failure', () => {
  it('arrives in result.error as a provider error, with the job id, never thrown', async () => {
    provider.setMode('job-error');
    const result = await sdk.run(payload);
    expect(result.status).toBe('failed');
    expect(result.id).toEqual(expect.any(String));
    expect(isProviderError(result.error)).toBe(true);
    expect(envelopeSchemaErrors(result.error)).toEqual([]);
    expect(provider.requests).toBeGreaterThan(0);
  });
});

describe('a job that does not finish', () => {
  it('throws TimeoutError when the call outlasts its timeout', async () => {
    provider.setMode('hang');
    const thrown = await sdk.run(payload, { timeout: 500 }).catch((error: unknown) => error);
    expect(isTimeoutError(thrown)).toBe(true);
  });

  it("throws the caller's AbortError once the signal aborts mid-poll", async () => {
    provider.setMode('hang');
    const controller = new AbortController();
    const seen: string[] = [];
    const thrown = await sdk
      .run(payload, {
        signal: controller.signal,
        onProgress: (update) => {
          seen.push(update.status);
          controller.abort();
        },
      })
      .catch((error: unknown) => error);
    expect(isAbortError(thrown)).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
  });
});
