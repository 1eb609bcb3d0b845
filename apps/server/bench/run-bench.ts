// `pnpm --filter @openpixels/server bench`: what the gateway adds to a job, measured against
// an instant stand-in provider called directly, at 1 and 100 concurrent clients; and what a
// dead first provider costs a job before and after its circuit opens. Everything runs on
// 127.0.0.1, each scenario for a fixed few seconds. Writes bench/results.md.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

import { issueKeyInDataDir } from '../src/testing/issue-key-in-data-dir.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];

function spawnAndRead(
  args: string[],
  env: Record<string, string>,
  pattern: RegExp,
): Promise<RegExpExecArray & { pid: number }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve(Object.assign(match, { pid: child.pid as number }));
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${output}`)));
  });
}

async function standIn(protocol: 'fal' | 'replicate') {
  const match = await spawnAndRead([here('./stand-in-process.ts'), protocol], {}, /^(\{.*\})$/m);
  return { ...(JSON.parse(match[1] as string) as { url: string; key: string }), pid: match.pid };
}

async function gateway(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-bench-'));
  dirs.push(dataDir);
  const { key } = await issueKeyInDataDir(dataDir, { credits: 1_000_000_000, name: 'bench' });
  const match = await spawnAndRead(
    [here('../src/main.ts')],
    {
      OPENPIXELS_PORT: '0',
      OPENPIXELS_DATA_DIR: dataDir,
      OPENPIXELS_LOG_LEVEL: 'warn',
      OPENPIXELS_DEMO_KEY: 'off',
      OPENPIXELS_MAX_ACTIVE_JOBS_PER_KEY: '100000',
      ...env,
    },
    /listening on (http:\/\/\S+)/,
  );
  return { url: match[1] as string, key, pid: match.pid };
}

/** One HTTP call on a keep-alive agent; resolves with status and parsed JSON. */
function call(
  agent: Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; json: Record<string, any> }> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(text ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : null,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** One job, end to end; resolves with how many polls it took. */
type Job = (agent: Agent) => Promise<number>;

/** A closed loop: `concurrency` clients each run jobs back to back for SECONDS; returns per-job latencies. */
async function closedLoop(job: Job, concurrency: number, seconds = SECONDS) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  for (let i = 0; i < Math.min(concurrency, 20); i++) await job(agent); // warm up connections and JIT
  const latencies: number[] = [];
  let polls = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const jobPolls = await job(agent);
        latencies.push(performance.now() - t0);
        polls += jobPolls;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return {
    jobsPerSecond: latencies.length / elapsed,
    p50: pick(0.5),
    p99: pick(0.99),
    jobs: latencies.length,
    pollsPerJob: polls / latencies.length,
  };
}

/** The fal queue protocol, called directly: submit, status, result. */
function falDirect(provider: { url: string; key: string }): Job {
  const auth = { authorization: `Key ${provider.key}` };
  return async (agent) => {
    const submitted = await call(agent, `${provider.url}/fal-ai/flux/schnell`, 'POST', auth, {
      prompt: 'bench',
      image_size: { width: 256, height: 256 },
      num_images: 1,
    });
    const status = await call(agent, submitted.json.status_url, 'GET', auth);
    if (status.json.status !== 'COMPLETED') throw new Error('stand-in not instant');
    const result = await call(agent, submitted.json.response_url, 'GET', auth);
    if (!result.json.images?.[0]?.url) throw new Error('no image');
    return 0;
  };
}

/** The same job through the gateway: submit, then long-poll until it is a result. */
function throughGateway(server: { url: string; key: string }, extra: object = {}): Job {
  const auth = { authorization: `Key ${server.key}` };
  return async (agent) => {
    const submitted = await call(agent, `${server.url}/v2/submit`, 'POST', auth, {
      model: 'flux-schnell',
      prompt: 'bench',
      width: 256,
      height: 256,
      ...extra,
    });
    if (submitted.status !== 200)
      throw new Error(`submit answered ${submitted.status}: ${JSON.stringify(submitted.json)}`);
    // Submit answers with the result itself when the job finished within its brief hold.
    let state = submitted.json;
    let polls = 0;
    while (state.type !== 'result') {
      state = (await call(agent, `${server.url}/v2/poll/${state.id}`, 'GET', auth)).json;
      polls++;
    }
    if (state.status !== 'completed') throw new Error(`job failed: ${JSON.stringify(state.error)}`);
    return polls;
  };
}

const ms = (n: number) => n.toFixed(2);
const cores = (n: number) => n.toFixed(2);

/** CPU seconds a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}

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
    const direct = await withCpu([fal.pid, server.pid], () => closedLoop(falDirect(fal), concurrency));
    const via = await withCpu([fal.pid, server.pid], () => closedLoop(throughGateway(server), concurrency));
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
      { method: 'GET', setupRequest: (req, context) => ({ ...req, path: `/v2/poll/${(context as { id?: string }).id}` }) },
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
