import { isAbortError, OpenPixels } from 'openpixels';
import { findApiKey } from '../src/keys/find-api-key.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractServer, startContractServer } from './contract-server.ts';
import { envelopeSchemaErrors } from './validate-envelope.ts';

// Cancelling through the SDK as published, against the real gateway whose `local` provider
// takes long enough that a job is still running when the caller gives up.

let gateway: ContractServer;

beforeAll(async () => {
  gateway = await startContractServer({ local: { delayMs: 20_000 }, shutdownTimeoutMs: 0 });
});
afterAll(async () => {
  await gateway?.close();
});

const payload = { model: 'flux-schnell', prompt: 'a paper boat', width: 256, height: 256 } as const;
const balanceOf = async (key: string) => (await findApiKey(gateway.server.keys, key))?.balance;

async function fundedClient(credits = 100) {
  const key = await gateway.keyWith(credits);
  return { key, sdk: new OpenPixels({ apiKey: key, baseUrl: gateway.url, maxRetries: 1, retryDelay: 10 }) };
}

describe('run() with a signal', () => {
  it('cancels the job on abort: refunded, and its poll says cancelled', async () => {
    const { key, sdk } = await fundedClient();
    const controller = new AbortController();
    let id = '';
    const thrown = await sdk
      .run(payload, {
        signal: controller.signal,
        onProgress: (update) => {
          id = update.id;
          controller.abort();
        },
      })
      .catch((error: unknown) => error);
    expect(isAbortError(thrown)).toBe(true);
    expect(await balanceOf(key)).toBe(100);
    const result = await sdk.poll(id);
    expect(result.status).toBe('cancelled');
    expect(result.error?.code).toBe('JOB_CANCELLED');
    expect(envelopeSchemaErrors(result.error)).toEqual([]);
  });

  it('with cancelOnAbort: false only stops waiting; cancel(id) then stops the job', async () => {
    const { key, sdk } = await fundedClient();
    const controller = new AbortController();
    let id = '';
    await sdk
      .run(payload, {
        signal: controller.signal,
        cancelOnAbort: false,
        onProgress: (update) => {
          id = update.id;
          controller.abort();
        },
      })
      .catch(() => {});
    expect((await gateway.server.jobs.get(id))?.status).toBe('processing');
    expect(await balanceOf(key)).toBeLessThan(100);

    const cancelled = await sdk.cancel(id);
    expect(cancelled).toMatchObject({ id, status: 'cancelled', error: { code: 'JOB_CANCELLED' } });
    expect(await balanceOf(key)).toBe(100);

    const again = await sdk.cancel(id);
    expect(again).toMatchObject({ id, status: 'cancelled', error: { code: 'JOB_ALREADY_FINISHED' } });
    expect(await balanceOf(key)).toBe(100);
  });
});

describe('cancel(id)', () => {
  it("answers another key's job as not found and leaves it alone", async () => {
    const owner = await fundedClient();
    const stranger = await fundedClient();
    const submitted = await owner.sdk.submit(payload);
    const refused = await stranger.sdk.cancel(submitted.id as string);
    expect(refused).toMatchObject({ id: submitted.id, status: 'failed', error: { code: 'JOB_NOT_FOUND' } });
    expect((await gateway.server.jobs.get(submitted.id as string))?.status).toBe('processing');
    expect((await owner.sdk.cancel(submitted.id as string)).status).toBe('cancelled');
  });

  it('leaves a finished job as it was and says how it finished', async () => {
    const quick = await startContractServer();
    try {
      const key = await quick.keyWith(100);
      const sdk = new OpenPixels({ apiKey: key, baseUrl: quick.url });
      const done = await sdk.run(payload);
      expect(done.status).toBe('completed');
      const charged = (await findApiKey(quick.server.keys, key))?.balance;
      const refused = await sdk.cancel(done.id as string);
      expect(refused).toMatchObject({ id: done.id, status: 'completed', error: { code: 'JOB_ALREADY_FINISHED' } });
      expect(envelopeSchemaErrors(refused.error)).toEqual([]);
      expect((await findApiKey(quick.server.keys, key))?.balance).toBe(charged);
    } finally {
      await quick.close();
    }
  });
});
