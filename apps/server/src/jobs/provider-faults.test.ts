import type { ErrorCode } from '@openpixels/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { type StandInMode, type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';

// A gateway with two stand-in providers, one per protocol. Each failure mode of one of them
// must end in a reroute to the other, or, when pinned, in that provider's own error; a
// failed job is always refunded.

const faults: [StandInMode, ErrorCode][] = [
  ['http-500', 'PROVIDER_HTTP_ERROR'],
  ['http-400', 'PROVIDER_HTTP_ERROR'],
  ['hang', 'PROVIDER_TIMEOUT'],
  ['malformed-json', 'PROVIDER_ERROR'],
  ['reset', 'PROVIDER_ERROR'],
  ['job-error', 'PROVIDER_JOB_ERROR'],
  // Answers past the provider's size cap (1 MiB here; the stand-in sends 8 MiB), announced or streamed.
  ['huge', 'PROVIDER_ERROR'],
  ['huge-chunked', 'PROVIDER_ERROR'],
];

let fal: StandInProvider;
let replicate: StandInProvider;
let server: TestServer;

beforeAll(async () => {
  fal = await startStandInProvider({ protocol: 'fal' });
  replicate = await startStandInProvider({ protocol: 'replicate' });
  server = await startTestServer({
    credits: 10_000,
    providers: [
      { id: 'fal', kind: 'fal', url: fal.url, key: fal.key, timeoutMs: 400 },
      { id: 'replicate', kind: 'replicate', url: replicate.url, key: replicate.key, timeoutMs: 400 },
    ],
    // Faults here are on purpose; keep the breakers out of the way of this file.
    breaker: { failureThreshold: 1_000 },
  });
});
afterAll(async () => {
  await server.close();
  await Promise.all([fal.close(), replicate.close()]);
});

async function run(routing: object, model = 'flux-dev') {
  const response = await server.call('/v2/submit', {
    json: { model, prompt: 'a tin robot', width: 512, height: 512, config: { routing } },
  });
  expect(response.status).toBe(200);
  const { id } = (await response.json()) as { id: string };
  return waitForResult(server, id);
}

const balance = async () => (await server.keyRecord())?.balance;

describe.each(['fal', 'replicate'] as const)('when %s fails', (failing) => {
  const other = failing === 'fal' ? 'replicate' : 'fal';
  const standIn = () => (failing === 'fal' ? fal : replicate);

  it.each(faults)('%s reroutes to the other provider and charges once', async (mode, code) => {
    standIn().setMode(mode);
    try {
      const before = (await balance()) as number;
      const result = await run({ ordering: [failing, other] });
      expect(result).toMatchObject({ status: 'completed', meta: { provider: other, attempts: 2 } });
      const job = (await server.jobs.get(result.id as string));
      expect(job?.attempts.map((a) => [a.provider, a.code])).toEqual([
        [failing, code],
        [other, 'ok'],
      ]);
      expect(await balance()).toBe(before - 3);
    } finally {
      standIn().setMode('ok');
    }
  });

  it.each(faults)("%s, pinned, returns the provider's own error and refunds", async (mode, code) => {
    standIn().setMode(mode);
    try {
      const before = await balance();
      const result = await run({ whitelist: [failing] });
      expect(result.status).toBe('failed');
      const error = expectErrorEnvelope(result.error, code, { secrets: [fal.key, replicate.key, server.key] });
      expect((error.params as { provider: string }).provider).toBe(failing);
      if (mode === 'http-400') expect(error.params).toMatchObject({ status: 400 });
      if (mode.startsWith('huge')) {
        expect(error.message).toBe(
          `Provider ${failing} sent an answer larger than the 1048576 bytes this gateway reads from it; it was not read.`,
        );
      }
      expect(await balance()).toBe(before);
    } finally {
      standIn().setMode('ok');
    }
  });
});

describe('a redirect on the result fetch (fal)', () => {
  it('is a PROVIDER_HTTP_ERROR (retried, rerouted), not the job failing; the redirect is not followed', async () => {
    fal.setMode('redirect-result');
    try {
      const from = fal.calls.length;
      const pinned = await run({ whitelist: ['fal'] });
      const error = expectErrorEnvelope(pinned.error, 'PROVIDER_HTTP_ERROR', { secrets: [fal.key] });
      expect(error.params).toEqual({ provider: 'fal', status: 302 });
      expect(fal.calls.slice(from).some((c) => c.path.startsWith('/elsewhere/'))).toBe(false);
      const rerouted = await run({ ordering: ['fal', 'replicate'] });
      expect(rerouted).toMatchObject({ status: 'completed', meta: { provider: 'replicate' } });
    } finally {
      fal.setMode('ok');
    }
  });
});

