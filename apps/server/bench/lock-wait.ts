// `pnpm --filter @openpixels/server bench:lock-wait`: what another process holding the SQLite
// write lock (the keys CLI, a backup) for 30 s does to a running gateway. The gateway runs in
// its own process with bench/event-loop-monitor.ts loaded, which reports its longest event-loop
// delay every 100 ms; this process probes `/status` and a poll every 50 ms and submits once a
// second, first for 10 s without the lock, then while it is held. In each phase 50 jobs are
// running at the fal stand-in and it finishes them all 5 s in, so in the second their
// completions wait for the lock (retried with backoff) and are stored after it. Prints a
// markdown table. BENCH_LOCK_MS shortens the lock for a quick try.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';

import { DATABASE_FILE } from '../src/store/sqlite/open-database.ts';
import { issueKeyInDataDir } from '../src/testing/issue-key-in-data-dir.ts';
import { processClient } from '../src/testing/process-client.ts';
import { startStandInProvider } from '../src/testing/stand-in-provider.ts';
import { falStandInEnv, startServerProcess } from '../src/testing/start-server-process.ts';

const LOCK_MS = Number(process.env.BENCH_LOCK_MS ?? 30_000);
const UNLOCKED_MS = 10_000;
const WAITING_JOBS = 50;
const CREDITS = 100_000;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-bench-lock-'));
const { key } = await issueKeyInDataDir(dataDir, { credits: CREDITS, name: 'bench' });
const fal = await startStandInProvider({ protocol: 'fal' });
const server = await startServerProcess(dataDir, {
  ...falStandInEnv(fal),
  NODE_OPTIONS: `--import ${here('./event-loop-monitor.ts')}`,
  OPENPIXELS_SUBMIT_WAIT_MS: '0',
});
const { submit, poll } = processClient(server, key);

/** Probes for `ms`: /status and a poll every 50 ms, a submit every second (not awaited in turn). */
async function probe(ms: number, pollId: string) {
  const status: number[] = [];
  const polls: number[] = [];
  const submits: Promise<{ status: number; code: string | undefined; ms: number }>[] = [];
  const started = Date.now();
  let nextSubmit = started;
  while (Date.now() - started < ms) {
    if (Date.now() >= nextSubmit) {
      nextSubmit += 1_000;
      const t = performance.now();
      submits.push(
        submit('probe').then(async (r) => {
          const body = (await r.json()) as { code?: string };
          return { status: r.status, code: body.code, ms: performance.now() - t };
        }),
      );
    }
    let t = performance.now();
    if ((await fetch(`${server.url}/status`)).status !== 200) throw new Error('/status did not answer 200');
    status.push(performance.now() - t);
    t = performance.now();
    await poll(pollId, 0);
    polls.push(performance.now() - t);
    await sleep(50);
  }
  return { status, polls, submits: await Promise.all(submits), from: started, to: Date.now() };
}

/** Starts the lock holder; resolves once it holds the lock, with a promise of its release time (boxed: an async function would wait for it). */
async function holdWriteLock(ms: number): Promise<{ released: Promise<number> }> {
  const child = spawn(process.execPath, [here('../src/testing/hold-write-lock.ts'), join(dataDir, DATABASE_FILE), String(ms)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('locked')) resolve();
    }),
  );
  return { released: new Promise((resolve) => child.on('exit', () => resolve(Date.now()))) };
}

