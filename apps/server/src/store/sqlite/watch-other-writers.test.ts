import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { admissionRules } from '../../jobs/admission.ts';
import { issueApiKey } from '../../keys/issue-api-key.ts';
import { issueKeyInDataDir } from '../../testing/issue-key-in-data-dir.ts';
import { keyHeaders } from '../../testing/process-client.ts';
import { jobRows, submitJob, until } from '../../testing/server-process-client.ts';
import { type StandInProvider, startStandInProvider } from '../../testing/stand-in-provider.ts';
import { falStandInEnv, type ServerProcess, startServerProcess } from '../../testing/start-server-process.ts';
import { DATABASE_FILE } from './open-database.ts';
import { openSqliteStore } from './open-sqlite-store.ts';

// SQLite only: two connections to one file, the way two processes on one data dir share it.

const ATTEMPT = { provider: 'local', code: 'ok', message: 'completed', duration_ms: 1 };
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a SQLite store sees jobs another connection finishes, while they are watched', () => {
  it('announces a watched job finished elsewhere, and nothing once it is no longer watched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openpixels-watch-'));
    dirs.push(dir);
    const a = openSqliteStore(dir);
    const b = openSqliteStore(dir);
    try {
      const { record } = await issueApiKey(a.keys, { credits: 10, name: 'watch' });
      const job = (owner: string) => ({
        keyId: record.id,
        model: 'flux-schnell' as const,
        prompt: 'watched',
        width: 256,
        height: 256,
        routing: { strategy: 'best' as const },
        price: 1,
        deadlineMs: 60_000,
        rules: admissionRules({ maxActiveJobsPerKey: 100 }),
        startsNow: { owner, until: Date.now() + 60_000 },
      });
      const heard: string[] = [];
      b.onJobFinished((id) => heard.push(id));

      const watched = (await a.jobs.create(job('a'))).job;
      const stopWatching = b.watchJob(watched.id);
      expect(await a.jobs.complete(watched.id, 'local', 'https://images.example/w.png', ATTEMPT)).toBe(true);
      await expect.poll(() => heard).toEqual([watched.id]);
      stopWatching();

      // Not watched: B hears nothing of it, however long it would look.
      const unwatched = (await a.jobs.create(job('a'))).job;
      await a.jobs.complete(unwatched.id, 'local', 'https://images.example/u.png', ATTEMPT);
      const another = (await a.jobs.create(job('a'))).job;
      const stop = b.watchJob(another.id);
      await a.jobs.complete(another.id, 'local', 'https://images.example/v.png', ATTEMPT);
      await expect.poll(() => heard).toEqual([watched.id, another.id]);
      stop();
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('two server processes on one data dir', () => {
  const processes: ServerProcess[] = [];
  let fal: StandInProvider | undefined;
  afterEach(async () => {
    for (const p of processes.splice(0)) p.kill();
    await fal?.close();
  });

  it('a long poll on B for a job A runs answers soon after A finishes it, not at the end of its wait', async () => {
    fal = await startStandInProvider({ protocol: 'fal' });
    const standIn = fal;
    standIn.hold(true);
    const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-watch-processes-'));
    dirs.push(dataDir);
    const { key } = await issueKeyInDataDir(dataDir, { credits: 100, name: 'watch' });
    const [a, b] = await Promise.all([1, 2].map(() => startServerProcess(dataDir, falStandInEnv(standIn))));
    processes.push(a as ServerProcess, b as ServerProcess);
    const id = await submitJob((a as ServerProcess).url, key, 'polled on the other process');
    await until(() => standIn.calls.some((c) => c.path.endsWith('/status')), 'the job is at the provider');

    const WAIT_MS = 10_000;
    const poll = fetch(`${(b as ServerProcess).url}/v2/poll/${id}?wait_ms=${WAIT_MS}`, {
      headers: keyHeaders(key),
    }).then(async (response) => ({ body: (await response.json()) as { status: string }, at: Date.now() }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const released = Date.now();
    standIn.hold(false);
    const { body, at } = await poll;
    expect(body.status).toBe('completed');
    expect(jobRows(dataDir).find((row) => row.id === id)?.owner).toContain(`:${(a as ServerProcess).child.pid}:`);
    const side = new DatabaseSync(join(dataDir, DATABASE_FILE), { readOnly: true });
    const { finished_at } = side.prepare('SELECT finished_at FROM jobs WHERE id = ?').get(id) as {
      finished_at: number;
    };
    side.close();
    // Before the watch, B answered at the end of its wait (10.01 s). The figure the README gives:
    console.info(
      `cross-process long poll on one SQLite file: answered ${at - finished_at} ms after A committed the finish (${at - released} ms after the release)`,
    );
    expect(at - released, 'woken by the finish, not by the end of the wait').toBeLessThan(WAIT_MS / 2);
  });
});
