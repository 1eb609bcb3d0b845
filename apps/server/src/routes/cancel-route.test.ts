import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';
import type { ApiKeyRecord } from '../store/store.ts';

// Cancelling through the real route, against stand-ins of both provider protocols that never
// finish on their own: the job must end cancelled, refunded exactly once, and the provider
// must be told to cancel its own job.

let fal: StandInProvider;
let replicate: StandInProvider;
let server: TestServer;

beforeAll(async () => {
  fal = await startStandInProvider({ protocol: 'fal' });
  replicate = await startStandInProvider({ protocol: 'replicate' });
  fal.hold(true);
  replicate.hold(true);
  server = await startTestServer({
    credits: 1_000,
    providers: [
      { id: 'fal', kind: 'fal', url: fal.url, key: fal.key, timeoutMs: 30_000 },
      { id: 'replicate', kind: 'replicate', url: replicate.url, key: replicate.key, timeoutMs: 30_000 },
      { id: 'local', kind: 'local' },
    ],
    breaker: { failureThreshold: 1_000 },
  });
});
afterAll(async () => {
  await server.close();
  await Promise.all([fal.close(), replicate.close()]);
});

const keyRecord = async (key = server.key) => (await server.keyRecord(key)) as ApiKeyRecord;

async function submit(provider: string, key = server.key): Promise<string> {
  const response = await server.call('/v2/submit', {
    headers: { authorization: `Key ${key}` },
    json: { model: 'flux-dev', prompt: 'a kite', width: 512, height: 512, config: { routing: { whitelist: [provider] } } },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

const cancel = (id: string, key = server.key) =>
  server.call(`/v2/cancel/${id}`, { method: 'POST', headers: { authorization: `Key ${key}` } });

/** Waits until the stand-in has received at least `count` requests whose path matches. */
async function untilCalled(standIn: StandInProvider, pattern: RegExp, count = 1): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (standIn.calls.filter((c) => pattern.test(c.path)).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the stand-in never received ${pattern}`);
}

describe.each([
  ['fal', () => fal, /\/requests\/[^/]+\/cancel$/, 'PUT'],
  ['replicate', () => replicate, /\/v1\/predictions\/[^/]+\/cancel$/, 'POST'],
] as const)('cancelling a job running at %s', (provider, standIn, cancelPath, cancelMethod) => {
  it('ends it cancelled, refunds it once and cancels it upstream', async () => {
    const before = (await keyRecord()).balance;
    const id = await submit(provider);
    // Polled at least once: the provider has the job, and its id to cancel it by.
    await untilCalled(standIn(), provider === 'fal' ? /\/status$/ : /\/v1\/predictions\/[^/]+$/);
    expect((await keyRecord()).balance).toBe(before - 3);

    const response = await cancel(id);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ type: 'result', id, status: 'cancelled' });
    const error = expectErrorEnvelope(body.error, 'JOB_CANCELLED');
    expect(error.params).toEqual({ id, refunded: 3 });
    expect((await keyRecord()).balance).toBe(before);

    await untilCalled(standIn(), cancelPath);
    expect(standIn().calls.find((c) => cancelPath.test(c.path))?.method).toBe(cancelMethod);

    // The poll sees the same end; a second cancel changes nothing and says why.
    expect(await waitForResult(server, id)).toMatchObject({ status: 'cancelled', error: { code: 'JOB_CANCELLED' } });
    const again = await expectErrorResponse(await cancel(id), 'JOB_ALREADY_FINISHED');
    expect(again.params).toEqual({ id, status: 'cancelled' });
    expect((await keyRecord()).balance).toBe(before);
    const moves = (await server.store.ledger.history((await keyRecord()).id, 1_000)).filter((entry) => entry.jobId === id);
    expect(moves.map((entry) => [entry.kind, entry.amount]).sort()).toEqual([
      ['refund', 3],
      ['reserve', -3],
    ]);
  });
});

describe('cancel', () => {
  it('leaves a finished job as it was, charged, and says how it finished', async () => {
    const before = (await keyRecord()).balance;
    const id = await submit('local');
    expect(await waitForResult(server, id)).toMatchObject({ status: 'completed' });
    const refused = await expectErrorResponse(await cancel(id), 'JOB_ALREADY_FINISHED');
    expect(refused.params).toEqual({ id, status: 'completed' });
    expect((await server.jobs.get(id))?.status).toBe('completed');
    expect((await keyRecord()).balance).toBe(before - 3);
  });

  it("answers another key's job exactly like a missing one, and leaves it running", async () => {
    const id = await submit('fal');
    const { key: stranger } = await server.createApiKey({ credits: 10 });
    const theirs = await expectErrorResponse(await cancel(id, stranger), 'JOB_NOT_FOUND');
    const missing = `job_${'0'.repeat(32)}`;
    const nobodys = await expectErrorResponse(await cancel(missing, stranger), 'JOB_NOT_FOUND');
    expect(theirs.params).toEqual({ id });
    expect(theirs.message).toBe(nobodys.message.replace(missing, id));
    expect((await server.jobs.get(id))?.status).toBe('processing');
    expect((await cancel(id)).status).toBe(200);
  });

  it('refunds once when many cancels of one job arrive together', async () => {
    const before = (await keyRecord()).balance;
    const id = await submit('fal');
    const answers = await Promise.all(Array.from({ length: 20 }, () => cancel(id)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect((await keyRecord()).balance).toBe(before);
    const refunds = (await server.store.ledger.history((await keyRecord()).id, 1_000)).filter((e) => e.jobId === id && e.kind === 'refund');
    expect(refunds).toHaveLength(1);
  });

  it('needs a key', async () => {
    await expectErrorResponse(await server.call(`/v2/cancel/job_x`, { method: 'POST', auth: false }), 'MISSING_API_KEY');
  });
});
