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

describe("a hold learned from the model's latest jobs", () => {
  // Each job takes the ms its prompt names ("takes 400"), or never finishes ("never").
  const timed: ProviderAdapter = {
    id: 'timed',
    models: ['flux-schnell', 'flux-dev', 'flux-pro-1.1'],
    generate: async (request, signal) => {
      const { jobId, prompt } = request;
      if (prompt === 'never') return never.generate(request, signal);
      await new Promise((resolve) => setTimeout(resolve, Number(prompt.replace('takes ', ''))));
      return { url: `https://images.example/${jobId}.png` };
    },
  };
  const submitTaking = async (s: TestServer, prompt: string, model = 'flux-dev', init: RequestInit = {}) => {
    const response = await s.call('/v2/submit', { ...init, json: { ...payload, model, prompt } });
    expect(response.status).toBe(200);
    return (await response.json()) as { id: string; type: string };
  };
  /** Ten jobs of `ms` each, side by side, each finished before this returns: what the hold learns from. */
  const teach = async (s: TestServer, ms: number, model = 'flux-dev') => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => submitTaking(s, `takes ${ms}`, model)));
    // Too few finishes yet to learn from: each answered at the brief default, before its job ended.
    expect(answers.map((a) => a.type)).toEqual(Array(10).fill('update'));
    for (const { id } of answers) await waitForResult(s, id);
  };

  it("holds a submit past OPENPIXELS_SUBMIT_WAIT_MS once the model's jobs have been finishing within the maximum, and answers its result", async () => {
    server = await startTestServer({ adapters: [timed], submitWaitMs: 5, submitHoldMaxMs: 2_000, shutdownTimeoutMs: 0 });
    await teach(server, 400);
    // The learned hold is about 500 ms: a 40 ms job is answered as its result, no poll needed.
    const answer = await submitTaking(server, 'takes 40');
    expect(answer).toMatchObject({ type: 'result', status: 'completed' });
    // Another model has learned nothing: the brief default.
    expect((await submitTaking(server, 'takes 40', 'flux-schnell')).type).toBe('update');
    // A job slower than the hold is answered with its state when the hold ends, and runs on.
    const slow = await submitTaking(server, 'never');
    expect(slow).toMatchObject({ type: 'update', status: 'processing' });
    expect(server.runner.isRunning(slow.id)).toBe(true);
  });

  it('does not hold for a model whose jobs take longer than the maximum', async () => {
    server = await startTestServer({ adapters: [timed], submitWaitMs: 5, submitHoldMaxMs: 300 });
    await teach(server, 400);
    expect((await submitTaking(server, 'takes 40')).type).toBe('update');
  });

  it('never holds with OPENPIXELS_SUBMIT_WAIT_MS=0, whatever it saw', async () => {
    server = await startTestServer({ adapters: [timed], submitWaitMs: 0, submitHoldMaxMs: 2_000 });
    await teach(server, 0);
    expect((await submitTaking(server, 'takes 0')).type).toBe('update');
  });

  it('stops waiting when the client leaves a learned hold', async () => {
    server = await startTestServer({
      adapters: [timed],
      submitWaitMs: 5,
      submitHoldMaxMs: 2_000,
      shutdownTimeoutMs: 0,
    });
    await teach(server, 400);
    const leave = new AbortController();
    const held = submitTaking(server, 'never', 'flux-dev', { signal: leave.signal });
    for (let i = 0; i < 100 && server.events.waiting === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(server.events.waiting).toBe(1);
    leave.abort();
    await expect(held).rejects.toThrow();
    for (let i = 0; i < 100 && server.events.waiting > 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(server.events.waiting).toBe(0);
  });
});
