import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyRecord } from '../store/store.ts';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { realFalClient, thrownByFal } from '../testing/real-fal-client.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';

// fal's `PUT …/requests/{id}/cancel`, sent by the real client's `fal.queue.cancel`, is the same
// cancel as `/v2/cancel/:id`: the job ends cancelled, refunded exactly once, and the provider's
// own job is cancelled. The fal stand-in holds every job in progress until told otherwise.

let falStandIn: StandInProvider;
let server: TestServer;

beforeAll(async () => {
  falStandIn = await startStandInProvider({ protocol: 'fal' });
  falStandIn.hold(true);
  server = await startTestServer({
    credits: 1_000,
    providers: [
      { id: 'fal', kind: 'fal', url: falStandIn.url, key: falStandIn.key, timeoutMs: 30_000 },
      { id: 'local', kind: 'local' },
    ],
    breaker: { failureThreshold: 1_000 },
  });
});
afterAll(async () => {
  await server.close();
  await falStandIn.close();
});

const pinned = (provider: string) => ({ 'x-openpixels-routing': JSON.stringify({ whitelist: [provider] }) });
const keyRecord = async (key = server.key) => (await server.keyRecord(key)) as ApiKeyRecord;
const balance = async () => (await keyRecord()).balance;
const movesOf = async (id: string) =>
  (await server.store.ledger.history((await keyRecord()).id, 1_000))
    .filter((entry) => entry.jobId === id)
    .map((entry) => [entry.kind, entry.amount])
    .sort();

/** Waits until `done()` holds, checking every 10 ms for up to 3 s. */
async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

const upstreamCancels = () => falStandIn.calls.filter((call) => call.path.endsWith('/cancel'));

/** Submits a flux-dev request held at the fal stand-in, and waits until the provider has accepted it. */
async function submitHeld(fal: ReturnType<typeof realFalClient>): Promise<string> {
  const { request_id } = await fal.queue.submit('fal-ai/flux/dev', { input: { prompt: 'a kite' } });
  await until(async () => (await server.jobs.get(request_id))?.upstream != null, 'the provider accepted the job');
  return request_id;
}

describe.each(['prefix', 'proxy'] as const)('fal.queue.cancel, pointed here by %s', (via) => {
  it('cancels a running request: refunded once, cancelled upstream, COMPLETED with the error, result JOB_CANCELLED', async () => {
    const fal = realFalClient(server, { via, headers: pinned('fal') });
    const before = await balance();
    const requestId = await submitHeld(fal);
    expect(await balance()).toBe(before - 3);
    const cancelsBefore = upstreamCancels().length;

    await expect(fal.queue.cancel('fal-ai/flux/dev', { requestId })).resolves.toBeUndefined();
    expect(await balance()).toBe(before);
    expect(await movesOf(requestId)).toEqual([
      ['refund', 3],
      ['reserve', -3],
    ]);
    await until(() => upstreamCancels().length > cancelsBefore, "the provider's job was cancelled");
    expect(upstreamCancels().at(-1)?.method).toBe('PUT');

    const status = await fal.queue.status('fal-ai/flux/dev', { requestId });
    expect(status).toMatchObject({ status: 'COMPLETED', request_id: requestId, error_type: 'JOB_CANCELLED' });
    const error = await thrownByFal(fal.queue.result('fal-ai/flux/dev', { requestId }));
    expect(error.status).toBe(409);
    expect(expectErrorEnvelope(error.body, 'JOB_CANCELLED').params).toEqual({ id: requestId, refunded: 3 });
    expect(await waitForResult(server, requestId)).toMatchObject({ status: 'cancelled' });

    // A second cancel changes nothing: fal's ALREADY_COMPLETED beside the envelope, nothing refunded twice.
    const again = await thrownByFal(fal.queue.cancel('fal-ai/flux/dev', { requestId }));
    expect(again.status).toBe(409);
    const { status: falStatus, ...envelope } = again.body;
    expect(falStatus).toBe('ALREADY_COMPLETED');
    expect(expectErrorEnvelope(envelope, 'JOB_ALREADY_FINISHED').params).toEqual({
      id: requestId,
      status: 'cancelled',
    });
    expect(await movesOf(requestId)).toHaveLength(2);
  });
});

describe('fal cancel answers', () => {
  it("is fal's 202 CANCELLATION_REQUESTED on the wire", async () => {
    const fal = realFalClient(server, { headers: pinned('fal') });
    const requestId = await submitHeld(fal);
    const response = await server.call(`/fal/queue/fal-ai/flux/requests/${requestId}/cancel`, { method: 'PUT' });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-fal-request-id')).toBe(requestId);
    expect(await response.json()).toEqual({ status: 'CANCELLATION_REQUESTED', request_id: requestId });
  });

  it('leaves a completed request completed and charged: 409 ALREADY_COMPLETED', async () => {
    const fal = realFalClient(server, { headers: pinned('local') });
    const before = await balance();
    const { requestId } = await fal.subscribe('fal-ai/flux/schnell', { input: { prompt: 'done' }, pollInterval: 20 });
    const error = await thrownByFal(fal.queue.cancel('fal-ai/flux/schnell', { requestId }));
    expect(error.status).toBe(409);
    const { status, ...envelope } = error.body;
    expect(status).toBe('ALREADY_COMPLETED');
    expect(expectErrorEnvelope(envelope, 'JOB_ALREADY_FINISHED').params).toEqual({
      id: requestId,
      status: 'completed',
    });
    expect((await server.jobs.get(requestId))?.status).toBe('completed');
    expect(await balance()).toBe(before - 1);
  });

  it("answers a missing request, another key's and another app's alike: 404 NOT_FOUND, the job left running", async () => {
    const fal = realFalClient(server, { headers: pinned('fal') });
    const requestId = await submitHeld(fal);
    const { key: stranger } = await server.createApiKey({ credits: 10 });
    const answers = await Promise.all([
      thrownByFal(realFalClient(server, { key: stranger }).queue.cancel('fal-ai/flux/dev', { requestId })),
      thrownByFal(fal.queue.cancel('fal-ai/flux-pro/v1.1', { requestId })),
      thrownByFal(fal.queue.cancel('fal-ai/flux/dev', { requestId: `job_${'0'.repeat(32)}` })),
    ]);
    for (const error of answers) {
      expect(error.status).toBe(404);
      const { status, ...envelope } = error.body;
      expect(status).toBe('NOT_FOUND');
      expectErrorEnvelope(envelope, 'JOB_NOT_FOUND');
    }
    expect((await server.jobs.get(requestId))?.status).toBe('processing');
    await fal.queue.cancel('fal-ai/flux/dev', { requestId });
  });

  it('refunds once when many cancels of one request race', async () => {
    const fal = realFalClient(server, { headers: pinned('fal') });
    const requestId = await submitHeld(fal);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => fal.queue.cancel('fal-ai/flux/dev', { requestId })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { status: number }] : []));
    expect(refused.map((e) => e.status)).toEqual(Array(11).fill(409));
    expect(await movesOf(requestId)).toEqual([
      ['refund', 3],
      ['reserve', -3],
    ]);
  });

  it('only PUT cancels', async () => {
    const response = await server.call(`/fal/queue/fal-ai/flux/requests/job_x/cancel`, { method: 'POST', json: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('PUT');
  });
});
