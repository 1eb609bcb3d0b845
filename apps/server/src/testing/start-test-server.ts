import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findApiKey } from '../keys/find-api-key.ts';
import { type RunningServer, type StartServerOptions, startServer } from '../server.ts';
import { type TestDatabase, testDatabaseFor } from './test-database.ts';
import type { ApiKeyRecord } from '../store/store.ts';

/** A server for one test file: its own data dir, port 0, no logs, a funded key, and a `call` helper. */
export interface TestServer extends RunningServer {
  dataDir: string;
  /** A key holding the credits asked for (1,000 by default). */
  key: string;
  /** fetch() against the server, with the key unless `auth: false` or an Authorization header is given. */
  call(path: string, init?: RequestInit & { auth?: boolean; json?: unknown }): Promise<Response>;
  /** The stored record (balance…) of `key`, the test key by default. */
  keyRecord(key?: string): Promise<ApiKeyRecord | undefined>;
}

/** Options of `startTestServer`: the server's, plus the test key's credits. */
export type TestServerOptions = StartServerOptions & { credits?: number; keepDataDir?: boolean };

/**
 * Which store test servers get when a test does not say (`databaseUrl`): SQLite, or with
 * OPENPIXELS_TEST_STORE=postgres (the `postgres` vitest project) a fresh database in the
 * run's throwaway PostgreSQL, so the same tests hold both stores to the same behaviour.
 */
export const testStore: 'sqlite' | 'postgres' =
  process.env.OPENPIXELS_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * Starts a real server on 127.0.0.1:0 with a fresh data dir (and, on the postgres project, a
 * fresh database); `close()` also removes them.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { credits = 1_000, keepDataDir = false, ...serverOptions } = options;
  const dataDir = serverOptions.dataDir ?? mkdtempSync(join(tmpdir(), 'openpixels-server-'));
  let database: TestDatabase | undefined;
  if (serverOptions.databaseUrl === undefined && testStore === 'postgres') {
    database = await testDatabaseFor(dataDir);
    serverOptions.databaseUrl = database.url;
  }
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    shutdownTimeoutMs: 2_000,
    providerPollIntervalMs: 10,
    retryBackoffMs: 5,
    // Tests see the same doc_url whether or not the docs site happens to be built; a test of
    // the served docs passes the directory itself.
    docsDir: null,
    ...serverOptions,
    dataDir,
  });
  const { key } = await server.createApiKey({ credits, name: 'test' });
  return {
    ...server,
    dataDir,
    key,
    call(path, init = {}) {
      const { auth = true, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (auth && !headers.has('authorization')) headers.set('authorization', `Key ${key}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${server.url}${path}`, {
        ...rest,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json), method: rest.method ?? 'POST' } : {}),
      });
    },
    keyRecord(which = key) {
      return findApiKey(server.keys, which);
    },
    async close() {
      await server.close();
      if (!keepDataDir && !options.dataDir) {
        rmSync(dataDir, { recursive: true, force: true });
        await database?.drop();
      }
    },
  };
}

/** Polls a job until it is a result (long polls of at most `waitMs`), and returns that result. */
export async function waitForResult(
  server: TestServer,
  id: string,
  key = server.key,
): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const response = await server.call(`/v2/poll/${id}?wait_ms=2000`, {
      headers: { authorization: `Key ${key}` },
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status !== 200) throw new Error(`poll answered HTTP ${response.status}: ${JSON.stringify(body)}`);
    if (body.type === 'result') return body;
  }
  throw new Error(`job ${id} did not finish`);
}
