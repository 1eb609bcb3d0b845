import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';
import { RESERVED_CONNECTIONS } from './connection-cap.ts';

// A flood of slow sockets (connected, never sending a request) against a server capped at
// 20 connections: past the cap, API requests are refused at once, /status still answers,
// and the server serves normally once the flood is gone. Bounded: 20 + 60 sockets on 127.0.0.1.

const CAP = 20;
let server: TestServer;
const sockets: Socket[] = [];
beforeAll(async () => {
  server = await startTestServer({ maxConnections: CAP, credits: 100 });
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await server.close();
});

function slowSocket(): Promise<Socket> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
    socket.on('error', () => undefined); // an evicted socket is reset; that is the point
    socket.once('error', reject);
    sockets.push(socket);
  });
}

/** One request on a fresh connection (no pooling), so it counts against the cap. */
function freshRequest(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: unknown }> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    const req = request(
      `${server.url}${path}`,
      {
        method: init.method ?? 'GET',
        agent: false,
        headers: {
          authorization: `Key ${server.key}`,
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const job = { model: 'flux-schnell', prompt: 'a flood', width: 256, height: 256 };

it('past the cap: submits refused fast with SERVICE_UNAVAILABLE, /status answers, the flood is bounded', async () => {
  for (let i = 0; i < CAP; i++) await slowSocket();
  const evicted: Promise<void>[] = [];
  for (let i = 0; i < 60; i++) {
    const socket = await slowSocket();
    evicted.push(new Promise((resolve) => socket.once('close', () => resolve())));
  }
  // The 60 over the cap: only RESERVED_CONNECTIONS of them are kept, the rest were closed.
  await Promise.race([
    Promise.all(evicted.slice(0, 60 - RESERVED_CONNECTIONS)),
    new Promise((r) => setTimeout(r, 5_000)),
  ]);
  const closed = sockets.filter((s) => s.destroyed || s.readyState === 'closed').length;
  expect(closed).toBeGreaterThanOrEqual(60 - RESERVED_CONNECTIONS);

  const refused = await freshRequest('/v2/submit', { method: 'POST', body: job });
  expect(refused.status).toBe(503);
  expect(refused.headers.connection).toBe('close');
  expect(refused.headers['retry-after']).toBe('1');
  expectErrorEnvelope(refused.body, 'SERVICE_UNAVAILABLE');
  expect((await server.keyRecord())?.balance).toBe(100);

  for (let i = 0; i < 5; i++)
    expect(await freshRequest('/status')).toMatchObject({ status: 200, body: { status: 'ok' } });
  expect(await freshRequest('/readyz')).toMatchObject({ status: 200 });
});

it('once the flood is gone, work is accepted again', async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const accepted = await freshRequest('/v2/submit', { method: 'POST', body: job });
  expect(accepted.status).toBe(200);
  const result = await waitForResult(server, (accepted.body as { id: string }).id);
  expect(result.status).toBe('completed');
});
