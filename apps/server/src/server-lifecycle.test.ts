import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './store/sqlite/open-database.ts';
import { issueKeyInDataDir } from './testing/issue-key-in-data-dir.ts';
import { expectErrorEnvelope, expectErrorResponse } from './testing/expect-error-envelope.ts';
import { keyHeaders, processClient } from './testing/process-client.ts';
import { startServerProcess } from './testing/start-server-process.ts';
import { startStandInProvider } from './testing/stand-in-provider.ts';
import { startTestServer } from './testing/start-test-server.ts';

// SQLite only: restarts on one data dir and reads its SQLite file directly; the multi-instance
// PostgreSQL tests (testing/multi-instance.test.ts) kill and take over instances on PostgreSQL.

// The server as an operator runs it: `node src/main.ts` in its own process, killed with
// SIGKILL mid-job or stopped with SIGTERM, then started again on the same data dir.

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function freshDataDir(credits: number): Promise<{ dataDir: string; key: string; keyId: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-lifecycle-'));
  dirs.push(dataDir);
  const { key, record } = await issueKeyInDataDir(dataDir, { credits, name: 'lifecycle' });
  return { dataDir, key, keyId: record.id };
}

/** Starts `node src/main.ts` and resolves with its URL once it listens. */
async function startMain(dataDir: string, env: Record<string, string>) {
  const server = await startServerProcess(dataDir, env);
  children.push(server.child);
  return server;
}

async function submitAndWaitUntilProcessing(url: string, key: string) {
  const client = processClient({ url }, key);
  const response = await client.submit('interrupted', { width: 256, height: 256 });
  const { id } = (await response.json()) as { id: string };
  for (;;) {
    if ((await client.poll(id)).status === 'processing') return id;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function resultOf(url: string, key: string, id: string) {
  for (;;) {
    const body = await processClient({ url }, key).poll(id, 2_000);
    if (body.type === 'result') return body;
  }
}

const balanceOf = async (url: string, key: string) =>
  ((await (await fetch(`${url}/v2/balance`, { headers: keyHeaders(key) })).json()) as { balance: number }).balance;

describe('a crash mid-job (SIGKILL)', () => {
  it('a job past its deadline when the server comes back is failed and refunded', async () => {
    const { dataDir, key } = await freshDataDir(10);
    const slow = {
      OPENPIXELS_LOCAL_DELAY_MS: '60000',
      OPENPIXELS_JOB_DEADLINE_MS: '800',
      OPENPIXELS_ATTEMPT_TIMEOUT_MS: '800',
    };
    const first = await startMain(dataDir, slow);
    const id = await submitAndWaitUntilProcessing(first.url, key);
    expect(await balanceOf(first.url, key)).toBe(7);
    first.child.kill('SIGKILL');
    await first.exited;
    await new Promise((resolve) => setTimeout(resolve, 900));

    const second = await startMain(dataDir, slow);
    const result = await resultOf(second.url, key, id);
    expect(result.status).toBe('failed');
    expectErrorEnvelope(result.error, 'SERVICE_UNAVAILABLE');
    expect(await balanceOf(second.url, key)).toBe(10);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('a job still inside its deadline is run again and completes, charged once', async () => {
    const { dataDir, key } = await freshDataDir(10);
    // A killed instance's jobs are taken over once their lease lapses: kept short here.
    const first = await startMain(dataDir, { OPENPIXELS_LOCAL_DELAY_MS: '60000', OPENPIXELS_LEASE_MS: '600' });
    const id = await submitAndWaitUntilProcessing(first.url, key);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await startMain(dataDir, { OPENPIXELS_LEASE_MS: '600' });
    const result = await resultOf(second.url, key, id);
    expect(result).toMatchObject({ status: 'completed', data: { url: expect.stringContaining(second.url) } });
    expect(await balanceOf(second.url, key)).toBe(7);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

describe('a crash while a provider holds the job (SIGKILL)', () => {
  it('the next start polls the job the provider accepted instead of submitting it again', async () => {
    const fal = await startStandInProvider({ protocol: 'fal' });
    try {
      fal.hold(true);
      const { dataDir, key } = await freshDataDir(10);
      const env = {
        OPENPIXELS_PROVIDERS: 'fal',
        OPENPIXELS_FAL_URL: fal.url,
        OPENPIXELS_FAL_KEY: fal.key,
        OPENPIXELS_LEASE_MS: '600',
      };
      const first = await startMain(dataDir, env);
      const id = await submitAndWaitUntilProcessing(first.url, key);
      const submits = () => fal.submits.length;
      // Killed once fal has been polled: by then it accepted the job and its request_id is stored.
      while (!fal.calls.some((c) => c.path.endsWith('/status'))) await new Promise((r) => setTimeout(r, 10));
      first.child.kill('SIGKILL');
      await first.exited;

      fal.hold(false);
      const second = await startMain(dataDir, env);
      const result = await resultOf(second.url, key, id);
      expect(result).toMatchObject({ status: 'completed', meta: { provider: 'fal' } });
      expect(submits()).toBe(1);
      expect(await balanceOf(second.url, key)).toBe(7);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      await fal.close();
    }
  });
});

describe('graceful shutdown (SIGTERM)', () => {
  it('lets the running job finish, then exits 0', async () => {
    const { dataDir, key } = await freshDataDir(10);
    const server = await startMain(dataDir, { OPENPIXELS_LOCAL_DELAY_MS: '700' });
    const id = await submitAndWaitUntilProcessing(server.url, key);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const db = openDatabase(dataDir);
    const row = db.prepare('SELECT status FROM jobs WHERE id = ?').get(id) as { status: string };
    db.close();
    expect(row.status).toBe('completed');
  });

  it('while draining, new work gets SERVICE_UNAVAILABLE with Retry-After and readiness turns 503', async () => {
    const server = await startTestServer({ local: { delayMs: 600 }, shutdownTimeoutMs: 5_000 });
    const running = await server.call('/v2/submit', {
      json: { model: 'flux-schnell', prompt: 'drain', width: 256, height: 256 },
    });
    const { id } = (await running.json()) as { id: string };
    const closing = server.close();
    const refused = await server.call('/v2/submit', { json: { model: 'flux-schnell', prompt: 'late' } });
    expect(refused.headers.get('retry-after')).toBe('5');
    await expectErrorResponse(refused, 'SERVICE_UNAVAILABLE');
    await expectErrorResponse(await server.call('/readyz'), 'SERVICE_UNAVAILABLE');
    expect((await server.call('/status')).status).toBe(200);
    const result = (await (await server.call(`/v2/poll/${id}?wait_ms=5000`)).json()) as { status: string };
    expect(result.status).toBe('completed');
    await closing;
  });
});
