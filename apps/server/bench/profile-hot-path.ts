// `pnpm --filter @openpixels/server bench:profile [sqlite|postgres] [clients]`: runs the gateway
// under `node --cpu-prof` in its own process, drives it with `clients` closed-loop clients
// (submit, then poll until a result; fal protocol, instant stand-in in its own process), and
// prints where its CPU went in µs per image, bucket by bucket (Fastify, JSON, pino, auth, the
// store, the upstream calls, timers…), counting only the measured seconds, and by thread. The
// profile stays in the printed directory for a flame graph (Chrome DevTools, speedscope).
// BENCH_PROFILE=none measures the CPU with no profiler in the process (the profiler's own
// thread and its sampling cost 5-10%); BENCH_PROFILE=allocations samples what the gateway
// allocates instead, in bytes per image by function (the garbage collector's work follows it).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { issueApiKey } from '../src/keys/issue-api-key.ts';
import { openStore } from '../src/store/open-store.ts';
import { freePort, startPostgresCluster, type PostgresCluster } from '../src/testing/postgres-cluster.ts';
import { closedLoop, type LoopResult, throughGateway } from './closed-loop.ts';
import { type CpuProfile, cpuProfileBreakdown } from './cpu-profile-breakdown.ts';
import { allocationsByFunction, sampleAllocations } from './allocation-sampling.ts';
import { cpuSecondsByThread, threadCpuSince } from './cpu-seconds-by-thread.ts';
import { cpuSecondsOf } from './cpu-seconds-of.ts';
import { startGatewayProcess } from './gateway-process.ts';
import { prefillJobs } from './prefill-jobs.ts';
import { spawnAndRead, stopChild } from './spawn-and-read.ts';

const store = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
const clients = Number(process.argv[3] ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/**
 * Seconds of load before the measured ones (BENCH_WARMUP_SECONDS): the JIT, connections and
 * prepared statements, and the gateway's growth to its working size, which the memory reclaim
 * (src/reclaim-after-growth.ts) may count once as growth: a steady gateway does not pay that again.
 */
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 25);
/** Finished jobs stored before the run (BENCH_PREFILL_JOBS): an empty store keeps every index in cache. */
const PREFILL = Number(process.env.BENCH_PREFILL_JOBS ?? 0);
/** Jobs per second for all clients together (BENCH_RATE): unset, each client runs jobs back to back. */
const RATE = Number(process.env.BENCH_RATE ?? 0) || undefined;
/** What runs in the gateway beside the load (BENCH_PROFILE): the CPU profiler (`cpu`, the default), nothing (`none`), or the allocation sampler (`allocations`). */
const MODE =
  process.env.BENCH_PROFILE === 'none' || process.env.BENCH_PROFILE === 'allocations'
    ? process.env.BENCH_PROFILE
    : 'cpu';
