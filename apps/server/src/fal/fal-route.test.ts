import { ValidationError } from '@fal-ai/client';
import { hasErrorCode, isAuthenticationError, isProviderError } from '@openpixels/errors';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { type RealFalClientOptions, realFalClient, thrownByFal } from '../testing/real-fal-client.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';

let server: TestServer;
let falStandIn: StandInProvider;

beforeAll(async () => {
  falStandIn = await startStandInProvider({ protocol: 'fal' });
  server = await startTestServer({
    credits: 10_000,
    providers: [
      { id: 'fal', kind: 'fal', url: falStandIn.url, key: falStandIn.key, timeoutMs: 2_000 },
      { id: 'local', kind: 'local' },
    ],
    // Failures here are on purpose; keep the breakers out of the way.
    breaker: { failureThreshold: 1_000 },
  });
});
afterAll(async () => {
  await server.close();
  await falStandIn.close();
});

/** The real fal client pointed at this file's server. */
const falClient = (options: RealFalClientOptions = {}) => realFalClient(server, options);

interface FluxOutput {
  images: { url: string; width: number; height: number; content_type: string }[];
  prompt: string;
  timings: { inference: number };
}

async function expectPng(image: FluxOutput['images'][number], width: number, height: number) {
  expect(image).toMatchObject({ width, height, content_type: 'image/png' });
  const response = await fetch(image.url);
  expect(response.headers.get('content-type')).toBe('image/png');
  const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
  expect([png.width, png.height]).toEqual([width, height]);
}

const routeLocal = { 'x-openpixels-routing': JSON.stringify({ whitelist: ['local'] }) };

