import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../keys/api-key-secret.ts';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

const TOKEN = 'admin-token-for-the-test-0123456789';

let server: TestServer;
/** Every admin answer's text, to check afterwards that none carries a key's hash. */
const answers: string[] = [];
/** Every key this file made, with the test server's own. */
const keysMade: string[] = [];

async function admin(path: string, init: RequestInit & { json?: unknown; token?: string | null } = {}) {
  const { json, token = TOKEN, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(`${server.url}${path}`, {
    ...rest,
    headers,
    ...(json === undefined ? {} : { method: rest.method ?? 'POST', body: JSON.stringify(json) }),
  });
  const text = await response.text();
  answers.push(text);
  return new Response(text, { status: response.status, headers: response.headers });
}

/** The admin operations as the OpenAPI document lists them (those secured by the admin token), with a sample path. */
async function adminOperations(): Promise<{ method: string; path: string }[]> {
  const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
  };
  const operations: { method: string; path: string }[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (operation.security?.some((s) => 'adminToken' in s)) {
        operations.push({ method: method.toUpperCase(), path: path.replace('{id}', 'key_0123456789abcdef') });
      }
    }
  }
  return operations;
}

beforeAll(async () => {
  server = await startTestServer({ adminToken: TOKEN, providers: [{ id: 'local', kind: 'local' }] });
  keysMade.push(server.key);
});
afterAll(async () => {
  await server?.close();
});

describe('the admin API', () => {
  it('lists its routes in the OpenAPI document, each behind the admin token', async () => {
    const operations = await adminOperations();
    expect(operations.map((o) => `${o.method} ${o.path.replace('key_0123456789abcdef', ':id')}`).sort()).toEqual([
      'GET /admin/keys',
      'GET /admin/keys/:id',
      'GET /admin/keys/:id/ledger',
      'POST /admin/keys',
      'POST /admin/keys/:id/credit',
      'POST /admin/keys/:id/debit',
      'POST /admin/keys/:id/revoke',
      'PUT /admin/keys/:id/limits',
    ]);
  });

  it('refuses a missing or wrong token, and any API key, on every route, before reading the body', async () => {
    for (const { method, path } of await adminOperations()) {
      const send = (authorization: string | null) =>
        fetch(`${server.url}${path}`, {
          method,
          headers: authorization === null ? {} : { authorization },
        });
      const secrets = [TOKEN, server.key];
      await expectErrorResponse(await send(null), 'MISSING_API_KEY', { secrets });
      await expectErrorResponse(await send('Bearer '), 'MISSING_API_KEY', { secrets });
      await expectErrorResponse(await send(`Bearer ${TOKEN.slice(0, -1)}`), 'INVALID_API_KEY', { secrets });
      await expectErrorResponse(await send(`Bearer ${TOKEN}x`), 'INVALID_API_KEY', { secrets });
      // A normal key, however it is sent, never reaches an admin route.
      await expectErrorResponse(await send(`Key ${server.key}`), 'INVALID_API_KEY', { secrets });
      await expectErrorResponse(await send(`Bearer ${server.key}`), 'INVALID_API_KEY', { secrets });
    }
  });

  it('creates a key shown once, credits it with a note, reads its ledger, debits and revokes it', async () => {
    const created = await admin('/admin/keys', { json: { name: 'alice', credits: 5 } });
    expect(created.status).toBe(200);
    const key = (await created.json()) as { id: string; key: string; balance: number; name: string };
    keysMade.push(key.key);
    expect(key).toMatchObject({ name: 'alice', balance: 5, revoked_at: null });
    expect(key.key).toMatch(/^sk-op-/);
    const balance = async () =>
      (await (await server.call('/v2/balance', { headers: { authorization: `Key ${key.key}` } })).json()) as {
        balance?: number;
        code?: string;
      };
    expect((await balance()).balance).toBe(5);

    const listed = await admin('/admin/keys');
    const { keys } = (await listed.json()) as { keys: { id: string }[] };
    expect(keys.map((k) => k.id)).toContain(key.id);
    expect(answers.at(-1)).not.toContain(key.key);

    const credited = await admin(`/admin/keys/${key.id}/credit`, { json: { amount: 10, note: 'invoice 42' } });
    expect(await credited.json()).toEqual({ id: key.id, balance: 15 });
    expect((await balance()).balance).toBe(15);
    const debited = await admin(`/admin/keys/${key.id}/debit`, { json: { amount: 4, note: 'chargeback 7' } });
    expect(await debited.json()).toEqual({ id: key.id, balance: 11 });
    await expectErrorResponse(
      await admin(`/admin/keys/${key.id}/debit`, { json: { amount: 12 } }),
      'INVALID_ARGUMENTS',
    );

    const ledger = (await (await admin(`/admin/keys/${key.id}/ledger?limit=10`)).json()) as {
      entries: { kind: string; amount: number; balance_after: number; note: string }[];
    };
    expect(ledger.entries.map((e) => [e.kind, e.amount, e.balance_after, e.note])).toEqual([
      ['grant', -4, 11, 'chargeback 7'],
      ['grant', 10, 15, 'invoice 42'],
      ['grant', 5, 5, 'initial credits'],
    ]);

    const revoked = await admin(`/admin/keys/${key.id}/revoke`, { method: 'POST' });
    expect(await revoked.json()).toEqual({ id: key.id, revoked: true, cancelled: [] });
    expect((await balance()).code).toBe('INVALID_API_KEY');
    const read = (await (await admin(`/admin/keys/${key.id}`)).json()) as { revoked_at: string | null };
    expect(read.revoked_at).not.toBeNull();
    const refused = await expectErrorResponse(
      await admin(`/admin/keys/${key.id}/credit`, { json: { amount: 1 } }),
      'INVALID_ARGUMENTS',
    );
    expect(refused.message).toMatch(/revoked/);
  });

  it("sets a key's rate limits: a number its own, 0 none, null the server's default; one left out stays", async () => {
    const { id } = (await (await admin('/admin/keys', { json: { name: 'limited' } })).json()) as { id: string };
    const limits = async (body: object) => {
      const response = await admin(`/admin/keys/${id}/limits`, { method: 'PUT', json: body });
      expect(response.status).toBe(200);
      return ((await response.json()) as { limits: object }).limits;
    };
    expect(await limits({ requests_per_minute: 120, images_per_minute: 0 })).toEqual({
      requests_per_minute: 120,
      images_per_minute: 0,
    });
    expect(await limits({ images_per_minute: 30 })).toEqual({ requests_per_minute: 120, images_per_minute: 30 });
    expect(await limits({ requests_per_minute: null })).toEqual({ requests_per_minute: null, images_per_minute: 30 });
    expect((await server.keys.get(id))?.limits).toEqual({ requestsPerMinute: null, imagesPerMinute: 30 });
    await expectErrorResponse(
      await admin(`/admin/keys/${id}/limits`, { method: 'PUT', json: { images_per_minute: -1 } }),
      'INVALID_ARGUMENTS',
    );
    await expectErrorResponse(
      await admin('/admin/keys/key_missing/limits', { method: 'PUT', json: { images_per_minute: 1 } }),
      'INVALID_ARGUMENTS',
    );
  });

  it('answers a key id that does not exist, and a bad body, with INVALID_ARGUMENTS', async () => {
    for (const [path, init] of [
      ['/admin/keys/key_missing', {}],
      ['/admin/keys/key_missing/ledger', {}],
      ['/admin/keys/key_missing/credit', { json: { amount: 1 } }],
      ['/admin/keys/key_missing/revoke', { method: 'POST' }],
    ] as const) {
      const error = await expectErrorResponse(await admin(path, init), 'INVALID_ARGUMENTS');
      expect(error.params).toEqual({ issues: [{ path: 'id', message: 'No key matches key_missing.' }] });
    }
    await expectErrorResponse(await admin('/admin/keys', { json: { credits: -1 } }), 'INVALID_ARGUMENTS');
    await expectErrorResponse(await admin('/admin/keys', { json: { owner: 'x' } }), 'INVALID_ARGUMENTS');
    const { id } = (await (await admin('/admin/keys', { json: {} })).json()) as { id: string; key: string };
    await expectErrorResponse(await admin(`/admin/keys/${id}/credit`, { json: { amount: 0 } }), 'INVALID_ARGUMENTS');
  });

  it('never answers with a key hash', () => {
    // Every answer this file got (creations, lists, ledgers, errors), against every key it made.
    for (const created of answers.filter((text) => text.includes('"key":"sk-op-'))) {
      keysMade.push((JSON.parse(created) as { key: string }).key);
    }
    const hashes = [...new Set(keysMade)].map(hashApiKey);
    expect(answers.length).toBeGreaterThan(10);
    for (const text of answers) {
      for (const hash of hashes) expect(text).not.toContain(hash);
      expect(text).not.toMatch(/"hash"/);
    }
  });
});

