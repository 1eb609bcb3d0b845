import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { expectStoreLedgerConsistent } from '../testing/expect-ledger-consistent.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';

// Bring your own provider key, against a gateway with fal and Replicate stand-ins: a key's own
// fal credential makes its jobs on fal, uncharged; a bad one fails that attempt and reroutes to
// the platform only if the key allows it. Every log line the server wrote and every answer it
// sent in this file are searched for the credentials at the end.

const USER_FAL = `user_fal_${randomBytes(12).toString('hex')}`;
const WRONG_FAL = `wrong_fal_${randomBytes(12).toString('hex')}`;
const USER_REPLICATE = `user_rep_${randomBytes(12).toString('hex')}`;
const SECRETS = [USER_FAL, WRONG_FAL, USER_REPLICATE];

let fal: StandInProvider;
let replicate: StandInProvider;
let server: TestServer;
const logLines: string[] = [];
const answers: string[] = [];

async function call(path: string, key: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const response = await server.call(path, {
    ...rest,
    headers: { authorization: `Key ${key}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(json === undefined ? {} : { method: rest.method ?? 'POST', body: JSON.stringify(json) }),
  });
  const text = await response.text();
  answers.push(text);
  return new Response(text, { status: response.status, headers: response.headers });
}

async function run(key: string): Promise<Record<string, unknown>> {
  const submitted = await call('/v2/submit', key, {
    json: { model: 'flux-dev', prompt: 'a brass owl', width: 512, height: 512, config: { routing: { ordering: ['fal'] } } },
  });
  expect(submitted.status).toBe(200);
  const result = await waitForResult(server, ((await submitted.json()) as { id: string }).id, key);
  answers.push(JSON.stringify(result));
  return result;
}

beforeAll(async () => {
  fal = await startStandInProvider({ protocol: 'fal' });
  replicate = await startStandInProvider({ protocol: 'replicate' });
  fal.acceptKey(USER_FAL);
  replicate.acceptKey(USER_REPLICATE);
  server = await startTestServer({
    secretKey: randomBytes(32),
    logLevel: 'debug',
    logStream: { write: (line) => void logLines.push(line) },
    providers: [
      { id: 'fal', kind: 'fal', url: fal.url, key: fal.key },
      { id: 'replicate', kind: 'replicate', url: replicate.url, key: replicate.key },
    ],
    breaker: { failureThreshold: 2 },
  });
});
afterAll(async () => {
  await server?.close();
  await Promise.all([fal?.close(), replicate?.close()]);
});

describe('bring your own provider key', () => {
  it('keeps the credential sealed: answers say only whether each is set, the store holds no clear text', async () => {
    const { key, id } = await server.createApiKey({ credits: 100, name: 'byo' });
    const put = await call('/v2/provider-keys', key, { method: 'PUT', json: { fal: USER_FAL, reroute: false } });
    expect(await put.json()).toEqual({ fal: true, replicate: false, reroute: false });
    expect(await (await call('/v2/provider-keys', key)).json()).toEqual({ fal: true, replicate: false, reroute: false });
    const stored = await server.keys.get(id);
    expect(stored?.providerCredentials).toMatch(/^v1\./);
    expect(stored?.providerCredentials).not.toContain(USER_FAL);
    if (server.store.engine === 'sqlite') {
      for (const file of readdirSync(server.dataDir).filter((name) => name.includes('.db') || name.endsWith('-wal'))) {
        expect(readFileSync(join(server.dataDir, file)).includes(USER_FAL), file).toBe(false);
      }
    }
    // Another key's answer is its own.
    expect(await (await call('/v2/provider-keys', server.key)).json()).toEqual({ fal: false, replicate: false, reroute: false });
  });

  it("runs the key's jobs on fal with its own credential: one 0 line in the ledger saying why, no credits needed", async () => {
    // No credits at all: a job only the key's own credential may make (no reroute) reserves nothing.
    const { key, id } = await server.createApiKey({ credits: 0, name: 'byo-ok' });
    await call('/v2/provider-keys', key, { method: 'PUT', json: { fal: USER_FAL } });
    const from = fal.calls.length;
    const result = await run(key);
    expect(result).toMatchObject({ status: 'completed', meta: { provider: 'fal' } });
    const used = fal.calls.slice(from).map((c) => c.authorization);
    expect(used.length).toBeGreaterThan(0);
    expect(used.every((authorization) => authorization === `Key ${USER_FAL}`)).toBe(true);
    expect((await server.keys.get(id))?.balance).toBe(0);
    const lines = await server.store.ledger.history(id, 10);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      kind: 'reserve',
      amount: 0,
      balanceAfter: 0,
      jobId: result.id,
      note: "made with this key's own fal credential: not charged",
    });
  });

  it('reserves and refunds, saying why, when the key allows reroute and its own credential made the job', async () => {
    // The platform may end up serving it, so the price is held at submit: a key without it is refused.
    const { key, id } = await server.createApiKey({ credits: 2, name: 'byo-reroute' });
    await call('/v2/provider-keys', key, { method: 'PUT', json: { fal: USER_FAL, reroute: true } });
    const poor = await call('/v2/submit', key, {
      json: { model: 'flux-dev', prompt: 'a brass owl', width: 512, height: 512, config: { routing: { ordering: ['fal'] } } },
    });
    await expectErrorResponse(poor, 'NO_CREDITS', { secrets: SECRETS });
    await server.store.ledger.grant(id, 98, 'top up');
    const result = await run(key);
    expect(result).toMatchObject({ status: 'completed', meta: { provider: 'fal' } });
    expect((await server.keys.get(id))?.balance).toBe(100);
    const [refund, reserve, grant] = await server.store.ledger.history(id, 10);
    expect(grant).toMatchObject({ kind: 'grant', amount: 98 });
    expect(reserve).toMatchObject({ kind: 'reserve', amount: -3, jobId: result.id, note: null });
    expect(refund).toMatchObject({
      kind: 'refund',
      amount: 3,
      jobId: result.id,
      note: "made with this key's own fal credential: not charged",
    });
  });

  it('refuses at once, uncharged, a job no provider can make with the credential of a key that does not allow reroute', async () => {
    const { key, id } = await server.createApiKey({ credits: 100, name: 'byo-no-cover' });
    await call('/v2/provider-keys', key, { method: 'PUT', json: { replicate: USER_REPLICATE } });
    const refused = await call('/v2/submit', key, {
      json: { model: 'flux-dev', prompt: 'a brass owl', width: 512, height: 512, config: { routing: { whitelist: ['fal'] } } },
    });
    const error = await expectErrorResponse(refused, 'NO_PROVIDERS_WORKING', { secrets: SECRETS });
    expect(error.message).toMatch(/does not allow reroute/);
    expect((await server.store.ledger.history(id, 10)).map((line) => line.kind)).toEqual(['grant']);
  });

  it("fails with the provider's own error when the credential is refused, not rerouted unless the key allows it", async () => {
    const { key, id } = await server.createApiKey({ credits: 100, name: 'byo-wrong' });
    await call('/v2/provider-keys', key, { method: 'PUT', json: { fal: WRONG_FAL, reroute: false } });
    const fromReplicate = replicate.calls.length;
    const failed = await run(key);
    expect(failed.status).toBe('failed');
    const error = expectErrorEnvelope(failed.error, 'NO_PROVIDERS_WORKING', { secrets: SECRETS });
    // Only fal, with the key's credential, however often it was retried (HTTP errors are retryable).
    const attempts = (error.params as { attempts: { provider: string; code: string }[] }).attempts;
    expect(attempts.length).toBeGreaterThan(0);
    for (const attempt of attempts) expect(attempt).toMatchObject({ provider: 'fal', code: 'PROVIDER_HTTP_ERROR' });
    expect(replicate.calls.length).toBe(fromReplicate);
    expect((await server.keys.get(id))?.balance).toBe(100);
    // Nothing was reserved, so nothing is refunded: one 0 line.
    const moves = (await server.store.ledger.history(id, 10)).filter((line) => line.kind !== 'grant');
    expect(moves.map((line) => [line.kind, line.amount])).toEqual([['reserve', 0]]);
    // The user's bad credential is not the platform's fal failing: its circuit stays closed.
    await run(key);
    expect(server.health.breaker('fal').snapshot().state).toBe('closed');

    // Allowed to reroute: the platform's Replicate makes it, and that is charged.
    await call('/v2/provider-keys', key, { method: 'PUT', json: { reroute: true } });
    const rerouted = await run(key);
    expect(rerouted).toMatchObject({ status: 'completed', meta: { provider: 'replicate' } });
    expect((await server.keys.get(id))?.balance).toBe(97);
  });

  it('drops a credential with null, and refuses bodies it cannot keep', async () => {
    const { key } = await server.createApiKey({ credits: 10, name: 'byo-drop' });
    await call('/v2/provider-keys', key, { method: 'PUT', json: { fal: USER_FAL, replicate: USER_REPLICATE } });
    const dropped = await call('/v2/provider-keys', key, { method: 'PUT', json: { fal: null } });
    expect(await dropped.json()).toEqual({ fal: false, replicate: true, reroute: false });
    for (const body of [{ fal: '' }, { fal: 42 }, { openai: 'x' }]) {
      await expectErrorResponse(await call('/v2/provider-keys', key, { method: 'PUT', json: body }), 'INVALID_ARGUMENTS', {
        secrets: SECRETS,
      });
    }
  });

  it('is off without OPENPIXELS_SECRET_KEY, and says so', async () => {
    const off = await startTestServer({ providers: [{ id: 'local', kind: 'local' }] });
    try {
      const response = await off.call('/v2/provider-keys', { method: 'PUT', json: { fal: USER_FAL } });
      const error = await expectErrorResponse(response, 'INVALID_ARGUMENTS', { secrets: SECRETS });
      expect(error.message).toMatch(/OPENPIXELS_SECRET_KEY/);
    } finally {
      await off.close();
    }
  });

  it('kept the ledger whole: balance = sum of ledger, one reserve (or one 0 line) per job, at most one refund', async () => {
    await expectStoreLedgerConsistent(server);
  });

  it('never wrote a credential into a log line or an answer', () => {
    expect(logLines.length).toBeGreaterThan(20);
    expect(answers.length).toBeGreaterThan(10);
    for (const text of [...logLines, ...answers]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });
});
