import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { DATABASE_FILE } from '../store/sqlite/open-database.ts';
import { holdWriteLock } from '../testing/hold-write-lock-process.ts';
import { issueKeyInDataDir } from '../testing/issue-key-in-data-dir.ts';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { expectLedgerConsistent } from '../testing/expect-ledger-consistent.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { processClient } from '../testing/process-client.ts';
import { jobRows, pollResult, until } from '../testing/server-process-client.ts';
import { falStandInEnv, type ServerProcess, startServerProcess } from '../testing/start-server-process.ts';

// Another process (the keys CLI, a backup) holding the SQLite write lock for seconds. The
// server process must keep answering /status and polls, answer submits it cannot store with
// SERVICE_UNAVAILABLE (uncharged), and store a finished job's result once the lock is gone.

const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-lock-'));
const processes: ServerProcess[] = [];
const standIns: StandInProvider[] = [];
afterEach(async () => {
  for (const p of processes.splice(0)) p.kill();
  await Promise.all(standIns.splice(0).map((s) => s.close()));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * A server process on a data dir of its own (inside this file's), so a job one test leaves
 * unfinished is never taken over by the next test's server; with a fal stand-in and a key of
 * 100 credits. `env` adds to the stand-in's settings; the result carries both for a restart.
 */
async function startOnOwnDataDir(name: string, env: Record<string, string>) {
  const dir = mkdtempSync(join(dataDir, `${name.replaceAll(' ', '-')}-`));
  const { key, record } = await issueKeyInDataDir(dir, { credits: 100, name });
  const fal = await startStandInProvider({ protocol: 'fal' });
  standIns.push(fal);
  const serverEnv = { ...falStandInEnv(fal), ...env };
  const server = await startServerProcess(dir, serverEnv);
  processes.push(server);
  return { dir, key, record, fal, server, env: serverEnv };
}

it('a 3 s write lock held by another process: /status and polls answer, submits are refused uncharged, a finished job is stored after', async () => {
  const { key } = await issueKeyInDataDir(dataDir, { credits: 100, name: 'lock' });
  const fal = await startStandInProvider({ protocol: 'fal' });
  standIns.push(fal);
  const server = await startServerProcess(dataDir, {
    ...falStandInEnv(fal),
    OPENPIXELS_LOCK_WAIT_MS: '300',
  });
  processes.push(server);
  const { headers, submit, poll } = processClient(server, key);

  fal.hold(true);
  const running = (await (await submit('finishes during the lock')).json()) as { id: string };

  const lock = await holdWriteLock(join(dataDir, DATABASE_FILE), 3_000);
  // While locked: liveness and reads answer promptly (before, every request waited out the
  // 5 s busy timeout on the event loop); each is bounded generously, the point is "not seconds".
  const slowest = { status: 0, poll: 0 };
  const probes = (async () => {
    for (let i = 0; i < 20; i++) {
      let started = performance.now();
      expect((await fetch(`${server.url}/status`)).status).toBe(200);
      slowest.status = Math.max(slowest.status, performance.now() - started);
      started = performance.now();
      const answer = await fetch(`${server.url}/v2/poll/${running.id}?wait_ms=0`, { headers });
      expect(answer.status).toBe(200);
      slowest.poll = Math.max(slowest.poll, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  const refused = await submit('during the lock');
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('2');
  await expectErrorResponse(refused, 'SERVICE_UNAVAILABLE');

  // The provider finishes while the lock is held: the completion waits, it is not failed.
  fal.hold(false);
  await probes;
  expect(slowest.status).toBeLessThan(1_000);
  expect(slowest.poll).toBeLessThan(1_000);
  expect((await poll(running.id)).status).toBe('processing');

  await lock.released;
  expect((await poll(running.id, 10_000)).status).toBe('completed');
  const after = await submit('after the lock');
  expect(after.status).toBe(200);
  expect(server.child.exitCode).toBeNull();
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  // Two jobs charged (3 each); the refused submit left nothing behind.
  expect([...expectLedgerConsistent(dataDir).values()]).toEqual([94]);
});

it('a provider accepts a job while another process holds the lock: its request id is stored after, and a restart resumes it instead of paying again', async () => {
  // A short lease, so the restart takes the killed process's job over soon. The id's write is
  // retried for up to a lease, with pauses that double: 6 s keeps tries going well past the lock.
  const { dir, key, record, fal, server, env } = await startOnOwnDataDir('upstream during lock', {
    OPENPIXELS_LEASE_MS: '6000',
  });

  fal.hold(true);
  fal.holdSubmits(true);
  const running = (await (await processClient(server, key).submit('accepted during the lock')).json()) as {
    id: string;
  };
  const lock = await holdWriteLock(join(dir, DATABASE_FILE), 1_000);
  // fal answers the submit (its request_id) while the lock is held: the first write of it fails.
  fal.holdSubmits(false);
  await lock.released;
  await until(() => jobRows(dir).some((r) => r.id === running.id && r.upstream !== null), 'request id stored');

  // Killed with the job in flight: the next start must poll fal's job, not submit another.
  server.child.kill('SIGKILL');
  await server.exited;
  const restarted = await startServerProcess(dir, env);
  processes.push(restarted);
  fal.hold(false);
  expect(await pollResult(restarted.url, key, running.id)).toMatchObject({ status: 'completed' });
  expect(fal.submits).toHaveLength(1);
  expect(expectLedgerConsistent(dir).get(record.id)).toBe(97);
});

it("an owner's cancel while another process holds the lock for 1 s waits it out and cancels, refunded once", async () => {
  // Retried with pauses that double, up to this: 6 s keeps tries going well past the 1 s lock.
  const { dir, key, record, fal, server } = await startOnOwnDataDir('cancel during lock', {
    OPENPIXELS_LOCK_WAIT_MS: '6000',
  });
  const { headers, submit, poll } = processClient(server, key);
  fal.hold(true);
  const running = (await (await submit('cancelled during the lock')).json()) as { id: string };
  await until(() => jobRows(dir).some((r) => r.id === running.id && r.upstream !== null), 'request id stored');

  const lock = await holdWriteLock(join(dir, DATABASE_FILE), 1_000);
  const cancelled = await fetch(`${server.url}/v2/cancel/${running.id}`, {
    method: 'POST',
    headers: { authorization: headers.authorization },
  });
  const body = (await cancelled.json()) as { status: string };
  expect(cancelled.status, JSON.stringify(body)).toBe(200);
  expect(body.status).toBe('cancelled');
  await lock.released;
  expect((await poll(running.id)).status).toBe('cancelled');
  expect(expectLedgerConsistent(dir).get(record.id)).toBe(100);
});

it('an attempt that fails while another process holds the lock is still counted: meta.attempts is every try the provider saw', async () => {
  // Retried with pauses that double, up to this: 6 s keeps tries going well past the 1 s lock.
  const { dir, key, fal, server } = await startOnOwnDataDir('attempt during lock', { OPENPIXELS_LOCK_WAIT_MS: '6000' });

  fal.holdSubmits(true);
  fal.setMode('http-500');
  const job = (await (await processClient(server, key).submit('fails once during the lock')).json()) as { id: string };
  const lock = await holdWriteLock(join(dir, DATABASE_FILE), 1_000);
  // fal answers the first submit 500 while the lock is held; the retry after it finds fal well.
  fal.holdSubmits(false);
  await new Promise((resolve) => setTimeout(resolve, 200));
  fal.setMode('ok');
  await lock.released;
  const result = await pollResult(server.url, key, job.id);
  const submits = fal.submits.length;
  expect(submits).toBeGreaterThanOrEqual(2);
  expect(result).toMatchObject({ status: 'completed', meta: { provider: 'fal', attempts: submits } });
});

it('operator and key-holder writes during a 1 s lock wait it out: a credit, new limits, provider keys and a revoke that cancels a running job', async () => {
  const admin = 'admin-token-for-the-lock-test';
  // Retried with pauses that double, up to this: 6 s keeps tries going well past each 1 s lock.
  const { dir, key, record, fal, server } = await startOnOwnDataDir('admin during lock', {
    OPENPIXELS_LOCK_WAIT_MS: '6000',
    OPENPIXELS_ADMIN_TOKEN: admin,
    OPENPIXELS_SECRET_KEY: 'ab'.repeat(32),
  });
  const { headers, submit } = processClient(server, key);
  fal.hold(true);
  const running = (await (await submit('running when its key is revoked')).json()) as { id: string };
  await until(() => jobRows(dir).some((r) => r.id === running.id && r.upstream !== null), 'request id stored');

  /** `send` while another process holds the write lock for 1 s: answered once the lock is gone, not 503. */
  const duringLock = async (send: () => Promise<Response>) => {
    const lock = await holdWriteLock(join(dir, DATABASE_FILE), 1_000);
    const answer = await send();
    const body = (await answer.json()) as Record<string, unknown>;
    expect(answer.status, JSON.stringify(body)).toBe(200);
    await lock.released;
    return body;
  };
  const operator = (path: string, method: string, body?: unknown) => () =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  expect(await duringLock(operator(`/admin/keys/${record.id}/credit`, 'POST', { amount: 50 }))).toMatchObject({
    balance: 147, // 100, less the running job's 3, plus 50
  });
  expect(
    await duringLock(operator(`/admin/keys/${record.id}/limits`, 'PUT', { requests_per_minute: 1000 })),
  ).toMatchObject({ limits: { requests_per_minute: 1000 } });
  expect(
    await duringLock(() =>
      fetch(`${server.url}/v2/provider-keys`, {
        method: 'PUT',
        headers: { authorization: headers.authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ replicate: 'r8_own_token_for_the_lock_test' }),
      }),
    ),
  ).toEqual({ fal: false, replicate: true, reroute: false });
  expect(await duringLock(operator(`/admin/keys/${record.id}/revoke`, 'POST'))).toEqual({
    id: record.id,
    revoked: true,
    cancelled: [running.id],
  });
  expect(expectLedgerConsistent(dir).get(record.id)).toBe(150);
  await expectErrorResponse(await fetch(`${server.url}/v2/balance`, { headers }), 'INVALID_API_KEY');
});
