import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { DATABASE_FILE } from '../store/sqlite/open-database.ts';
import { holdWriteLock } from '../testing/hold-write-lock-process.ts';
import { issueKeyInDataDir } from '../testing/issue-key-in-data-dir.ts';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { expectLedgerConsistent } from '../testing/expect-ledger-consistent.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { processClient } from '../testing/process-client.ts';
import { type ServerProcess, startServerProcess } from '../testing/start-server-process.ts';

// The storage stays unavailable (another process holds the SQLite write lock) past the
// deadline of two running jobs: one whose provider delivers during the outage, one whose
// provider never answers. Both stay owned by the server; once the lock is gone each is
// finished as what really happened (the delivered image; a timeout, refunded), with one
// warning per job rather than one per retry, and the process answers throughout.
// SQLite only: the outage is another process holding the SQLite file's write lock (the
// PostgreSQL store's outage, a database gone, is tested in store/postgres/).

/** The jobs' deadline, and how long the lock is held: long enough for a loaded machine to take the lock before the deadline. */
const DEADLINE_MS = 10_000;
const LOCK_MS = 13_000;
const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-outage-'));
const processes: ServerProcess[] = [];
const standIns: StandInProvider[] = [];
afterEach(async () => {
  for (const p of processes.splice(0)) p.kill();
  await Promise.all(standIns.splice(0).map((s) => s.close()));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3_000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`never happened: ${what}`);
}

it('jobs whose final write waits out an outage longer than their deadline are finished as what happened, once it ends', async () => {
  const { key } = await issueKeyInDataDir(dataDir, { credits: 100, name: 'outage' });
  const fal = await startStandInProvider({ protocol: 'fal' });
  const replicate = await startStandInProvider({ protocol: 'replicate' });
  standIns.push(fal, replicate);
  fal.hold(true);
  replicate.hold(true);
  const server = await startServerProcess(dataDir, {
    OPENPIXELS_PROVIDERS: 'fal,replicate',
    OPENPIXELS_FAL_URL: fal.url,
    OPENPIXELS_FAL_KEY: fal.key,
    OPENPIXELS_REPLICATE_URL: replicate.url,
    OPENPIXELS_REPLICATE_KEY: replicate.key,
    OPENPIXELS_PROVIDER_POLL_INTERVAL_MS: '20',
    OPENPIXELS_JOB_DEADLINE_MS: String(DEADLINE_MS),
    OPENPIXELS_ATTEMPT_TIMEOUT_MS: String(DEADLINE_MS),
    OPENPIXELS_LOCK_WAIT_MS: '100',
    OPENPIXELS_LOG_LEVEL: 'info',
  });
  processes.push(server);
  const client = processClient(server, key);
  const submit = async (provider: string) => {
    const response = await client.submit(`via ${provider}`, { config: { routing: { whitelist: [provider] } } });
    return ((await response.json()) as { id: string }).id;
  };
  const { poll } = client;

  const submittedAt = Date.now();
  const delivered = await submit('fal');
  const timedOut = await submit('replicate');
  await until(() => fal.calls.some((c) => c.path.endsWith('/status')), 'fal polled');
  await until(() => replicate.calls.some((c) => c.method === 'GET'), 'replicate polled');

  // Held past the jobs' deadline: fal delivers inside it, replicate never does.
  const lock = await holdWriteLock(join(dataDir, DATABASE_FILE), LOCK_MS);
  // Reads go on under the write lock: both jobs must still be unfinished as the outage begins.
  expect((await poll(timedOut)).status, 'the lock came before the deadline').toBe('processing');
  fal.hold(false);
  await until(() => fal.calls.some((c) => c.method === 'GET' && /\/requests\/[^/]+$/.test(c.path)), 'result read');
  // The deadline is a time by nature: wait until it has passed (plus the sweep's grace).
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, submittedAt + DEADLINE_MS + 600 - Date.now())));
  // Past both deadlines and still locked: each still unfinished (owned, not given up), the server answering.
  expect((await poll(delivered)).status).toBe('processing');
  expect((await poll(timedOut)).status).toBe('processing');
  expect((await fetch(`${server.url}/status`)).status).toBe(200);

  await lock.released;
  const completed = await poll(delivered, 10_000);
  expect(completed).toMatchObject({ status: 'completed', data: { url: expect.stringContaining(fal.url) } });
  const failed = await poll(timedOut, 10_000);
  expect(failed.status).toBe('failed');
  expectErrorEnvelope(failed.error, 'PROVIDER_TIMEOUT');
  expect(server.child.exitCode).toBeNull();

  // One warning per job for the whole outage, and one line when its write went through. That
  // line is written after the commit a poll can already see, so the child's output may lag it.
  const storedLine = (id: string) => (line: string) =>
    line.includes(id) && line.includes('storage') && line.includes('"level":30');
  for (const id of [delivered, timedOut]) {
    await until(() => server.output().split('\n').some(storedLine(id)), `the stored line of ${id}`);
  }
  const lines = server.output().split('\n');
  for (const id of [delivered, timedOut]) {
    const about = lines.filter((line) => line.includes(id) && line.includes('storage'));
    expect(
      about.filter((line) => line.includes('"level":40')),
      id,
    ).toHaveLength(1);
    expect(
      about.filter((line) => line.includes('"level":30')),
      id,
    ).toHaveLength(1);
  }
  // The sweep and the heartbeat met the outage too: one line each at most when it began, not one per beat.
  for (const task of ['job sweep', 'lease heartbeat']) {
    expect(lines.filter((line) => line.includes(task) && line.includes('"level":50')).length, task).toBeLessThanOrEqual(
      1,
    );
  }
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  // The delivered job charged (3), the timed-out one refunded.
  expect([...expectLedgerConsistent(dataDir).values()]).toEqual([97]);
}, 60_000);
