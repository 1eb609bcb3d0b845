import type { CompletedQueueStatus, QueueStatus } from '@fal-ai/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { realFalClient } from '../testing/real-fal-client.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

// fal's `…/requests/{id}/status/stream`, read by the real client's `streamStatus` and by
// `subscribe({ mode: 'streaming' })`: server-sent events until the request is COMPLETED, then
// the stream ends. A client that goes away leaves no waiter (and so no timer) behind. The fal
// stand-in holds its jobs in progress until released; the keep-alive comes every second here (its least).

const KEEP_ALIVE_MS = 1_000;
let falStandIn: StandInProvider;
let server: TestServer;

beforeAll(async () => {
  falStandIn = await startStandInProvider({ protocol: 'fal' });
  server = await startTestServer({
    credits: 1_000,
    pollWaitMs: KEEP_ALIVE_MS,
    providers: [
      { id: 'fal', kind: 'fal', url: falStandIn.url, key: falStandIn.key, timeoutMs: 30_000 },
      { id: 'local', kind: 'local' },
    ],
    breaker: { failureThreshold: 1_000 },
  });
});
beforeEach(() => falStandIn.hold(true));
afterAll(async () => {
  await server.close();
  await falStandIn.close();
});

const pinned = (provider: string) => ({ 'x-openpixels-routing': JSON.stringify({ whitelist: [provider] }) });

/** Waits until `done()` holds, checking every 10 ms for up to 3 s. */
async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

/** Submits a flux-dev request held at the fal stand-in, and waits until the provider has accepted it. */
async function submitHeld(fal: ReturnType<typeof realFalClient>): Promise<string> {
  const { request_id } = await fal.queue.submit('fal-ai/flux/dev', { input: { prompt: 'a comet' } });
  await until(async () => (await server.jobs.get(request_id))?.upstream != null, 'the provider accepted the job');
  return request_id;
}

describe.each(['prefix', 'proxy'] as const)("subscribe({ mode: 'streaming' }), pointed here by %s", (via) => {
  it('streams IN_PROGRESS, then COMPLETED when the provider finishes, then fetches the result', async () => {
    const fal = realFalClient(server, { via, headers: pinned('fal') });
    const updates: QueueStatus[] = [];
    const subscribed = fal.subscribe('fal-ai/flux/dev', {
      input: { prompt: 'a comet', image_size: { width: 384, height: 256 } },
      mode: 'streaming',
      logs: true,
      onQueueUpdate: (update) => updates.push(update),
    });
    await until(() => updates.length > 0, 'a first event');
    expect(updates[0]).toMatchObject({ status: 'IN_PROGRESS' });
    falStandIn.hold(false);
    const { data, requestId } = await subscribed;
    const last = updates.at(-1) as CompletedQueueStatus;
    expect(last).toMatchObject({ status: 'COMPLETED', request_id: requestId });
    expect(last.logs.at(-1)?.message).toMatch(/^fal: done/);
    expect(updates.map((u) => u.status).filter((s) => s === 'COMPLETED')).toHaveLength(1);
    expect((data as { images: { width: number; height: number }[] }).images[0]).toMatchObject({
      width: 384,
      height: 256,
    });
    await until(() => server.events.waiting === 0, 'no waiter left');
  });
});

