// `pnpm --filter @openpixels/server bench:memory`: the gateway's memory before, during and after
// bursts of 200 concurrent jobs whose provider answers every call with 50 MB, streamed (chunked,
// read until the per-provider limit) or announced (Content-Length, refused on the header). The
// gateway runs in its own process (with bench/memory-report.ts loaded); the stand-in and the
// load run here, on 127.0.0.1. Each burst is followed by 5 s of ordinary traffic, and the RSS
// then is "back to baseline" when it is within 25% of the baseline (the RSS after a warm-up
// burst of 200 ordinary jobs and 5 s of rest); a control row runs the same bursts with ordinary
// answers. After the bursts come 30 s without traffic, then
// it says where the resident memory is: the V8 heap and the ArrayBuffers (memory-report.ts),
// glibc's main-arena heap (`[heap]` in /proc/PID/smaps), all anonymous memory (smaps_rollup),
// and the RSS once `malloc_trim(0)` was called in the gateway through gdb (when gdb is there),
// which returns the free memory the C allocator kept. Prints a markdown table.
// BENCH_ENV='{"GLIBC_TUNABLES":"…"}' adds settings to the gateway's environment.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BENCH_ENV } from './bench-env.ts';
import { issueKeyInDataDir } from '../src/testing/issue-key-in-data-dir.ts';
import { processClient } from '../src/testing/process-client.ts';
import { type StandInMode, startStandInProvider } from '../src/testing/stand-in-provider.ts';
import { falStandInEnv, startServerProcess } from '../src/testing/start-server-process.ts';

const REPORT = fileURLToPath(new URL('./memory-report.ts', import.meta.url));
const JOBS = 200;
const ANSWER_BYTES = 50 * 1024 * 1024;
const BURSTS = Number(process.env.BENCH_BURSTS ?? 3);
/** "Back to baseline": the RSS 5 s after a burst is at most this times the baseline. */
const BACK_WITHIN = 1.25;
const QUIET_MS = 30_000;
/** BENCH_NODE_ARGS='--memory-saver-mode …': V8 flags for the gateway (NODE_OPTIONS takes only a few of them). */
const NODE_ARGS = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

const rssMb = (pid: number) => {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1] ?? 0) / 1024;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** BENCH_TIMELINE=1: after each row, the gateway's memory every 500 ms beside what the bench was doing. */
const TIMELINE = process.env.BENCH_TIMELINE === '1';

