// `pnpm --filter @openpixels/server bench:profile [sqlite|postgres] [clients]`: runs the gateway
// under `node --cpu-prof` in its own process, drives it with `clients` closed-loop clients
// (submit, then poll until a result; fal protocol, instant stand-in in its own process), and
// prints where its CPU went in µs per image, bucket by bucket (Fastify, JSON, pino, auth, the
// store, the upstream calls, timers…), counting only the measured seconds. The profile stays
// in the printed directory for a flame graph (Chrome DevTools, speedscope).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { issueApiKey } from '../src/keys/issue-api-key.ts';
import { openStore } from '../src/store/open-store.ts';
import { startPostgresCluster, type PostgresCluster } from '../src/testing/postgres-cluster.ts';
import { closedLoop, throughGateway } from './closed-loop.ts';
import { type CpuProfile, cpuProfileBreakdown } from './cpu-profile-breakdown.ts';
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
const children: ChildProcess[] = [];
const dirs: string[] = [];
const profileDir = mkdtempSync(join(tmpdir(), 'openpixels-profile-'));
let cluster: PostgresCluster | undefined;
try {
  let databaseUrl: string | undefined;
  if (store === 'postgres') {
    cluster = await startPostgresCluster();
    const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
    await admin.unsafe('CREATE DATABASE profile');
    await admin.end();
    databaseUrl = cluster.url('profile');
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
    ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  );
  const keys = await openStore({ dataDir: gateway.dataDir, databaseUrl: databaseUrl ?? null });
  const { key } = await issueApiKey(keys.keys, { credits: 1_000_000_000, name: 'profile' });
  await keys.close();
  if (PREFILL > 0) {
    const seconds = await prefillJobs(gateway.dataDir, databaseUrl ?? null, PREFILL);
    console.log(`prefilled ${PREFILL} finished jobs in ${seconds.toFixed(1)} s`);
  }
  const job = throughGateway({ url: gateway.url, key });
  await closedLoop(job, clients, WARMUP);
  const cpuBefore = cpuSecondsOf(gateway.pid);
  const run = await closedLoop(job, clients, SECONDS);
  const cpuMicros = ((cpuSecondsOf(gateway.pid) - cpuBefore) * 1e6) / run.jobs;
  await stopChild(children, gateway.pid);
  // The start-up re-exec (src/exec-again.ts) writes a short profile of the first image too: take the last one written.
  const file = readdirSync(profileDir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort((a, b) => statSync(join(profileDir, a)).mtimeMs - statSync(join(profileDir, b)).mtimeMs)
    .at(-1);
  if (!file) throw new Error(`no profile written in ${profileDir}`);
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
  const { buckets, top, totalMicros } = cpuProfileBreakdown(profile, run.window, run.jobs);
  const f = (n: number) => n.toFixed(0);
  console.log(
    `\n${store}, ${clients} clients, ${SECONDS} s: ${run.jobsPerSecond.toFixed(0)} images/s, p50 ${run.p50.toFixed(2)} ms, p99 ${run.p99.toFixed(2)} ms, ${run.requestsPerJob.toFixed(2)} requests per image; gateway CPU ${f(cpuMicros)} µs per image (/proc), ${f(totalMicros)} µs sampled on its main thread`,
  );
  console.log('\n| where | µs per image | share |\n| --- | ---: | ---: |');
  for (const [bucket, micros] of buckets) {
    console.log(`| ${bucket} | ${f(micros)} | ${((micros / totalMicros) * 100).toFixed(0)}% |`);
  }
  console.log('\nTop functions by self time (µs per image):');
  for (const [name, micros] of top) console.log(`${micros.toFixed(1).padStart(7)}  ${name}`);
  console.log(`\nprofile: ${join(profileDir, file)}`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await cluster?.stop();
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