describe('when every provider fails', () => {
  it('NO_PROVIDERS_WORKING lists every attempt in order, and the job is refunded', async () => {
    fal.setMode('http-500');
    replicate.setMode('job-error');
    try {
      const before = await balance();
      const result = await run({ ordering: ['fal'] });
      const error = expectErrorEnvelope(result.error, 'NO_PROVIDERS_WORKING', { secrets: [fal.key, replicate.key] });
      const attempts = (error.params as { attempts: { provider: string; code: string }[] }).attempts;
      // fal's 500 is worth a retry after replicate's job error (not retryable) is known.
      expect(attempts.map((a) => [a.provider, a.code])).toEqual([
        ['fal', 'PROVIDER_HTTP_ERROR'],
        ['replicate', 'PROVIDER_JOB_ERROR'],
        ['fal', 'PROVIDER_HTTP_ERROR'],
      ]);
      expect(error.params).toMatchObject({ model: 'flux-dev' });
      expect(await balance()).toBe(before);
    } finally {
      fal.setMode('ok');
      replicate.setMode('ok');
    }
  });
});

describe("the adapters speak the providers' protocols", () => {
  it("fal: Key auth, the model's endpoint, image_size, status and result under the app id", async () => {
    const from = fal.calls.length;
    const result = await run({ whitelist: ['fal'] }, 'flux-pro-1.1');
    expect(result.status).toBe('completed');
    const calls = fal.calls.slice(from).filter((c) => !c.path.startsWith('/files/'));
    expect(calls.map((c) => `${c.method} ${c.path.replace(/[0-9a-f-]{36}/, '{id}')}`)).toEqual([
      'POST /fal-ai/flux-pro/v1.1',
      'GET /fal-ai/flux-pro/requests/{id}/status',
      'GET /fal-ai/flux-pro/requests/{id}',
    ]);
    expect(calls.every((c) => c.authorization === `Key ${fal.key}`)).toBe(true);
    expect(calls[0]?.body).toEqual({ prompt: 'a tin robot', image_size: { width: 512, height: 512 }, num_images: 1 });
    expect((result.data as { url: string }).url).toMatch(new RegExp(`^${fal.url}/files/`));
  });

  it("replicate: Bearer auth, the official model's predictions, Prefer: wait, output as a list or a single URL", async () => {
    for (const [model, path] of [
      ['flux-schnell', '/v1/models/black-forest-labs/flux-schnell/predictions'],
      ['flux-pro-1.1', '/v1/models/black-forest-labs/flux-1.1-pro/predictions'],
    ] as const) {
      const from = replicate.calls.length;
      const result = await run({ whitelist: ['replicate'] }, model);
      expect(result.status).toBe('completed');
      const create = replicate.calls[from];
      expect(create).toMatchObject({
        method: 'POST',
        path,
        authorization: `Bearer ${replicate.key}`,
        prefer: expect.stringMatching(/^wait=\d+$/),
      });
      expect((create?.body as { input: object } | undefined)?.input).toMatchObject({
        prompt: 'a tin robot',
        output_format: 'png',
      });
      expect((result.data as { url: string }).url).toMatch(new RegExp(`^${replicate.url}/files/`));
    }
  });

  it('a rejected provider key is a PROVIDER_HTTP_ERROR 401 that never shows the key', async () => {
    const wrong = await startTestServer({
      providers: [{ id: 'fal', kind: 'fal', url: fal.url, key: 'not-the-key' }],
    });
    try {
      const response = await wrong.call('/v2/submit', {
        json: { model: 'flux-dev', prompt: 'a', config: { routing: { whitelist: ['fal'] } } },
      });
      const { id } = (await response.json()) as { id: string };
      const result = await waitForResult(wrong, id);
      const error = expectErrorEnvelope(result.error, 'PROVIDER_HTTP_ERROR', { secrets: ['not-the-key', fal.key] });
      expect(error.params).toEqual({ provider: 'fal', status: 401 });
    } finally {
      await wrong.close();
    }
  });
});