/** Resident MB of the anonymous memory (smaps_rollup) and of glibc's main-arena heap (`[heap]`). */
function residentParts(pid: number): { anonymousMb: number; mainArenaMb: number } {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const anonymousKb = Number(/^Anonymous:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
  const smaps = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  const heap = /\[heap\]\n(?:.*\n)*?Rss:\s+(\d+) kB/.exec(smaps);
  return { anonymousMb: anonymousKb / 1024, mainArenaMb: Number(heap?.[1] ?? 0) / 1024 };
}

/** The gateway's last memory-report.ts line: V8's heap in use and in total, and its ArrayBuffers, MB. */
function lastReport(output: string): { heapUsed: number; heapTotal: number; arrayBuffers: number } | undefined {
  const line = [...output.matchAll(/^memory (\{.*\})$/gm)].at(-1);
  return line ? JSON.parse(line[1] as string) : undefined;
}

/** Calls glibc's malloc_trim(0) inside the process through gdb; false when gdb cannot. */
function mallocTrim(pid: number): boolean {
  try {
    execFileSync('gdb', ['-p', String(pid), '-batch', '-nx', '-ex', 'call (int) malloc_trim(0)'], {
      stdio: 'ignore',
      timeout: 60_000,
    });
    return true;
  } catch {
    return false;
  }
}

/** The gateway's memory-report lines in time order with the bench's marks between them, seconds from the first. */
function printTimeline(output: string, marks: [number, string][]): void {
  const reports = [...output.matchAll(/^memory (\{.*\})$/gm)].map((m) => JSON.parse(m[1] as string) as { at: number });
  const events: [number, string][] = [
    ...reports.map((r): [number, string] => [r.at, JSON.stringify(r).replace(/"at":\d+,/, '')]),
    ...marks.map(([at, what]): [number, string] => [at, `-- ${what}`]),
  ].sort((a, b) => a[0] - b[0]);
  const start = events[0]?.[0] ?? 0;
  for (const [at, what] of events) console.error(`${((at - start) / 1000).toFixed(1).padStart(6)}  ${what}`);
}

async function scenario(mode: StandInMode, limitBytes: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-bench-memory-'));
  const { key } = await issueKeyInDataDir(dataDir, { credits: 1_000_000, name: 'bench' });
  const standIn = await startStandInProvider({ protocol: 'fal', hugeBytes: ANSWER_BYTES });
  const server = await startServerProcess(
    dataDir,
    {
      ...BENCH_ENV,
      ...falStandInEnv(standIn),
      NODE_OPTIONS: `--import ${REPORT}`,
      OPENPIXELS_PROVIDER_MAX_RESPONSE_BYTES: String(limitBytes),
      OPENPIXELS_MAX_ACTIVE_JOBS_PER_KEY: '100000',
      OPENPIXELS_BREAKER_FAILURES: '1000',
      OPENPIXELS_SUBMIT_WAIT_MS: '0',
    },
    NODE_ARGS.length > 0 ? { command: [process.execPath, ...NODE_ARGS, 'src/main.ts'] } : {},
  );
  const pid = server.child.pid as number;
  const marks: [number, string][] = [];
  const mark = (what: string) => marks.push([Date.now(), what]);
  const client = processClient(server, key);
  const job = (prompt: string) =>
    client
      .submit(prompt, { model: 'flux-schnell', width: 256, height: 256, config: { routing: { whitelist: ['fal'] } } })
      .then(async (r) => {
        const { id } = (await r.json()) as { id: string };
        for (;;) {
          const body = await client.poll(id, 20_000);
          if (body.type === 'result') return body.status;
        }
      });
  try {
    // Warm up with a burst of ordinary answers (the heap grows to what 200 jobs at once need), then settle.
    await Promise.all(Array.from({ length: JOBS }, (_, i) => job(`warm ${i}`)));
    mark('warm-up done, rest');
    await sleep(5_000);
    const baseline = rssMb(pid);
    mark(`baseline ${baseline.toFixed(0)} MB`);
    standIn.setMode(mode);
    const peaks: number[] = [];
    const afters: number[] = [];
    let failed = 0;
    for (let b = 0; b < BURSTS; b++) {
      let peak = 0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssMb(pid));
      }, 20);
      mark(`burst ${b + 1}`);
      const statuses = await Promise.all(Array.from({ length: JOBS }, (_, i) => job(`burst ${b} ${i}`)));
      mark('ordinary traffic');
      clearInterval(sampler);
      failed += statuses.filter((s) => s === 'failed').length;
      peaks.push(Math.max(peak, rssMb(pid)));
      // Then ordinary traffic for 5 s (one job at a time), as a gateway keeps serving: what
      // the burst took must come back while it runs, not only at the next burst.
      standIn.setMode('ok');
      const until = Date.now() + 5_000;
      while (Date.now() < until) await job('after');
      afters.push(rssMb(pid));
      mark(`5 s after: ${(afters.at(-1) as number).toFixed(0)} MB`);
      standIn.setMode(mode);
    }
    // Then no traffic at all: does V8 (its memory reducer runs on idle time) or glibc give back more?
    await sleep(QUIET_MS);
    const quiet = rssMb(pid);
    const parts = residentParts(pid);
    const heap = lastReport(server.output());
    const trimmed = mallocTrim(pid) ? rssMb(pid) : undefined;
    if (TIMELINE) printTimeline(server.output(), marks);
    return { baseline, peaks, afters, quiet, failed, parts, heap, trimmed };
  } finally {
    server.kill();
    await server.exited;
    await standIn.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const only = process.env.BENCH_ROWS?.split(',');
const rows = [
  // The control: the same bursts of 200 jobs with ordinary answers. What it grows by is what
  // any burst of that many jobs costs, not what the oversized answers do.
  ['ordinary (the control)', 'ok', 1024 * 1024, 'default'],
  ['streamed (chunked)', 'huge-chunked', 1024 * 1024, 'default'],
  ['streamed (chunked)', 'huge-chunked', 256 * 1024, 'a tighter setting'],
  ['announced (Content-Length)', 'huge', 1024 * 1024, 'default: refused on the header, unread'],
] as const;
const f = (n: number) => n.toFixed(0);
const lines = [
  `#### Gateway memory through ${BURSTS} bursts of ${JOBS} concurrent jobs, every provider answer 50 MB${
    Object.keys(BENCH_ENV).length > 0
      ? ` (gateway env: ${Object.entries(BENCH_ENV)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')})`
      : ''
  }${NODE_ARGS.length > 0 ? ` (node ${NODE_ARGS.join(' ')})` : ''}`,
  '',
  `| provider answer | read limit | baseline RSS MB | peak RSS MB per burst | RSS 5 s after each burst (ordinary traffic), MB | back to baseline (≤ ${BACK_WITHIN}×) | RSS after ${QUIET_MS / 1000} s more without traffic, MB | of it: V8 heap used / total, ArrayBuffers MB | of it: anonymous / glibc main arena MB | RSS after malloc_trim(0), MB | burst jobs failed (PROVIDER_ERROR) |`,
  '| --- | --- | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
];
// BENCH_ROWS=ok,huge picks rows by the stand-in's mode (ok, huge-chunked, huge).
for (const [label, mode, limit, note] of rows.filter(([, mode]) => !only || only.includes(mode))) {
  const r = await scenario(mode, limit);
  const back = r.afters.filter((rss) => rss <= r.baseline * BACK_WITHIN).length;
  lines.push(
    `| ${label} | ${limit / 1024 / 1024} MiB (${note}) | ${f(r.baseline)} | ${r.peaks.map(f).join(' / ')} | ${r.afters.map(f).join(' / ')} | ${back} of ${BURSTS} (at most ${f((Math.max(...r.afters) / r.baseline) * 100)}%) | ${f(r.quiet)} | ${
      r.heap ? `${f(r.heap.heapUsed)} / ${f(r.heap.heapTotal)}, ${f(r.heap.arrayBuffers)}` : '–'
    } | ${f(r.parts.anonymousMb)} / ${f(r.parts.mainArenaMb)} | ${r.trimmed === undefined ? '– (no gdb)' : f(r.trimmed)} | ${r.failed} of ${JOBS * BURSTS} |`,
  );
  console.error(lines.at(-1));
}
console.log(lines.join('\n'));
