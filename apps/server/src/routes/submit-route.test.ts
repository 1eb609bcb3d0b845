import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';

let server: TestServer;
beforeAll(async () => {
  // These tests follow submit-then-poll, so submit answers at once; submit-wait.test.ts covers the hold.
  server = await startTestServer({ credits: 10_000, submitWaitMs: 0 });
});
afterAll(() => server.close());

const small = { width: 256, height: 256 };
const balance = async (key = server.key) =>
  (
    (await (
      await server.call('/v2/balance', {
        headers: { authorization: `Key ${key}` },
      })
    ).json()) as { balance: number }
  ).balance;

describe('submit then poll, with the local provider', () => {
  it('answers an update, then a result whose URL serves a PNG of the asked size', async () => {
    const response = await server.call('/v2/submit', {
      json: { model: 'flux-dev', prompt: 'a red fox', width: 320, height: 256 },
    });
    expect(response.status).toBe(200);
    const update = (await response.json()) as {
      type: string;
      id: string;
      status: string;
    };
    expect(update).toMatchObject({
      type: 'update',
      // Stored as processing in the same transaction that accepts it: the job starts at once.
      status: 'processing',
      id: expect.stringMatching(/^job_[0-9a-f]{32}$/),
    });

    const result = await waitForResult(server, update.id);
    expect(result).toMatchObject({
      type: 'result',
      id: update.id,
      status: 'completed',
      meta: { provider: 'local', model: 'flux-dev', attempts: 1 },
    });
    const image = await fetch((result.data as { url: string }).url);
    expect(image.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await image.arrayBuffer()));
    expect([png.width, png.height]).toEqual([320, 256]);
  });

  it('charges the model price once, and the ledger explains the balance', async () => {
    const { key, id } = await server.createApiKey({
      credits: 10,
      name: 'ledger',
    });
    const response = await server.call('/v2/submit', {
      json: { model: 'flux-pro-1.1', prompt: 'ledger', ...small },
      headers: { authorization: `Bearer ${key}` },
    });
    const { id: jobId } = (await response.json()) as { id: string };
    await waitForResult(server, jobId, key);
    expect(await balance(key)).toBe(5);
    expect((await server.store.ledger.history(id, 1_000)).map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([
      ['reserve', -5, 5],
      ['grant', 10, 10],
    ]);
  });

  it('accepts the alias flux-1.1-pro and defaults the size to 1024', async () => {
    const response = await server.call('/v2/submit', {
      json: { model: 'flux-1.1-pro', prompt: 'alias' },
    });
    const { id } = (await response.json()) as { id: string };
    const job = (await server.jobs.get(id));
    expect(job).toMatchObject({
      model: 'flux-pro-1.1',
      width: 1024,
      height: 1024,
    });
  });

  it('a poll with wait_ms=0 answers at once with the current state', async () => {
    const response = await server.call('/v2/submit', {
      json: { model: 'flux-schnell', prompt: 'quick', ...small },
    });
    const { id } = (await response.json()) as { id: string };
    const poll = await server.call(`/v2/poll/${id}?wait_ms=0`);
    expect(poll.status).toBe(200);
    expect(['update', 'result']).toContain(((await poll.json()) as { type: string }).type);
    await waitForResult(server, id);
  });

  it('serves images only for well-formed job ids that exist', async () => {
    await expectErrorResponse(await fetch(`${server.url}/v2/images/job_${'0'.repeat(32)}.png`), 'JOB_NOT_FOUND');
    await expectErrorResponse(await fetch(`${server.url}/v2/images/..%2F..%2Fopenpixels.sqlite`), 'JOB_NOT_FOUND');
  });
});

