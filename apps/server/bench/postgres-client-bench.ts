// Which PostgreSQL client the server's store uses: `postgres` (porsager) against `pg`, on the
// store's hot path (a submit: store the job and reserve its price in one transaction; then
// complete it), with 64 concurrent callers over a pool of 10 connections, against a
// throwaway cluster. Prints a markdown table; the server README keeps the figures.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import pg from 'pg';
import postgres from 'postgres';
import { startPostgresCluster } from '../src/testing/postgres-cluster.ts';

const CALLERS = 64;
const POOL = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

const SCHEMA = `
  CREATE TABLE api_keys (id text PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0));
  CREATE TABLE ledger (id bigserial PRIMARY KEY, key_id text NOT NULL REFERENCES api_keys(id), job_id text,
    kind text NOT NULL, amount bigint NOT NULL, balance_after bigint NOT NULL, created_at bigint NOT NULL);
  CREATE TABLE jobs (id text PRIMARY KEY, key_id text NOT NULL REFERENCES api_keys(id), model text NOT NULL,
    prompt text NOT NULL, price int NOT NULL, status text NOT NULL, result_url text, attempts jsonb NOT NULL DEFAULT '[]',
    created_at bigint NOT NULL, updated_at bigint NOT NULL, finished_at bigint);
`;
const INSERT_JOB =
  "INSERT INTO jobs (id, key_id, model, prompt, price, status, created_at, updated_at) VALUES ($1, $2, 'flux-schnell', $3, 1, 'processing', $4, $4)";
const RESERVE = 'UPDATE api_keys SET balance = balance - 1 WHERE id = $1 AND balance >= 1 RETURNING balance';
const LEDGER =
  "INSERT INTO ledger (key_id, job_id, kind, amount, balance_after, created_at) VALUES ($1, $2, 'reserve', -1, $3, $4)";
const COMPLETE =
  "UPDATE jobs SET status = 'completed', result_url = $2, attempts = attempts || $3::jsonb, updated_at = $4, finished_at = $4 WHERE id = $1 AND status = 'processing'";

/** The installed version of a dependency (neither exports its package.json). */
function versionOf(name: string): string {
  return (
    JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
}

type Job = (n: number) => Promise<void>;
let nextJob = 0;

async function measure(name: string, job: Job): Promise<{ name: string; jobsPerSecond: number; cpuUsPerJob: number }> {
  for (let i = 0; i < 2_000; i++) await job(nextJob++); // warm-up: JIT, prepared statements, pool
  let done = 0;
  const until = performance.now() + SECONDS * 1000;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (performance.now() < until) {
        await job(nextJob++);
        done++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { name, jobsPerSecond: done / seconds, cpuUsPerJob: (used.user + used.system) / done };
}

const cluster = await startPostgresCluster();
try {
  const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
  await admin.unsafe('CREATE DATABASE bench_postgres');
  await admin.unsafe('CREATE DATABASE bench_pg');
  await admin.end();
  // A key is shared by every caller, as a busy key is: the row lock on its balance is the contention point.
  const seed = async (url: string) => {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    await sql.unsafe(SCHEMA);
    await sql`INSERT INTO api_keys VALUES ('key_1', 1000000000)`;
    await sql.end();
  };
  await seed(cluster.url('bench_postgres'));
  await seed(cluster.url('bench_pg'));
  const run = Date.now().toString(36);
  const attempt = JSON.stringify([{ provider: 'fal', code: null, message: null, duration_ms: 1 }]);

  const porsager = postgres(cluster.url('bench_postgres'), { max: POOL, onnotice: () => {} });
  const porsagerJob: Job = async (n) => {
    const id = `job_${run}_${n}`;
    const now = Date.now();
    // Inside begin(), statements sent without awaiting each other go out pipelined on the one connection.
    await porsager.begin(async (tx) => {
      const [[reserved]] = await Promise.all([
        tx`UPDATE api_keys SET balance = balance - 1 WHERE id = ${'key_1'} AND balance >= 1 RETURNING balance`,
        tx`INSERT INTO jobs (id, key_id, model, prompt, price, status, created_at, updated_at) VALUES (${id}, ${'key_1'}, 'flux-schnell', ${'a cat'}, 1, 'processing', ${now}, ${now})`,
      ]);
      await tx`INSERT INTO ledger (key_id, job_id, kind, amount, balance_after, created_at) VALUES (${'key_1'}, ${id}, 'reserve', -1, ${(reserved as { balance: string }).balance}, ${now})`;
    });
    const later = Date.now();
    await porsager`UPDATE jobs SET status = 'completed', result_url = ${'https://x/y.png'}, attempts = attempts || ${attempt}::jsonb, updated_at = ${later}, finished_at = ${later} WHERE id = ${id} AND status = 'processing'`;
  };

  const pool = new pg.Pool({ connectionString: cluster.url('bench_pg'), max: POOL });
  pool.on('error', () => {}); // an idle connection cut when the cluster stops
  const pgJob: Job = async (n) => {
    const id = `job_${run}_${n}`;
    const now = Date.now();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const reserved = await client.query({ name: 'reserve', text: RESERVE, values: ['key_1'] });
      await client.query({ name: 'insert_job', text: INSERT_JOB, values: [id, 'key_1', 'a cat', now] });
      await client.query({ name: 'ledger', text: LEDGER, values: ['key_1', id, reserved.rows[0].balance, now] });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    await pool.query({ name: 'complete', text: COMPLETE, values: [id, 'https://x/y.png', attempt, Date.now()] });
  };

  const rows = [];
  // Alternated, three times each, so a drift in the machine's load falls on both alike.
  for (let round = 0; round < 3; round++) {
    rows.push(await measure(`postgres ${versionOf('postgres')}`, porsagerJob));
    rows.push(await measure(`pg ${versionOf('pg')}`, pgJob));
  }
  await porsager.end();
  await pool.end();

  console.log(
    `\n${cpus().length} cores, Node ${process.version}, PostgreSQL on 127.0.0.1, ${CALLERS} callers, pool of ${POOL}, ${SECONDS} s per row\n`,
  );
  console.log('| client | jobs/s (submit transaction + complete) | client CPU µs per job |');
  console.log('| --- | ---: | ---: |');
  for (const row of rows)
    console.log(`| ${row.name} | ${row.jobsPerSecond.toFixed(0)} | ${row.cpuUsPerJob.toFixed(0)} |`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cluster.stop();
}
