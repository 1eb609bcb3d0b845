// `pnpm --filter @openpixels/server bench:stores`: images/s and gateway CPU per image on each
// store, with the same instant fal-protocol stand-in (its own process) and 64 clients doing
// submit + poll pairs (autocannon): SQLite with 1 instance and with OPENPIXELS_WORKERS=2 (one
// primary, two workers on one port and one file), PostgreSQL with 1 and with 2 instances on one
// database (the clients split between them); and, on one instance of each,
// clients that hold their submit (`?wait_ms`) until the job finishes: one request per image.
// PostgreSQL is a throwaway cluster started here (durability off, as in the tests: the commit's fsync is not measured).
// Prints a markdown table; the server README keeps the figures.
import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon, { type Request } from 'autocannon';
import postgres from 'postgres';
import { issueApiKey } from '../src/keys/issue-api-key.ts';
import { openStore } from '../src/store/open-store.ts';
import { startPostgresCluster } from '../src/testing/postgres-cluster.ts';
import { cpuSecondsOf } from './cpu-seconds-of.ts';
import { startGatewayProcess } from './gateway-process.ts';
import { spawnAndRead, stopChild } from './spawn-and-read.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = 64;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];

/** A process and its children: the postmaster and its backends (the database's CPU), or a primary and its workers. */
function withChildren(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return [pid, ...children.map(Number)];
}

/** How long a held submit (`?wait_ms`) may wait for its job: far more than an instant job needs at 64 clients. */
const HOLD_MS = 2_000;

/**
 * 64 clients split over `urls`. `pairs`: each a loop of submit then poll (the default client);
 * `held`: each a loop of one submit with `?wait_ms`, answered with the result. Answers images
 * per second and requests per image; throws on any error, or on a held submit that was not a result.
 */
async function load(
  urls: string[],
  key: string,
  mode: 'pairs' | 'held',
): Promise<{ images: number; requests: number }> {
  let unfinished = 0;
  const submit: Request = {
    method: 'POST',
    path: mode === 'held' ? `/v2/submit?wait_ms=${HOLD_MS}` : '/v2/submit',
    body: JSON.stringify({ model: 'flux-schnell', prompt: 'bench', width: 256, height: 256 }),
    onResponse: (_status, body, context) => {
      const answer = JSON.parse(body) as { id: string; type: string };
      (context as { id?: string }).id = answer.id;
      if (mode === 'held' && answer.type !== 'result') unfinished++;
    },
  };
  const poll: Request = {
    method: 'GET',
    setupRequest: (req, context) => ({ ...req, path: `/v2/poll/${(context as { id?: string }).id}` }),
  };
  const requestsPerImage = mode === 'held' ? 1 : 2;
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: CLIENTS / urls.length,
        duration: SECONDS,
        headers: { authorization: `Key ${key}`, 'content-type': 'application/json' },
        requests: mode === 'held' ? [submit] : [submit, poll],
      }),
    ),
  );
  for (const result of results)
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  if (unfinished > 0) throw new Error(`${unfinished} held submits answered before their job finished`);
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  return { images: requests / requestsPerImage / SECONDS, requests: requestsPerImage };
}

/** A backend that exited meanwhile counts as 0 rather than spoiling the sum. */
const cpuOrZero = (pid: number) => {
  const seconds = cpuSecondsOf(pid);
  return Number.isNaN(seconds) ? 0 : seconds;
};

