import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectLedgerConsistent } from '../testing/expect-ledger-consistent.ts';
import { issueKeyInDataDir } from '../testing/issue-key-in-data-dir.ts';
import { openJobRowReader, ownerPid } from '../testing/job-row-reader.ts';
import { expectKillsSurvived, killUnderLoad } from '../testing/kill-under-load.ts';
import { keyHeaders } from '../testing/process-client.ts';
import { jobRows, pollResult, submitJob, until } from '../testing/server-process-client.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { falStandInEnv, type ServerProcess, startServerProcess } from '../testing/start-server-process.ts';
import { workerPids } from '../testing/worker-pids.ts';

// OPENPIXELS_WORKERS=2 with real processes: a primary, two workers on one port, one data dir.
const processes: ServerProcess[] = [];
const dirs: string[] = [];
let fal: StandInProvider | undefined;
afterEach(async () => {
  for (const p of processes.splice(0)) {
    for (const pid of workerPids(p)) process.kill(pid, 'SIGKILL');
    p.kill();
  }
  await fal?.close();
  fal = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function startWorkers(env: Record<string, string> = {}, credits = 1_000) {
  const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-workers-'));
  dirs.push(dataDir);
  const { key } = await issueKeyInDataDir(dataDir, { credits, name: 'workers' });
  const primary = await startServerProcess(dataDir, { OPENPIXELS_WORKERS: '2', ...env });
  processes.push(primary);
  return { dataDir, key, primary };
}

describe('OPENPIXELS_WORKERS=2', () => {
  it('serves from two workers on one port and shuts down cleanly on SIGTERM', async () => {
    const { dataDir, key, primary } = await startWorkers();
    const workers = workerPids(primary);
    expect(workers).toHaveLength(2);
    const ids = await Promise.all(Array.from({ length: 16 }, (_, i) => submitJob(primary.url, key, `worker job ${i}`)));
    for (const id of ids) expect(await pollResult(primary.url, key, id)).toMatchObject({ status: 'completed' });
    // Each job is run by the worker that accepted it: both took some.
    expect(new Set(jobRows(dataDir).map((row) => row.owner)).size).toBe(2);

    primary.child.kill('SIGTERM');
    expect(await primary.exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0), `worker ${pid} exited`).toThrow();
    expectLedgerConsistent(dataDir);
  });

  it('a long poll held by one worker answers as soon as the other finishes the job', async () => {
    fal = await startStandInProvider({ protocol: 'fal' });
    fal.hold(true);
    const { key, primary } = await startWorkers(falStandInEnv(fal));
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => submitJob(primary.url, key, `poll job ${i}`)));
    await until(() => (fal?.calls.filter((c) => c.path.endsWith('/status')).length ?? 0) >= ids.length, 'jobs at fal');
    // Three polls per job on fresh connections, handed to the workers in turn: many land on the
    // worker that is not running their job. Each may wait 8 s; every one must answer with the result long before.
    const started = performance.now();
    const polls = ids.flatMap((id) =>
      [1, 2, 3].map(async () => {
        const response = await fetch(`${primary.url}/v2/poll/${id}?wait_ms=8000`, {
          headers: { ...keyHeaders(key), connection: 'close' },
        });
        return { body: (await response.json()) as Record<string, unknown>, ms: performance.now() - started };
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    fal.hold(false);
    const answers = await Promise.all(polls);
    for (const { body, ms } of answers) {
      expect(body).toMatchObject({ type: 'result', status: 'completed' });
      expect(ms, 'answered on the finish, not at the end of the wait').toBeLessThan(5_000);
    }
  });

  it('a worker that crashes is replaced, and its jobs are resumed upstream, not submitted again', async () => {
    fal = await startStandInProvider({ protocol: 'fal' });
    const standIn = fal;
    standIn.hold(true);
    const { dataDir, key, primary } = await startWorkers(falStandInEnv(standIn));
    const before = workerPids(primary);
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => submitJob(primary.url, key, `crash job ${i}`)));
    await until(() => jobRows(dataDir).every((row) => row.upstream !== null), 'upstream ids stored');

    const victim = before[0] as number;
    const killedAt = performance.now();
    process.kill(victim, 'SIGKILL');
    await until(() => {
      const now = workerPids(primary);
      return now.length === 2 && !now.includes(victim);
    }, 'a replacement worker');
    standIn.hold(false);
    // Default 15 s lease: the primary ended the dead worker's leases, so this does not wait for them.
    const results = await Promise.all(ids.map((id) => pollResult(primary.url, key, id)));
    for (const result of results) expect(result).toMatchObject({ status: 'completed', meta: { attempts: 1 } });
    expect(performance.now() - killedAt, 'resumed well inside the 15 s lease').toBeLessThan(10_000);
    const submits = standIn.submits;
    expect(submits).toHaveLength(ids.length);
    expect([...expectLedgerConsistent(dataDir).values()]).toEqual([1_000 - 3 * ids.length]);

    primary.child.kill('SIGTERM');
    expect(await primary.exited).toBe(0);
  });

  it('workers SIGKILLed under load: every job finishes once, charged once, and the dead worker’s jobs are resumed upstream', {
    timeout: 120_000,
  }, async () => {
    // Jobs take ten provider status polls (about 200 ms), so every kill leaves jobs in flight.
    fal = await startStandInProvider({ protocol: 'fal', pollsBeforeDone: 10 });
    const standIn = fal;
    const credits = 100_000;
    const { dataDir, key, primary } = await startWorkers(falStandInEnv(standIn), credits);
    const rows = openJobRowReader({ dataDir, databaseUrl: null });
    try {
      let before: number[] = [];
      // Replaced once the new worker serves (at most 60 s: a full suite on the loaded machine took
      // more than 30 s once): it runs a job of its own (a worker still starting
      // would only meet the test's closing SIGTERM half-started).
      const serving = () => {
        const fresh = workerPids(primary).filter((pid) => !before.includes(pid));
        return fresh.length === 1 && jobRows(dataDir).some((row) => ownerPid(row.owner) === fresh[0]);
      };
      const report = await killUnderLoad(
        {
          urls: () => [primary.url],
          victim: () => {
            before = workerPids(primary);
            return before[0] as number;
          },
          async replaced() {
            for (let i = 0; i < 1_200 && !serving(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
            expect(serving(), 'a replacement worker serves').toBe(true);
          },
          rows,
          standIn,
          key,
        },
        { kills: 2, clients: 8, betweenKillsMs: 1_500 },
      );
      const figures = expectKillsSurvived(report);
      console.info(
        `SQLite, OPENPIXELS_WORKERS=2, 2 worker SIGKILLs under load: ${figures.upstreamSubmits} upstream submits for ${figures.jobs} jobs (${figures.takenOver} taken over: ${report.resumable.length} resumed upstream, ${report.unresumable.length} before a provider had accepted them)`,
      );
      expect([...expectLedgerConsistent(dataDir).values()]).toEqual([credits - 3 * figures.jobs]);
    } finally {
      await rows.close();
    }
    primary.child.kill('SIGTERM');
    expect(await primary.exited).toBe(0);
  });
});