describe('fal.queue.streamStatus', () => {
  it('leaves no waiter or timer behind when the client goes away mid-stream, and the job runs on', async () => {
    const fal = realFalClient(server, { headers: pinned('fal') });
    const requestId = await submitHeld(fal);
    expect(server.events.waiting).toBe(0);
    const stream = await fal.queue.streamStatus('fal-ai/flux/dev', { requestId });
    const seen: string[] = [];
    stream.on('data', (event: QueueStatus) => seen.push(event.status));
    await until(() => seen.length > 0, 'a first event');
    expect(server.events.waiting).toBe(1);
    stream.abort();
    await until(() => server.events.waiting === 0, 'the waiter of the gone client removed');
    // It stays gone: no loop of the stream wakes up again.
    await new Promise((resolve) => setTimeout(resolve, KEEP_ALIVE_MS * 1.5));
    expect(server.events.waiting).toBe(0);
    expect(seen).toEqual(['IN_PROGRESS']);
    expect((await server.jobs.get(requestId))?.status).toBe('processing');
    await fal.queue.cancel('fal-ai/flux/dev', { requestId });
  });

  it('ends with COMPLETED and the error when the request is cancelled meanwhile', async () => {
    const fal = realFalClient(server, { headers: pinned('fal') });
    const requestId = await submitHeld(fal);
    const stream = await fal.queue.streamStatus('fal-ai/flux/dev', { requestId });
    const seen: QueueStatus[] = [];
    stream.on('data', (event: QueueStatus) => seen.push(event));
    await until(() => seen.length > 0, 'a first event');
    await fal.queue.cancel('fal-ai/flux/dev', { requestId });
    const done = (await stream.done()) as QueueStatus & { error?: string; error_type?: string };
    expect(done).toMatchObject({ status: 'COMPLETED', error_type: 'JOB_CANCELLED' });
    expect(seen.map((event) => event.status)).toEqual(['IN_PROGRESS', 'COMPLETED']);
    expect(server.events.waiting).toBe(0);
  });

  it('answers a finished request with one COMPLETED event and ends', async () => {
    const fal = realFalClient(server, { headers: pinned('local') });
    const { requestId } = await fal.subscribe('fal-ai/flux/schnell', {
      input: { prompt: 'done', image_size: 'square' },
      pollInterval: 20,
    });
    const stream = await fal.queue.streamStatus('fal-ai/flux/schnell', { requestId });
    const seen: string[] = [];
    stream.on('data', (event: QueueStatus) => seen.push(event.status));
    expect(await stream.done()).toMatchObject({ status: 'COMPLETED', request_id: requestId });
    expect(seen).toEqual(['COMPLETED']);
  });

  it('rejects an unknown request with the JOB_NOT_FOUND envelope as ApiError.body', async () => {
    const fal = realFalClient(server);
    const stream = await fal.queue.streamStatus('fal-ai/flux/dev', { requestId: `job_${'0'.repeat(32)}` });
    const error = (await stream.done().then(
      () => undefined,
      (thrown: unknown) => thrown,
    )) as { status: number; body: Record<string, unknown> } | undefined;
    expect(error?.status).toBe(404);
    const { status, ...envelope } = error?.body ?? {};
    expect(status).toBe('NOT_FOUND');
    expectErrorEnvelope(envelope, 'JOB_NOT_FOUND');
  });
});

describe('the stream on the wire', () => {
  it('is text/event-stream: a data line per change, a comment while nothing changes', async () => {
    const fal = realFalClient(server, { headers: pinned('fal') });
    const requestId = await submitHeld(fal);
    const reading = new AbortController();
    const response = await server.call(`/fal/queue/fal-ai/flux/requests/${requestId}/status/stream`, {
      headers: { accept: 'text/event-stream' },
      signal: reading.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-fal-request-id')).toBe(requestId);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': waiting\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const [first] = text.split('\n\n');
    expect(first?.startsWith('data: ')).toBe(true);
    expect(JSON.parse((first as string).slice('data: '.length))).toMatchObject({
      status: 'IN_PROGRESS',
      request_id: requestId,
    });
    expect(text).toContain(': waiting\n\n');
    reading.abort();
    await until(() => server.events.waiting === 0, 'the waiter of the gone reader removed');
    await fal.queue.cancel('fal-ai/flux/dev', { requestId });
  });
});

describe('a stream open while the server shuts down', () => {
  it('ends with the last status it had, and does not hold the shutdown', async () => {
    const own = await startTestServer({
      credits: 100,
      pollWaitMs: KEEP_ALIVE_MS,
      providers: [{ id: 'fal', kind: 'fal', url: falStandIn.url, key: falStandIn.key, timeoutMs: 30_000 }],
    });
    const fal = realFalClient(own);
    const { request_id: requestId } = await fal.queue.submit('fal-ai/flux/dev', { input: { prompt: 'late' } });
    const stream = await fal.queue.streamStatus('fal-ai/flux/dev', { requestId });
    const seen: string[] = [];
    stream.on('data', (event: QueueStatus) => seen.push(event.status));
    await until(() => seen.length > 0, 'a first event');
    await own.close();
    expect(await stream.done()).toMatchObject({ status: 'IN_PROGRESS', request_id: requestId });
    expect(own.events.waiting).toBe(0);
  });
});
