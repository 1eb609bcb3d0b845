// A store as a gateway has it after weeks of traffic: `count` finished jobs (random ids, as
// every id before 2026-12-03 was) and their reserves, under a key of their own, spread over the
// last 29 days (inside the default retention, so none is deleted while a bench runs). Why: a
// bench on an empty store keeps every index in a few cached pages and hides what a big one costs.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import postgres from 'postgres';
import { issueApiKey } from '../src/keys/issue-api-key.ts';
import { openStore } from '../src/store/open-store.ts';
import { DATABASE_FILE } from '../src/store/sqlite/open-database.ts';

const PRICE = 3;
const SPAN_MS = 29 * 24 * 3_600_000;

/** Fills the store of `dataDir` (or `databaseUrl`) with `count` finished jobs; answers how long it took, in seconds. */
export async function prefillJobs(dataDir: string, databaseUrl: string | null, count: number): Promise<number> {
  const started = performance.now();
  const store = await openStore({ dataDir, databaseUrl });
  const { record } = await issueApiKey(store.keys, { credits: PRICE * count, name: 'history' });
  await store.close();
  const now = Date.now();
  const step = Math.max(1, Math.floor(SPAN_MS / count));
  if (databaseUrl === null) {
    const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
    db.exec('PRAGMA busy_timeout = 60000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare(
      `INSERT INTO jobs (id, key_id, model, prompt, width, height, routing, price, status, provider, result_url, attempts, created_at, updated_at, deadline_at, finished_at)
       WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       SELECT 'job_' || lower(hex(randomblob(16))), ?, 'flux-schnell', 'a lighthouse at dusk, from history', 256, 256, '{}', ?,
              'completed', 'fal', 'https://images.example/history.png', '[]', ? - i * ?, ? - i * ?, ? - i * ? + 300000, ? - i * ? + 900
       FROM n`,
    ).run(count, record.id, PRICE, now, step, now, step, now, step, now, step);
    db.prepare(
      `INSERT INTO ledger (key_id, job_id, kind, amount, balance_after, note, created_at)
       SELECT key_id, id, 'reserve', ?, 0, NULL, created_at FROM jobs WHERE key_id = ?`,
    ).run(-PRICE, record.id);
    db.prepare('UPDATE api_keys SET balance = 0 WHERE id = ?').run(record.id);
    db.exec('COMMIT');
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    db.close();
  } else {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    await sql.begin(async (tx) => {
      await tx`
        INSERT INTO jobs (id, key_id, model, prompt, width, height, routing, price, status, provider, result_url, attempts, created_at, updated_at, deadline_at, finished_at)
        SELECT 'job_' || md5(random()::text || i), ${record.id}, 'flux-schnell', 'a lighthouse at dusk, from history', 256, 256, '{}', ${PRICE},
               'completed', 'fal', 'https://images.example/history.png', '[]', ${now} - (i::bigint * ${step}::bigint), ${now} - (i::bigint * ${step}::bigint),
               ${now} - (i::bigint * ${step}::bigint) + 300000, ${now} - (i::bigint * ${step}::bigint) + 900
        FROM generate_series(1, ${count}) AS i`;
      await tx`
        INSERT INTO ledger (key_id, job_id, kind, amount, balance_after, note, created_at)
        SELECT key_id, id, 'reserve', ${-PRICE}, 0, NULL, created_at FROM jobs WHERE key_id = ${record.id}`;
      await tx`UPDATE api_keys SET balance = 0 WHERE id = ${record.id}`;
    });
    await sql.unsafe('VACUUM ANALYZE jobs');
    await sql.unsafe('VACUUM ANALYZE ledger');
    await sql.end();
  }
  return (performance.now() - started) / 1_000;
}
