// `pnpm --filter @openpixels/server bench:memory`: the gateway's memory (RSS, from /proc) before, during and after
// bursts of 200 concurrent jobs whose provider answers every call with 50 MB, with the answer
// announced (Content-Length) or streamed (chunked), under the old fixed 4 MiB read limit and the
// default 1 MiB OPENPIXELS_PROVIDER_MAX_RESPONSE_BYTES. The gateway runs in its own process;
// the stand-in and the load run here, on 127.0.0.1. Prints a markdown table.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { issueKeyInDataDir } from '../src/testing/issue-key-in-data-dir.ts';
import { type StandInMode, startStandInProvider } from '../src/testing/stand-in-provider.ts';
import { falStandInEnv, startServerProcess } from '../src/testing/start-server-process.ts';

const JOBS = 200;
const ANSWER_BYTES = 50 * 1024 * 1024;
const BURSTS = Number(process.env.BENCH_BURSTS ?? 3);

const rssMb = (pid: number) => {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1] ?? 0) / 1024;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function scenario(mode: StandInMode, limitBytes: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-bench-memory-'));
  const { key } = await issueKeyInDataDir(dataDir, { credits: 1_000_000, name: 'bench' });
  const standIn = await startStandInProvider({ protocol: 'fal', hugeBytes: ANSWER_BYTES });
  const server = await startServerProcess(dataDir, {
    ...(process.env.BENCH_ENV ? JSON.parse(process.env.BENCH_ENV) : {}),
    ...falStandInEnv(standIn),
    OPENPIXELS_PROVIDER_MAX_RESPONSE_BYTES: String(limitBytes),
    OPENPIXELS_MAX_ACTIVE_JOBS_PER_KEY: '100000',
    OPENPIXELS_BREAKER_FAILURES: '1000',
    OPENPIXELS_SUBMIT_WAIT_MS: '0',
  });
  const pid = server.child.pid as number;
  const headers = { authorization: `Key ${key}`, 'content-type': 'application/json' };
  const job = (prompt: string) =>
    fetch(`${server.url}/v2/submit`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: 'flux-schnell', prompt, width: 256, height: 256, config: { routing: { whitelist: ['fal'] } } }),
    }).then(async (r) => {
      const { id } = (await r.json()) as { id: string };
      for (;;) {
        const body = (await (await fetch(`${server.url}/v2/poll/${id}?wait_ms=20000`, { headers })).json()) as { type: string; status: string };
        if (body.type === 'result') return body.status;
      }
    });
  try {
    // Warm up with a burst of ordinary answers (the heap grows to what 200 jobs at once need), then settle.
    await Promise.all(Array.from({ length: JOBS }, (_, i) => job(`warm ${i}`)));
    await sleep(5_000);
    const baseline = rssMb(pid);
    standIn.setMode(mode);
    const peaks: number[] = [];
    const afters: number[] = [];
    let failed = 0;
    for (let b = 0; b < BURSTS; b++) {
      let peak = 0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssMb(pid));
      }, 20);
      const statuses = await Promise.all(Array.from({ length: JOBS }, (_, i) => job(`burst ${b} ${i}`)));
      clearInterval(sampler);
      failed += statuses.filter((s) => s === 'failed').length;
      peaks.push(Math.max(peak, rssMb(pid)));
      // Then ordinary traffic for 5 s (one job at a time), as a gateway keeps serving: what
      // the burst took must come back while it runs, not only at the next burst.
      standIn.setMode('ok');
      const until = Date.now() + 5_000;
      while (Date.now() < until) await job('after');
      afters.push(rssMb(pid));
      standIn.setMode(mode);
    }
    return { baseline, peaks, afters, failed };
  } finally {
    server.kill();
    await server.exited;
    await standIn.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const rows = [
  ['streamed (chunked)', 'huge-chunked', 4 * 1024 * 1024, 'the old fixed limit, read until reached'],
  ['streamed (chunked)', 'huge-chunked', 1024 * 1024, 'default'],
  ['streamed (chunked)', 'huge-chunked', 256 * 1024, 'a tighter setting'],
  ['announced (Content-Length)', 'huge', 1024 * 1024, 'default: refused on the header, unread'],
] as const;
const f = (n: number) => n.toFixed(0);
const lines = [
  `#### Gateway RSS through ${BURSTS} bursts of ${JOBS} concurrent jobs, every provider answer 50 MB`,
  '',
  '| provider answer | read limit | baseline MB | peak MB per burst | after 5 s of ordinary traffic, MB | burst jobs failed (PROVIDER_ERROR) |',
  '| --- | --- | ---: | --- | --- | ---: |',
];
for (const [label, mode, limit, note] of rows) {
  const r = await scenario(mode, limit);
  lines.push(
    `| ${label} | ${limit / 1024 / 1024} MiB (${note}) | ${f(r.baseline)} | ${r.peaks.map(f).join(' / ')} | ${r.afters.map(f).join(' / ')} | ${r.failed} of ${JOBS * BURSTS} |`,
  );
  console.error(lines.at(-1));
}
console.log(lines.join('\n'));