/** The longest event-loop delay the gateway reported in [from, to], and how long after `from` it ended. */
function loopMax(from: number, to: number): { ms: number; atS: number } {
  let max = { ms: 0, atS: 0 };
  for (const [, at, value] of server.output().matchAll(/event-loop (\d+) max_ms=([\d.]+)/g)) {
    if (Number(at) >= from && Number(at) <= to + 100 && Number(value) > max.ms) max = { ms: Number(value), atS: (Number(at) - from) / 1000 };
  }
  return max;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const f = (n: number) => n.toFixed(1);
const lat = (values: number[]) => `${f(quantile(values, 0.5))} / ${f(quantile(values, 0.99))} / ${f(Math.max(...values))}`;

try {
  // Warm up, and keep one finished job to poll.
  const warm = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(`warm ${i}`).then((r) => r.json() as Promise<{ id: string }>)));
  for (const { id } of warm) await poll(id, 10_000);
  const pollId = (warm[0] as { id: string }).id;

  /**
   * One phase: 50 jobs running at the stand-in, held there; with `lock`, another process takes
   * the write lock; 5 s in, the stand-in finishes all 50 at once; probes run for `ms`. Then the
   * 50 results are awaited. The same in both phases, so what differs is the lock.
   */
  const phase = async (ms: number, lock: boolean) => {
    fal.hold(true);
    const waiting = await Promise.all(
      Array.from({ length: WAITING_JOBS }, (_, i) => submit(`waits ${i}`).then((r) => r.json() as Promise<{ id: string }>)),
    );
    const held = lock ? await holdWriteLock(ms) : undefined;
    setTimeout(() => fal.hold(false), 5_000);
    const probed = await probe(ms - 500, pollId);
    const releasedAt = held ? await held.released : Date.now();
    const results = await Promise.all(
      waiting.map(async ({ id }) => {
        for (;;) {
          const answer = await poll(id, 20_000);
          if ((answer as { type?: string }).type === 'result') return answer;
        }
      }),
    );
    return { ...probed, completed: results.filter((r) => r.status === 'completed').length, storedAfterMs: Date.now() - releasedAt };
  };
  const unlocked = await phase(UNLOCKED_MS, false);
  const locked = await phase(LOCK_MS, true);

  const db = new DatabaseSync(join(dataDir, DATABASE_FILE), { readOnly: true });
  const { completed } = db.prepare("SELECT count(*) AS completed FROM jobs WHERE status = 'completed'").get() as { completed: number };
  const { balance } = db.prepare('SELECT balance FROM api_keys').get() as { balance: number };
  const { sum } = db.prepare('SELECT sum(amount) AS sum FROM ledger').get() as { sum: number };
  db.close();

  const row = (label: string, p: Awaited<ReturnType<typeof phase>>) => {
    const ok = p.submits.filter((s) => s.status === 200).map((s) => s.ms);
    const refused = p.submits.filter((s) => s.status !== 200);
    const codes = [...new Set(refused.map((s) => `${s.status} ${s.code}`))].join(', ');
    const refusedPart = refused.length > 0 ? `, ${refused.length} refused (${codes}) in ${f(quantile(refused.map((s) => s.ms), 0.5))} ms p50` : '';
    const loop = loopMax(p.from, p.to);
    return `| ${label} | ${f(loop.ms)} (at +${loop.atS.toFixed(1)} s) | ${lat(p.status)} | ${lat(p.polls)} | ${ok.length} accepted${ok.length > 0 ? ` in ${f(quantile(ok, 0.5))} ms p50` : ''}${refusedPart} | ${p.completed} of ${WAITING_JOBS} completed, the last stored ${p.storedAfterMs} ms after ${label.startsWith('lock') ? 'the release' : 'the probes ended'} |`;
  };
  console.log(
    [
      `#### Another process holds the SQLite write lock for ${LOCK_MS / 1000} s; ${WAITING_JOBS} running jobs finish at the provider 5 s into each phase`,
      '',
      '| phase | longest event-loop delay, ms (when) | /status p50 / p99 / max ms | poll p50 / p99 / max ms | submits (one a second) | the 50 jobs |',
      '| --- | ---: | --- | --- | --- | --- |',
      row(`no lock (${UNLOCKED_MS / 1000} s)`, unlocked),
      row(`lock held (${LOCK_MS / 1000} s)`, locked),
      '',
      `Jobs completed in all: ${completed}; balance ${balance} = ${CREDITS} − 3 × ${completed}: ${balance === CREDITS - 3 * completed}; ledger sums to the balance: ${sum === balance}.`,
    ].join('\n'),
  );
} finally {
  server.kill();
  await server.exited;
  await fal.close();
  rmSync(dataDir, { recursive: true, force: true });
}
