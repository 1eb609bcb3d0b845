import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect } from 'vitest';
import { DATABASE_FILE } from '../store/sqlite/open-database.ts';
import { processClient } from './process-client.ts';

// What multi-process tests do to servers they reach only over HTTP, and to the data dir they share.

/** Submits a flux-dev job (3 credits) and answers its id, failing the test unless it was accepted. */
export async function submitJob(url: string, key: string, prompt: string): Promise<string> {
  const response = await processClient({ url }, key).submit(prompt);
  const body = (await response.json()) as { id: string };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.id;
}

/** Long-polls a job (at most 100 polls of `waitMs`) until it is a result, and answers it. */
export async function pollResult(
  url: string,
  key: string,
  id: string,
  waitMs = 1_000,
): Promise<Record<string, unknown>> {
  const client = processClient({ url }, key);
  for (let i = 0; i < 100; i++) {
    const body = await client.poll(id, waitMs);
    if (body.type === 'result') return body;
  }
  throw new Error(`job ${id} did not finish`);
}

/** The jobs' rows as a data dir holds them, read over a read-only side connection. */
export function jobRows(
  dataDir: string,
): Array<{ id: string; status: string; owner: string | null; upstream: string | null }> {
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE), { readOnly: true });
  try {
    return db.prepare('SELECT id, status, owner, upstream FROM jobs').all() as never;
  } finally {
    db.close();
  }
}

/** Waits (at most 10 s) until `check` holds, then asserts it, naming `what`. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(check(), what).toBe(true);
}

