import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../../testing/expect-error-envelope.ts';
import { expectStoreLedgerConsistent } from '../../testing/expect-ledger-consistent.ts';
import { runServerProcessToExit } from '../../testing/start-server-process.ts';
import { startTestServer, type TestServer } from '../../testing/start-test-server.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';

/**
 * A TCP hop between the gateway and PostgreSQL that can be cut (every connection reset, new
 * ones refused) and restored on the same port: the database going away, as a network sees it.
 */
async function startCuttableHop(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address();
        port = typeof address === 'object' && address ? address.port : port;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return port;
    },
    async cut() {
      await new Promise<void>((resolve) => {
        server?.close(() => resolve());
        for (const s of sockets) s.resetAndDestroy();
      });
    },
    restore: listen,
  };
}

describe('PostgreSQL down or gone', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('unreachable at start: the process stops with one line naming OPENPIXELS_DATABASE_URL, exit 2, no password or stack', async () => {
    const hop = await startCuttableHop({ host: '127.0.0.1', port: 1 });
    await hop.cut();
    const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-pg-down-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const { code, stderr } = await runServerProcessToExit(dataDir, {
      OPENPIXELS_DATABASE_URL: `postgres://gateway:s3cret@127.0.0.1:${hop.port}/openpixels`,
    });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      `openpixels: cannot start: the database postgres://gateway:***@127.0.0.1:${hop.port}/openpixels cannot be used: it is unreachable (ECONNREFUSED). Check OPENPIXELS_DATABASE_URL and that the database is up.`,
    ]);
  });

  it('a URL that is not postgres:// is refused by the configuration check, without echoing it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-pg-bad-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const { code, stderr } = await runServerProcessToExit(dataDir, {
      OPENPIXELS_DATABASE_URL: 'mysql://u:hunter2@h/db',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('OPENPIXELS_DATABASE_URL must be a postgres:// (or postgresql://) URL');
    expect(stderr).not.toContain('hunter2');
  });

  it('gone while serving: submits answer SERVICE_UNAVAILABLE (503, Retry-After), never a 500; back, nothing was charged', async () => {
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.drop());
    const cluster = new URL(inject('postgresUrl'));
    const hop = await startCuttableHop({ host: cluster.hostname, port: Number(cluster.port) });
    const viaHop = new URL(database.url);
    viaHop.port = String(hop.port);
    const server: TestServer = await startTestServer({ databaseUrl: viaHop.toString(), credits: 10, lockWaitMs: 300 });
    cleanups.push(() => server.close());
    const submit = () =>
      server.call('/v2/submit', { json: { model: 'flux-dev', prompt: 'outage', width: 256, height: 256 } });
    expect((await submit()).status).toBeLessThan(300);

    await hop.cut();
    for (let i = 0; i < 3; i++) {
      const response = await submit();
      await expectErrorResponse(response, 'SERVICE_UNAVAILABLE', {
        secrets: ['ECONNREFUSED', 'CONNECTION_', 'postgres'],
      });
      expect(response.headers.get('retry-after')).toBe('2');
    }
    const balance = await server.call('/v2/balance');
    expect(balance.status).toBe(503);

    await hop.restore();
    await expect.poll(async () => (await server.call('/v2/balance')).status, { timeout: 10_000 }).toBe(200);
    // Only the first job was charged: the refused submits stored nothing and took nothing.
    expect(await (await server.call('/v2/balance')).json()).toMatchObject({ balance: 7 });
    await expectStoreLedgerConsistent(server);
  });
});