describe('with no admin token', () => {
  it('every admin route answers ROUTE_NOT_FOUND, like a path that does not exist', async () => {
    const operations = await adminOperations();
    const off = await startTestServer({ providers: [{ id: 'local', kind: 'local' }] });
    try {
      for (const { method, path } of operations) {
        for (const authorization of [`Bearer ${TOKEN}`, `Key ${off.key}`, null]) {
          const response = await fetch(`${off.url}${path}`, {
            method,
            headers: authorization === null ? {} : { authorization },
          });
          const error = await expectErrorResponse(response, 'ROUTE_NOT_FOUND');
          expect(error.params).toEqual({ method, path });
        }
      }
    } finally {
      await off.close();
    }
  });

  it('every method on every admin path answers as a path that does not exist: no METHOD_NOT_ALLOWED, no Allow', async () => {
    const paths = [...new Set((await adminOperations()).map((o) => o.path)), '/admin', '/admin/', '/admin/nothing'];
    const off = await startTestServer({ providers: [{ id: 'local', kind: 'local' }] });
    try {
      for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        const nowhere = await fetch(`${off.url}/no-such-path`, { method });
        await nowhere.arrayBuffer();
        for (const path of paths) {
          const response = await fetch(`${off.url}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}` } });
          expect(response.status, `${method} ${path}`).toBe(nowhere.status);
          expect(response.headers.get('allow'), `${method} ${path}`).toBe(nowhere.headers.get('allow'));
          // HEAD has no body; OPTIONS is the CORS preflight every path answers alike (204).
          if (method === 'HEAD' || nowhere.status !== 404) continue;
          const error = await expectErrorResponse(response, 'ROUTE_NOT_FOUND');
          expect(error.params).toEqual({ method, path });
        }
      }
    } finally {
      await off.close();
    }
  });
});