describe.each(['prefix', 'proxy'] as const)('the real @fal-ai/client, pointed here by %s', (via) => {
  it('subscribe: submits, polls status and fetches the result, a real PNG of the asked size', async () => {
    const fal = falClient({ via, headers: routeLocal });
    const updates: string[] = [];
    const { data, requestId } = await fal.subscribe('fal-ai/flux/dev', {
      input: { prompt: 'a red fox', image_size: { width: 320, height: 256 } },
      pollInterval: 20,
      logs: true,
      onQueueUpdate: (update) => updates.push(update.status),
    });
    const output = data as FluxOutput;
    expect(output.images).toHaveLength(1);
    await expectPng(output.images[0] as FluxOutput['images'][number], 320, 256);
    expect(output.prompt).toBe('a red fox');
    expect(updates.at(-1)).toBe('COMPLETED');
    // A fal job is a normal job: the native poll sees it.
    const native = await waitForResult(server, requestId);
    expect(native).toMatchObject({ status: 'completed', meta: { model: 'flux-dev', provider: 'local' } });
  });

  it('queue.submit / status / result step by step, with a preset size', async () => {
    const fal = falClient({ via, headers: routeLocal });
    const submitted = await fal.queue.submit('fal-ai/flux/schnell', {
      input: { prompt: 'a lighthouse', image_size: 'square' },
    });
    expect(submitted.request_id).toMatch(/^job_/);
    let status = await fal.queue.status('fal-ai/flux/schnell', { requestId: submitted.request_id, logs: true });
    for (let i = 0; status.status !== 'COMPLETED' && i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await fal.queue.status('fal-ai/flux/schnell', { requestId: submitted.request_id, logs: true });
    }
    expect(status.status).toBe('COMPLETED');
    expect((status as { logs?: { message: string }[] }).logs?.[0]?.message).toMatch(/^local: done/);
    const result = await fal.queue.result('fal-ai/flux/schnell', { requestId: submitted.request_id });
    expect(result.requestId).toBe(submitted.request_id);
    await expectPng((result.data as FluxOutput).images[0] as FluxOutput['images'][number], 512, 512);
  });

  it('run: the synchronous call answers with the output', async () => {
    const fal = falClient({ via, headers: routeLocal });
    const { data } = await fal.run('fal-ai/flux-pro/v1.1', { input: { prompt: 'a harbour' } });
    // fal's default size is landscape_4_3.
    await expectPng((data as FluxOutput).images[0] as FluxOutput['images'][number], 1024, 768);
  });

  it('INVALID_API_KEY: 401 with the envelope as ApiError.body', async () => {
    const error = await thrownByFal(
      falClient({ via, key: `sk-op-${'x'.repeat(40)}` }).run('fal-ai/flux/dev', { input: { prompt: 'x' } }),
    );
    expect(error.status).toBe(401);
    expectErrorEnvelope(error.body, 'INVALID_API_KEY');
    expect(isAuthenticationError(error.body)).toBe(true);
    expect(error.message).toBe(error.body.message);
  });

  it('MISSING_API_KEY: 401', async () => {
    const error = await thrownByFal(
      falClient({ via, key: undefined }).queue.submit('fal-ai/flux/dev', { input: { prompt: 'x' } }),
    );
    expect(error.status).toBe(401);
    expectErrorEnvelope(error.body, 'MISSING_API_KEY');
  });

  it('NO_CREDITS: 402, nothing charged', async () => {
    const { key } = await server.createApiKey({ credits: 2, name: 'poor' });
    const error = await thrownByFal(
      falClient({ via, key }).subscribe('fal-ai/flux/dev', { input: { prompt: 'x' }, pollInterval: 20 }),
    );
    expect(error.status).toBe(402);
    expectErrorEnvelope(error.body, 'NO_CREDITS');
    expect(hasErrorCode(error.body, 'NO_CREDITS')).toBe(true);
    const balance = (await (await server.call('/v2/balance', { headers: { authorization: `Key ${key}` } })).json()) as {
      balance: number;
    };
    expect(balance.balance).toBe(2);
  });

  it('UNKNOWN_MODEL: an endpoint we do not route is 404, naming the ones we do', async () => {
    const error = await thrownByFal(
      falClient({ via }).queue.submit('fal-ai/stable-diffusion-v3', { input: { prompt: 'x' } }),
    );
    expect(error.status).toBe(404);
    const envelope = expectErrorEnvelope(error.body, 'UNKNOWN_MODEL');
    expect(envelope.params).toMatchObject({
      model: 'fal-ai/stable-diffusion-v3',
      available: ['fal-ai/flux/schnell', 'fal-ai/flux/dev', 'fal-ai/flux-pro/v1.1'],
    });
  });

  it('INVALID_ARGUMENTS: 422 (a ValidationError), each refused field named, in the envelope and in detail', async () => {
    const error = await thrownByFal(
      falClient({ via }).queue.submit('fal-ai/flux/dev', {
        input: { prompt: 'x', seed: 42, num_images: 2, image_size: 'huge', colour: 'red' } as never,
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.status).toBe(422);
    const { detail, ...envelope } = error.body;
    const checked = expectErrorEnvelope(envelope, 'INVALID_ARGUMENTS');
    const paths = hasErrorCode(checked, 'INVALID_ARGUMENTS') ? checked.params.issues.map((i) => i.path).sort() : [];
    expect(paths).toEqual(['colour', 'image_size', 'num_images', 'seed']);
    const validation = error as ValidationError;
    expect(validation.getFieldErrors('seed')[0]?.msg).toMatch(/seeds are not supported/);
    expect(detail).toHaveLength(4);
  });
});

describe('provider failures through the fal route', () => {
  it('a failing fal provider is rerouted: the app gets its image from another provider', async () => {
    falStandIn.setMode('http-500');
    try {
      const before = falStandIn.requests;
      const fal = falClient({ headers: { 'x-openpixels-routing': JSON.stringify({ ordering: ['fal', 'local'] }) } });
      const { data, requestId } = await fal.subscribe('fal-ai/flux/dev', {
        input: { prompt: 'rerouted', image_size: 'square' },
        pollInterval: 20,
      });
      await expectPng((data as FluxOutput).images[0] as FluxOutput['images'][number], 512, 512);
      expect(falStandIn.requests).toBeGreaterThan(before);
      const native = await waitForResult(server, requestId);
      expect(native).toMatchObject({ meta: { provider: 'local', attempts: 2 } });
    } finally {
      falStandIn.setMode('ok');
    }
  });

  it("a pinned provider's failure comes back as its own provider error, refunded", async () => {
    falStandIn.setMode('http-500');
    try {
      const before = (await (await server.call('/v2/balance')).json()) as { balance: number };
      const fal = falClient({ headers: { 'x-openpixels-routing': JSON.stringify({ whitelist: ['fal'] }) } });
      const error = await thrownByFal(
        fal.subscribe('fal-ai/flux/dev', { input: { prompt: 'pinned' }, pollInterval: 20 }),
      );
      // 502 would make fal's client retry a result that cannot change: a failed job's result is 500.
      expect(error.status).toBe(500);
      expectErrorEnvelope(error.body, 'PROVIDER_HTTP_ERROR');
      expect(isProviderError(error.body)).toBe(true);
      expect(error.body.params).toMatchObject({ provider: 'fal', status: 500 });
      const after = (await (await server.call('/v2/balance')).json()) as { balance: number };
      expect(after.balance).toBe(before.balance);
    } finally {
      falStandIn.setMode('ok');
    }
  });
});

describe('proxy mode is not an open proxy', () => {
  it.each([
    'https://example.com/fal-ai/flux/dev',
    'http://queue.fal.run/fal-ai/flux/dev',
    'https://queue.fal.run.example.com/fal-ai/flux/dev',
    'https://user:pw@queue.fal.run/fal-ai/flux/dev',
    'not a url',
  ])('refuses %s as a target with INVALID_ARGUMENTS naming the header', async (target) => {
    const response = await server.call('/fal/proxy', {
      json: { prompt: 'x' },
      headers: { 'x-fal-target-url': target },
    });
    expect(response.status).toBe(422);
    const { detail, ...envelope } = (await response.json()) as Record<string, unknown>;
    const checked = expectErrorEnvelope(envelope, 'INVALID_ARGUMENTS');
    expect(checked.params).toMatchObject({ issues: [{ path: 'headers.x-fal-target-url' }] });
    expect(detail).toEqual([expect.objectContaining({ loc: ['body', 'headers', 'x-fal-target-url'] })]);
  });
});

describe('what the route cannot honour is refused, never ignored', () => {
  it('a webhook (fal_webhook) is INVALID_ARGUMENTS naming it, nothing charged', async () => {
    const before = (await (await server.call('/v2/balance')).json()) as { balance: number };
    const error = await thrownByFal(
      falClient().queue.submit('fal-ai/flux/dev', {
        input: { prompt: 'x' },
        webhookUrl: 'https://app.example.com/hook',
      }),
    );
    expect(error.status).toBe(422);
    const { detail: _detail, ...envelope } = error.body;
    expect(expectErrorEnvelope(envelope, 'INVALID_ARGUMENTS').params).toEqual({
      issues: [{ path: 'query.fal_webhook', message: expect.stringMatching(/not supported/) }],
    });
    const after = (await (await server.call('/v2/balance')).json()) as { balance: number };
    expect(after.balance).toBe(before.balance);
  });
});

describe("a browser app's fal client gets through CORS", () => {
  it('the preflight for a proxied PUT with fal headers is allowed, and x-fal-request-id is readable', async () => {
    const response = await server.call('/fal/proxy', {
      method: 'OPTIONS',
      auth: false,
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, content-type, x-fal-target-url, x-fal-queue-priority',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
    const allowed = response.headers.get('access-control-allow-headers') ?? '';
    for (const header of ['x-fal-target-url', 'x-fal-queue-priority', 'x-openpixels-routing']) {
      expect(allowed).toContain(header);
    }
    const answer = await server.call('/fal/queue/fal-ai/flux/dev', {
      json: { prompt: 'cors' },
      headers: { origin: 'https://app.example.com', 'x-openpixels-routing': '{"whitelist":["local"]}' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-expose-headers')).toContain('x-fal-request-id');
    expect(answer.headers.get('x-fal-request-id')).toMatch(/^job_/);
  });
});
