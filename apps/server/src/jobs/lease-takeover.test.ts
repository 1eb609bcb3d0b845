import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectLedgerConsistent } from '../testing/expect-ledger-consistent.ts';
import { issueKeyInDataDir } from '../testing/issue-key-in-data-dir.ts';
import { jobRows, pollResult, submitJob, until } from '../testing/server-process-client.ts';
import { type StandInProvider, startStandInProvider } from '../testing/stand-in-provider.ts';
import { falStandInEnv, type ServerProcess, startServerProcess } from '../testing/start-server-process.ts';

// Two real server processes on one SQLite data dir, a real fal-protocol stand-in counting
// what it is asked to run. Leases are kept short so the test waits little.
const LEASE_MS = 600;
const JOBS_PER_INSTANCE = 12;

const processes: ServerProcess[] = [];
const dirs: string[] = [];
let fal: StandInProvider | undefined;
afterEach(async () => {
  for (const p of processes.splice(0)) p.kill();
  await fal?.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('leases: two server processes on one data dir', () => {
  // Four server processes and two lease lapses: 17.5 s on a loaded machine (load 22 on 2 cores),
  // so this test's bound is wider than the default 20 s; it asserts nothing about time.
  it('a live instance keeps its jobs; a killed one’s are taken over once, resumed upstream, charged once', {
    timeout: 60_000,
  }, async () => {
    fal = await startStandInProvider({ protocol: 'fal' });
    const standIn = fal;
    standIn.hold(true);
    const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-leases-'));
    dirs.push(dataDir);
    const { key } = await issueKeyInDataDir(dataDir, { credits: 1_000, name: 'leases' });
    const env = { ...falStandInEnv(standIn), OPENPIXELS_LEASE_MS: String(LEASE_MS) };
    const start = async () => {
      const p = await startServerProcess(dataDir, env);
      processes.push(p);
      return p;
    };
    const [a, b] = await Promise.all([start(), start()]);
    const submits = () => standIn.submits;

    const ids = await Promise.all(
      Array.from({ length: 2 * JOBS_PER_INSTANCE }, (_, i) =>
        submitJob(i % 2 === 0 ? a.url : b.url, key, `lease job ${i}`),
      ),
    );
    // Every job accepted by fal and its request_id stored: from here a takeover must resume, never resubmit.
    await until(() => jobRows(dataDir).filter((r) => r.upstream !== null).length === ids.length, 'upstream ids stored');
    const ownersBefore = new Map(jobRows(dataDir).map((r) => [r.id, r.owner]));
    expect(new Set(ownersBefore.values()).size).toBe(2);

    // B restarts while A lives: B's own jobs come back after their lease, A's are never touched.
    b.child.kill('SIGKILL');
    await b.exited;
    const b2 = await start();
    const ownerA = ownersBefore.get(ids[0] as string);
    await until(
      () =>
        jobRows(dataDir).filter((r) => ownersBefore.get(r.id) !== ownerA && r.owner !== ownersBefore.get(r.id))
          .length === JOBS_PER_INSTANCE,
      'the restarted instance took over its predecessor’s jobs',
    );
    await new Promise((resolve) => setTimeout(resolve, 2 * LEASE_MS));
    for (const row of jobRows(dataDir)) {
      if (ownersBefore.get(row.id) === ownerA) expect(row.owner, 'a live instance keeps its jobs').toBe(ownerA);
    }
    expect(submits()).toHaveLength(ids.length);

    // Now A dies with its jobs in flight; B2 takes them over once A's leases lapse.
    a.child.kill('SIGKILL');
    await a.exited;
    standIn.hold(false);
    const results = await Promise.all(ids.map((id) => pollResult(b2.url, key, id)));
    for (const result of results) {
      expect(result).toMatchObject({ status: 'completed', meta: { provider: 'fal', attempts: 1 } });
    }
    // One upstream job per job, each submitted once: every takeover resumed the stored request_id.
    expect(submits()).toHaveLength(ids.length);
    const prompts = submits().map((c) => (c.body as { prompt: string }).prompt);
    expect(new Set(prompts).size).toBe(ids.length);

    const balances = expectLedgerConsistent(dataDir);
    expect([...balances.values()]).toEqual([1_000 - 3 * ids.length]);
    expect(jobRows(dataDir).every((r) => r.status === 'completed')).toBe(true);
    b2.child.kill('SIGTERM');
    expect(await b2.exited).toBe(0);
  });
});