const children: ChildProcess[] = [];
const dirs: string[] = [];
const profileDir = mkdtempSync(join(tmpdir(), 'openpixels-profile-'));
let cluster: PostgresCluster | undefined;
try {
  const inspectorPort = MODE === 'allocations' ? await freePort() : 0;
  let databaseUrl: string | undefined;
  if (store === 'postgres') {
    cluster = await startPostgresCluster();
    const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
    await admin.unsafe('CREATE DATABASE profile');
    await admin.end();
    // BENCH_POSTGRES_SOCKET=1: through the cluster's Unix socket instead of TCP on 127.0.0.1.
    databaseUrl =
      process.env.BENCH_POSTGRES_SOCKET === '1'
        ? `${cluster.url('profile')}?host=${cluster.dir}`
        : cluster.url('profile');
  }
  const standIn = await spawnAndRead(
    children,
    [fileURLToPath(new URL('./stand-in-process.ts', import.meta.url)), 'fal'],
    {},
    /^(\{.*\})$/m,
  );
  const fal = JSON.parse(standIn[1] as string) as { url: string; key: string };
  const gateway = await startGatewayProcess(
    children,
    dirs,
    {
      OPENPIXELS_PROVIDERS: 'fal',
      OPENPIXELS_FAL_URL: fal.url,
      OPENPIXELS_FAL_KEY: fal.key,
      ...(databaseUrl ? { OPENPIXELS_DATABASE_URL: databaseUrl } : {}),
    },
    MODE === 'cpu'
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]
      : MODE === 'allocations'
        ? [`--inspect=127.0.0.1:${inspectorPort}`]
        : [],
  );
  const keys = await openStore({ dataDir: gateway.dataDir, databaseUrl: databaseUrl ?? null });
  const { key } = await issueApiKey(keys.keys, { credits: 1_000_000_000, name: 'profile' });
  await keys.close();
  if (PREFILL > 0) {
    const seconds = await prefillJobs(gateway.dataDir, databaseUrl ?? null, PREFILL);
    console.log(`prefilled ${PREFILL} finished jobs in ${seconds.toFixed(1)} s`);
  }
  // BENCH_IDEMPOTENCY=1: every submit with an Idempotency-Key of its own, as the SDK sends them.
  const job = throughGateway({ url: gateway.url, key }, {}, { idempotencyKeys: process.env.BENCH_IDEMPOTENCY === '1' });
  await closedLoop(job, clients, WARMUP, RATE);
  const f = (n: number) => n.toFixed(0);
  const summary = (run: LoopResult) =>
    `\n${store}, ${clients} clients${RATE ? ` paced at ${RATE} images/s` : ''}, ${SECONDS} s: ${run.jobsPerSecond.toFixed(0)} images/s, p50 ${run.p50.toFixed(2)} ms, p99 ${run.p99.toFixed(2)} ms, ${run.requestsPerJob.toFixed(2)} requests per image`;
  if (MODE === 'allocations') {
    const { result: run, profile } = await sampleAllocations(inspectorPort, () =>
      closedLoop(job, clients, SECONDS, RATE),
    );
    const { total, top } = allocationsByFunction(profile, run.jobs);
    console.log(
      `${summary(run)}; ${(total / 1024).toFixed(1)} KiB allocated per image\n\nTop functions by bytes allocated per image:`,
    );
    for (const [name, bytes] of top) console.log(`${f(bytes).padStart(7)}  ${name}`);
  } else {
    const cpuBefore = cpuSecondsOf(gateway.pid);
    const threadsBefore = cpuSecondsByThread(gateway.pid);
    const run = await closedLoop(job, clients, SECONDS, RATE);
    const cpuMicros = ((cpuSecondsOf(gateway.pid) - cpuBefore) * 1e6) / run.jobs;
    const threads = threadCpuSince(threadsBefore, cpuSecondsByThread(gateway.pid), run.jobs).map(
      (t) => `${t.name} ${f(t.user + t.system)} (kernel ${f(t.system)})`,
    );
    await stopChild(children, gateway.pid);
    console.log(`${summary(run)}; gateway CPU ${f(cpuMicros)} µs per image (/proc)`);
    console.log(`by thread (/proc, µs per image): ${threads.join(', ')}`);
    if (MODE === 'cpu') printCpuProfile(run);
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await cluster?.stop();
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/** The profile's buckets and top functions for the measured seconds of `run`. */
function printCpuProfile(run: LoopResult): void {
  // The start-up re-exec (src/exec-again.ts) writes a short profile of the first image too: take the last one written.
  const file = readdirSync(profileDir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort((a, b) => statSync(join(profileDir, a)).mtimeMs - statSync(join(profileDir, b)).mtimeMs)
    .at(-1);
  if (!file) throw new Error(`no profile written in ${profileDir}`);
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
  const { buckets, top, totalMicros } = cpuProfileBreakdown(profile, run.window, run.jobs);
  console.log(`${totalMicros.toFixed(0)} µs per image sampled on the main thread`);
  console.log('\n| where | µs per image | share |\n| --- | ---: | ---: |');
  for (const [bucket, micros] of buckets) {
    console.log(`| ${bucket} | ${micros.toFixed(0)} | ${((micros / totalMicros) * 100).toFixed(0)}% |`);
  }
  console.log('\nTop functions by self time (µs per image):');
  for (const [name, micros] of top) console.log(`${micros.toFixed(1).padStart(7)}  ${name}`);
  console.log(`\nprofile: ${join(profileDir, file)}`);
}