const rows = [
  '| store | gateway instances | client | requests per image | images/s | gateway CPU µs per image | database CPU µs per image |',
  '| --- | ---: | --- | ---: | ---: | ---: | ---: |',
];
const cluster = await startPostgresCluster();
try {
  const standIn = await spawnAndRead(children, [here('./stand-in-process.ts'), 'fal'], {}, /^(\{.*\})$/m);
  const fal = JSON.parse(standIn[1] as string) as { url: string; key: string };
  const providerEnv = { OPENPIXELS_PROVIDERS: 'fal', OPENPIXELS_FAL_URL: fal.url, OPENPIXELS_FAL_KEY: fal.key };

  const scenarios: Array<{
    store: 'sqlite' | 'postgres';
    instances: number;
    mode: 'pairs' | 'held';
    workers?: number;
  }> = [
    { store: 'sqlite', instances: 1, mode: 'pairs' },
    { store: 'sqlite', instances: 1, mode: 'pairs', workers: 2 },
    { store: 'sqlite', instances: 1, mode: 'held' },
    { store: 'postgres', instances: 1, mode: 'pairs' },
    { store: 'postgres', instances: 1, mode: 'held' },
    { store: 'postgres', instances: 2, mode: 'pairs' },
  ];
  for (const [n, scenario] of scenarios.entries()) {
    let databaseUrl: string | undefined;
    if (scenario.store === 'postgres') {
      const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE bench_${n}`);
      await admin.end();
      databaseUrl = cluster.url(`bench_${n}`);
    }
    const env = {
      ...providerEnv,
      ...(databaseUrl ? { OPENPIXELS_DATABASE_URL: databaseUrl } : {}),
      ...(scenario.workers ? { OPENPIXELS_WORKERS: String(scenario.workers) } : {}),
    };
    const gateways = [];
    for (let i = 0; i < scenario.instances; i++) gateways.push(await startGatewayProcess(children, dirs, env));
    const store = await openStore({
      dataDir: (gateways[0] as { dataDir: string }).dataDir,
      databaseUrl: databaseUrl ?? null,
    });
    const { key } = await issueApiKey(store.keys, { credits: 1_000_000_000, name: 'bench' });
    await store.close();
    const urls = gateways.map((g) => g.url);
    await load(urls, key, scenario.mode).catch(() => 0); // warm-up: JIT, connections, prepared statements
    const databasePids = scenario.store === 'postgres' ? withChildren(cluster.pid) : [];
    // A primary's workers are its children: the gateway's CPU is theirs and its own.
    const gatewayPids = gateways.flatMap((g) => withChildren(g.pid));
    const before = [...gatewayPids.map(cpuOrZero), ...databasePids.map(cpuOrZero)];
    const { images: perSecond, requests } = await load(urls, key, scenario.mode);
    const after = [...gatewayPids.map(cpuOrZero), ...databasePids.map(cpuOrZero)];
    // A row is only what it says if every process it counts served to its end (a worker that
    // failed its start once left a "2 workers" row served by one, unnoticed).
    for (const g of gateways) {
      const serving = withChildren(g.pid).length - 1;
      if (scenario.workers && serving !== scenario.workers) {
        throw new Error(`the ${scenario.workers}-worker gateway ended its row with ${serving} workers`);
      }
    }
    const images = perSecond * SECONDS;
    const used = after.map((a, i) => a - (before[i] as number));
    const gatewayCpu = used.slice(0, gatewayPids.length).reduce((a, b) => a + b, 0);
    const databaseCpu = used.slice(gatewayPids.length).reduce((a, b) => a + b, 0);
    rows.push(
      `| ${scenario.store === 'sqlite' ? `SQLite (WAL)${scenario.workers ? `, ${scenario.workers} workers` : ''}` : 'PostgreSQL'} | ${scenario.instances} | ${scenario.mode === 'held' ? `submit ?wait_ms=${HOLD_MS}` : 'submit, poll'} | ${requests} | ${perSecond.toFixed(0)} | ${((gatewayCpu / images) * 1e6).toFixed(0)} | ${scenario.store === 'sqlite' ? '(in the gateway)' : ((databaseCpu / images) * 1e6).toFixed(0)} |`,
    );
    for (const g of gateways) await stopChild(children, g.pid);
  }
  console.log(
    `\n${availableParallelism()} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${CLIENTS} clients, ${SECONDS} s per row\n`,
  );
  console.log(rows.join('\n'));
} finally {
  for (const child of children) child.kill('SIGTERM');
  await cluster.stop();
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
