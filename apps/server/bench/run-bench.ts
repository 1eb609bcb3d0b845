// `pnpm --filter @openpixels/server bench`: what the gateway adds to a job, measured against
// an instant stand-in provider called directly, at 1 and 100 concurrent clients; and what a
// dead first provider costs a job before and after its circuit opens. Everything runs on
// 127.0.0.1, each scenario for a fixed few seconds. Writes bench/results.md.
import type { ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

import { issueKeyInDataDir } from '../src/testing/issue-key-in-data-dir.ts';
import { closedLoop, falDirect, throughGateway } from './closed-loop.ts';
import { cpuSecondsOf } from './cpu-seconds-of.ts';
import { startGatewayProcess } from './gateway-process.ts';
import { spawnAndRead } from './spawn-and-read.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];

async function standIn(protocol: 'fal' | 'replicate') {
  const match = await spawnAndRead(children, [here('./stand-in-process.ts'), protocol], {}, /^(\{.*\})$/m);
  return { ...(JSON.parse(match[1] as string) as { url: string; key: string }), pid: match.pid };
}

/** A gateway in its own process, with a funded key made in its data dir. */
async function gateway(env: Record<string, string>) {
  const started = await startGatewayProcess(children, dirs, env);
  const { key } = await issueKeyInDataDir(started.dataDir, { credits: 1_000_000_000, name: 'bench' });
  return { url: started.url, key, pid: started.pid };
}

const ms = (n: number) => n.toFixed(2);
const cores = (n: number) => n.toFixed(2);

/**
 * Runs `fn` and adds `cores`: the CPU each process used while it ran, in cores (CPU seconds per
 * second): each pid in `pids`, then this process (the load generator).
 */
async function withCpu<T extends object>(pids: number[], fn: () => Promise<T>): Promise<T & { cores: number[] }> {
  const before = pids.map(cpuSecondsOf);
  const own = process.cpuUsage();
  const started = performance.now();
  const result = await fn();
  const seconds = (performance.now() - started) / 1000;
  const ownUsage = process.cpuUsage(own);
  const used = pids.map((pid, i) => (cpuSecondsOf(pid) - (before[i] as number)) / seconds);
  return { ...result, cores: [...used, (ownUsage.user + ownUsage.system) / 1e6 / seconds] };
}
const rows: string[] = [];
try {
  const fal = await standIn('fal');
  const server = await gateway({
    OPENPIXELS_PROVIDERS: 'fal',
    OPENPIXELS_FAL_URL: fal.url,
    OPENPIXELS_FAL_KEY: fal.key,
  });

  rows.push(
    '| clients | path | jobs/s | p50 ms | p99 ms | added p50 ms | added p99 ms | polls/job |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  const cpuRows = [
    '| clients | path | gateway | stand-in | load generator | all three |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const concurrency of [1, 100]) {
    const direct = await withCpu([fal.pid, server.pid], () => closedLoop(falDirect(fal), concurrency, SECONDS));
    const via = await withCpu([fal.pid, server.pid], () => closedLoop(throughGateway(server), concurrency, SECONDS));
    rows.push(
      `| ${concurrency} | stand-in directly (3 calls) | ${direct.jobsPerSecond.toFixed(0)} | ${ms(direct.p50)} | ${ms(direct.p99)} | | | |`,
    );
    rows.push(
      `| ${concurrency} | through the gateway (submit, poll if unfinished; 3 upstream) | ${via.jobsPerSecond.toFixed(0)} | ${ms(via.p50)} | ${ms(via.p99)} | ${ms(via.p50 - direct.p50)} | ${ms(via.p99 - direct.p99)} | ${via.pollsPerJob.toFixed(2)} |`,
    );
    for (const [path, run] of [
      ['stand-in directly', direct],
      ['through the gateway', via],
    ] as const) {
      const [standInCpu = Number.NaN, gatewayCpu = Number.NaN, ownCpu = Number.NaN] = run.cores;
      const gatewayCell = path === 'stand-in directly' ? '–' : cores(gatewayCpu);
      cpuRows.push(
        `| ${concurrency} | ${path} | ${gatewayCell} | ${cores(standInCpu)} | ${cores(ownCpu)} | ${cores(run.cores.reduce((a, b) => a + b, 0))} |`,
      );
    }
  }

  // autocannon's own view of the hot path: submit followed by its poll, on 100 connections.
  const cannon = await autocannon({
    url: server.url,
    connections: 100,
    duration: SECONDS,
    headers: { authorization: `Key ${server.key}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: '/v2/submit',
        body: JSON.stringify({ model: 'flux-schnell', prompt: 'bench', width: 256, height: 256 }),
        onResponse: (_status, body, context) => {
          (context as { id?: string }).id = (JSON.parse(body) as { id: string }).id;
        },
      },
      {
        method: 'GET',
        setupRequest: (req, context) => ({ ...req, path: `/v2/poll/${(context as { id?: string }).id}` }),
      },
    ],
  });
  const cannonRow = `autocannon, 100 connections, submit + poll pairs: ${(cannon.requests.average / 2).toFixed(0)} jobs/s (${cannon.requests.average.toFixed(0)} req/s), request latency p50 ${cannon.latency.p50} ms, p99 ${cannon.latency.p99} ms, ${cannon.non2xx} non-2xx, ${cannon.errors} errors`;

  // A dead first provider (connection refused) in front of a live one.
  const replicate = await standIn('replicate');
  const dead = 'http://127.0.0.1:9';
  const providers = {
    OPENPIXELS_PROVIDERS: 'fal,replicate',
    OPENPIXELS_FAL_URL: dead,
    OPENPIXELS_FAL_KEY: 'dead',
    OPENPIXELS_REPLICATE_URL: replicate.url,
    OPENPIXELS_REPLICATE_KEY: replicate.key,
  };
  const alone = await gateway({
    OPENPIXELS_PROVIDERS: 'replicate',
    OPENPIXELS_REPLICATE_URL: replicate.url,
    OPENPIXELS_REPLICATE_KEY: replicate.key,
  });
  const neverOpens = await gateway({ ...providers, OPENPIXELS_BREAKER_FAILURES: '1000' });
  const opens = await gateway({
    ...providers,
    OPENPIXELS_BREAKER_FAILURES: '5',
    OPENPIXELS_BREAKER_COOLDOWN_MS: '600000',
  });
  const ordering = { config: { routing: { ordering: ['fal', 'replicate'] } } };
  for (let i = 0; i < 10; i++) await throughGateway(opens, ordering)(new Agent());
  const base = await closedLoop(throughGateway(alone), 1, 2);
  const before = await closedLoop(throughGateway(neverOpens, ordering), 1, 2);
  const after = await closedLoop(throughGateway(opens, ordering), 1, 2);
  const breakerRows = [
    '| first provider | job p50 ms | job p99 ms | extra p50 ms |',
    '| --- | ---: | ---: | ---: |',
    `| none (live provider only) | ${ms(base.p50)} | ${ms(base.p99)} | |`,
    `| dead, circuit closed (every job tries it first) | ${ms(before.p50)} | ${ms(before.p99)} | ${ms(before.p50 - base.p50)} |`,
    `| dead, circuit open (skipped) | ${ms(after.p50)} | ${ms(after.p99)} | ${ms(after.p50 - base.p50)} |`,
  ];

  const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${SECONDS} s per row`;
  const report = [
    '### Gateway overhead (instant stand-in provider, fal protocol)',
    '',
    machine,
    '',
    ...rows,
    '',
    `CPU used during each row, in cores (the machine has ${availableParallelism()}; the gateway runs JavaScript on one):`,
    '',
    ...cpuRows,
    '',
    cannonRow,
    '',
    '### A dead first provider (connection refused), before and after its circuit opens',
    '',
    ...breakerRows,
    '',
  ].join('\n');
  writeFileSync(here('./results.md'), report);
  console.log(report);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
