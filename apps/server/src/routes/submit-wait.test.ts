import { createError } from '@openpixels/errors';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../providers/provider-adapter.ts';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';

// POST /v2/submit may hold its answer briefly (submitWaitMs) and answer with the finished
// job. These adapters finish without any I/O, or never: the outcome does not depend on timing.
const instant: ProviderAdapter = {
  id: 'instant',
  models: ['flux-schnell', 'flux-dev', 'flux-pro-1.1'],
  generate: async ({ jobId }) => ({ url: `https://images.example/${jobId}.png` }),
};
const failing: ProviderAdapter = {
  id: 'failing',
  models: ['flux-schnell', 'flux-dev', 'flux-pro-1.1'],
  generate: async () => {
    throw createError('PROVIDER_ERROR', { provider: 'failing' }, { message: 'Provider failing broke.' });
  },
};
const never: ProviderAdapter = {
  id: 'never',
  models: ['flux-schnell', 'flux-dev', 'flux-pro-1.1'],
  generate: (_request, signal) =>
    new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
};

const payload = { model: 'flux-dev', prompt: 'a heron', width: 256, height: 256 };
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const submit = async (s: TestServer, headers: Record<string, string> = {}) => {
  const response = await s.call('/v2/submit', { json: payload, headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown> & { id: string; type: string };
};

describe('submit holding its answer for a fast job', () => {
  it('answers with the result when the job finishes within the wait, charged once, the same as poll says', async () => {
    server = await startTestServer({ adapters: [instant], submitWaitMs: 1_000, credits: 10 });
    const answer = await submit(server);
    expect(answer).toMatchObject({
      type: 'result',
      status: 'completed',
      id: expect.stringMatching(/^job_[0-9a-f]{32}$/),
      data: { url: `https://images.example/${answer.id}.png` },
      meta: { provider: 'instant', model: 'flux-dev', attempts: 1 },
    });
    expect(await waitForResult(server, answer.id)).toEqual(answer);
    expect((await server.keys.get((await server.jobs.get(answer.id))?.keyId ?? ''))?.balance).toBe(7);
  });

  it('answers with the failure (an envelope) when the job fails within the wait, and refunds it', async () => {
    server = await startTestServer({ adapters: [failing], submitWaitMs: 1_000, credits: 10 });
    const answer = await submit(server);
    expect(answer).toMatchObject({ type: 'result', status: 'failed' });
    expectErrorEnvelope(answer.error, 'NO_PROVIDERS_WORKING');
    expect((await server.keys.get((await server.jobs.get(answer.id))?.keyId ?? ''))?.balance).toBe(10);
  });

  it('answers with the state once the wait is over, and the job runs on', async () => {
    server = await startTestServer({ adapters: [never], submitWaitMs: 20, shutdownTimeoutMs: 0 });
    const answer = await submit(server);
    expect(answer).toMatchObject({ type: 'update', status: expect.stringMatching(/^(queued|processing)$/) });
    expect(server.runner.isRunning(answer.id)).toBe(true);
  });

  it('with submitWaitMs 0 answers at once with the state, even for an instant provider', async () => {
    server = await startTestServer({ adapters: [instant], submitWaitMs: 0 });
    const answer = await submit(server);
    expect(answer.type).toBe('update');
    expect((await waitForResult(server, answer.id)).status).toBe('completed');
  });

  it('an Idempotency-Key replay of a finished job answers with its result and charges nothing more', async () => {
    server = await startTestServer({ adapters: [instant], submitWaitMs: 1_000, credits: 10 });
    const first = await submit(server, { 'idempotency-key': 'order-7' });
    const again = await submit(server, { 'idempotency-key': 'order-7' });
    expect(again).toEqual(first);
    expect((await server.keys.get((await server.jobs.get(first.id))?.keyId ?? ''))?.balance).toBe(7);
  });

  it('with ?wait_ms holds until the job finishes, past the server default, and answers its result', async () => {
    const slow: ProviderAdapter = {
      id: 'slow',
      models: ['flux-schnell', 'flux-dev', 'flux-pro-1.1'],
      generate: async ({ jobId }) => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { url: `https://images.example/${jobId}.png` };
      },
    };
    server = await startTestServer({ adapters: [slow], submitWaitMs: 0, credits: 10 });
    const response = await server.call('/v2/submit?wait_ms=20000', { json: payload });
    const answer = (await response.json()) as { id: string };
    expect(answer).toMatchObject({
      type: 'result',
      status: 'completed',
      data: { url: `https://images.example/${answer.id}.png` },
    });
  });

  it('caps ?wait_ms at the poll wait, then answers with the state', async () => {
    server = await startTestServer({ adapters: [never], submitWaitMs: 0, pollWaitMs: 50, shutdownTimeoutMs: 0 });
    const response = await server.call('/v2/submit?wait_ms=85000', { json: payload });
    expect(await response.json()).toMatchObject({ type: 'update', status: 'processing' });
  });

  it('refuses a ?wait_ms that is not a whole number of ms from 0 to 85000, charging nothing', async () => {
    server = await startTestServer({ adapters: [instant], credits: 10 });
    for (const wait of ['-1', '85001', 'soon']) {
      const response = await server.call(`/v2/submit?wait_ms=${wait}`, { json: payload });
      expect(response.status).toBe(400);
      expectErrorEnvelope(await response.json(), 'INVALID_ARGUMENTS');
    }
    const key = (await server.keys.list())[0];
    expect(key?.balance).toBe(10);
  });
});