describe('request-level errors', () => {
  it('INVALID_ARGUMENTS lists one issue per bad field, with its path', async () => {
    const response = await server.call('/v2/submit', {
      json: {
        model: 7,
        prompt: '   ',
        width: 100,
        height: 1001,
        seed: 1,
        config: { routing: { strategy: 'cheapest', whitelist: [] } },
      },
    });
    const envelope = await expectErrorResponse(response, 'INVALID_ARGUMENTS');
    const issues = (envelope.params as { issues: { path: string; message: string }[] }).issues;
    expect(Object.fromEntries(issues.map((i) => [i.path, i.message]))).toEqual({
      model: 'must be a string',
      prompt: 'must not be blank',
      width: 'must be at least 256',
      height: 'must be a multiple of 8',
      seed: expect.stringContaining('is not a known field'),
      'config.routing.strategy': 'must be one of: best, random',
      'config.routing.whitelist': 'must have at least 1 item',
    });
  });

  it('INVALID_ARGUMENTS when required fields are missing, and a number in a string is not a number', async () => {
    const missing = await expectErrorResponse(await server.call('/v2/submit', { json: {} }), 'INVALID_ARGUMENTS');
    expect((missing.params as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
      'model',
      'prompt',
    ]);
    const text = await expectErrorResponse(
      await server.call('/v2/submit', {
        json: { model: 'flux-dev', prompt: 'a', width: '512' },
      }),
      'INVALID_ARGUMENTS',
    );
    expect((text.params as { issues: { path: string; message: string }[] }).issues).toEqual([
      { path: 'width', message: 'must be an integer' },
    ]);
  });

  it('a prompt with an unpaired surrogate is refused before anything is charged (it could not be stored as sent)', async () => {
    const before = await balance();
    const response = await server.call('/v2/submit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model":"flux-schnell","prompt":"a cat \\ud83d alone","width":256,"height":256}',
    });
    const envelope = await expectErrorResponse(response, 'INVALID_ARGUMENTS');
    expect(envelope.params).toEqual({
      issues: [{ path: 'prompt', message: expect.stringContaining('unpaired surrogate') }],
    });
    expect(await balance()).toBe(before);
    // A paired surrogate (an emoji) is fine, and is stored exactly as sent.
    const emoji = await server.call('/v2/submit', {
      json: { model: 'flux-schnell', prompt: 'a cat \ud83d\udc31', ...small },
    });
    const { id } = (await emoji.json()) as { id: string };
    expect((await server.jobs.get(id))?.prompt).toBe('a cat 🐱');
  });

  it('UNKNOWN_MODEL lists the served models', async () => {
    const envelope = await expectErrorResponse(
      await server.call('/v2/submit', {
        json: { model: 'flux-ultra', prompt: 'a' },
      }),
      'UNKNOWN_MODEL',
    );
    expect(envelope.params).toEqual({
      model: 'flux-ultra',
      available: ['flux-schnell', 'flux-dev', 'flux-pro-1.1'],
    });
  });

  it('MISSING_API_KEY without a key, INVALID_API_KEY for a wrong or revoked one', async () => {
    const body = { model: 'flux-dev', prompt: 'a' };
    await expectErrorResponse(await server.call('/v2/submit', { json: body, auth: false }), 'MISSING_API_KEY');
    await expectErrorResponse(
      await server.call('/v2/submit', {
        json: body,
        headers: { authorization: 'Key ' },
      }),
      'MISSING_API_KEY',
    );
    for (const header of [`Key sk-op-${'a'.repeat(40)}`, 'Key nonsense', 'Basic dXNlcjpwYXNz']) {
      await expectErrorResponse(
        await server.call('/v2/submit', {
          json: body,
          headers: { authorization: header },
        }),
        'INVALID_API_KEY',
        {
          secrets: [server.key],
        },
      );
    }
    const { key, id } = await server.createApiKey({ credits: 10 });
    expect(
      (
        await server.call('/v2/balance', {
          headers: { authorization: `Key ${key}` },
        })
      ).status,
    ).toBe(200);
    await server.keys.revoke(id, Date.now());
    await expectErrorResponse(
      await server.call('/v2/balance', {
        headers: { authorization: `Key ${key}` },
      }),
      'INVALID_API_KEY',
    );
  });

  it('NO_CREDITS says what the job costs and what the balance is, and charges nothing', async () => {
    const { key } = await server.createApiKey({ credits: 2 });
    const response = await server.call('/v2/submit', {
      json: { model: 'flux-dev', prompt: 'a' },
      headers: { authorization: `Key ${key}` },
    });
    const envelope = await expectErrorResponse(response, 'NO_CREDITS');
    expect(envelope.params).toEqual({ required: 3, available: 2 });
    expect(await balance(key)).toBe(2);
  });

  it("JOB_NOT_FOUND for an unknown id and for another key's job alike", async () => {
    const { id } = (await (
      await server.call('/v2/submit', {
        json: { model: 'flux-schnell', prompt: 'mine', ...small },
      })
    ).json()) as { id: string };
    const { key: other } = await server.createApiKey({ credits: 1 });
    const foreign = await expectErrorResponse(
      await server.call(`/v2/poll/${id}`, {
        headers: { authorization: `Key ${other}` },
      }),
      'JOB_NOT_FOUND',
    );
    expect(foreign.params).toEqual({ id });
    await expectErrorResponse(await server.call('/v2/poll/job_missing'), 'JOB_NOT_FOUND');
  });

  it('PROVIDER_NOT_FOUND for a provider this server does not run', async () => {
    const envelope = await expectErrorResponse(
      await server.call('/v2/submit', {
        json: {
          model: 'flux-dev',
          prompt: 'a',
          config: { routing: { ordering: ['acme'] } },
        },
      }),
      'PROVIDER_NOT_FOUND',
    );
    expect(envelope.params).toEqual({ provider: 'acme', available: ['local'] });
  });
});

describe('Idempotency-Key', () => {
  it('the same key and body return the same job and charge once', async () => {
    const { key } = await server.createApiKey({ credits: 100 });
    const send = (idem: string, prompt = 'idempotent') =>
      server.call('/v2/submit', {
        json: { model: 'flux-dev', prompt, ...small },
        headers: { authorization: `Key ${key}`, 'idempotency-key': idem },
      });
    const first = (await (await send('order-1')).json()) as { id: string };
    const againResponse = await send('order-1');
    expect(againResponse.headers.get('idempotent-replayed')).toBe('true');
    expect(((await againResponse.json()) as { id: string }).id).toBe(first.id);
    expect(await balance(key)).toBe(97);

    const reused = await expectErrorResponse(await send('order-1', 'another prompt'), 'INVALID_ARGUMENTS');
    expect((reused.params as { issues: { path: string }[] }).issues[0]?.path).toBe('headers.idempotency-key');
    await expectErrorResponse(await send(''), 'INVALID_ARGUMENTS');
    await waitForResult(server, first.id, key);
    expect(((await (await send('order-1')).json()) as { type: string }).type).toBe('result');
  });
});

describe('limits', () => {
  it('RATE_LIMITED with Retry-After once a key has too many jobs running', async () => {
    const limited = await startTestServer({
      maxActiveJobsPerKey: 1,
      local: { delayMs: 5_000 },
      shutdownTimeoutMs: 0,
    });
    try {
      const body = {
        json: { model: 'flux-schnell', prompt: 'slow', ...small },
      };
      expect((await limited.call('/v2/submit', body)).status).toBe(200);
      const response = await limited.call('/v2/submit', body);
      expect(response.headers.get('retry-after')).toBe('1');
      await expectErrorResponse(response, 'RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
