import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { retryStorageWrite } from './retry-storage-write.ts';

// Two connections to one real file: `holder` takes the write lock, `writer` (busy timeout 1 ms,
// as the server's) fails with SQLITE_BUSY until the holder lets go.
let dir: string;
let holder: DatabaseSync;
let writer: DatabaseSync;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'openpixels-retry-'));
  const file = join(dir, 'lock.db');
  holder = new DatabaseSync(file);
  holder.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (v INTEGER)');
  writer = new DatabaseSync(file);
  writer.exec('PRAGMA busy_timeout = 1');
});

afterEach(() => {
  if (holder.isTransaction) holder.exec('ROLLBACK');
  holder.close();
  writer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The writer's insert, with the time of each try (ms since `started`). */
function timedInsert(tries: number[], started: number) {
  return () => {
    tries.push(performance.now() - started);
    writer.prepare('INSERT INTO t (v) VALUES (1)').run();
    return 'written';
  };
}

describe('retryStorageWrite', () => {
  it('makes its last try at maxWaitMs, not a pause before it, then rethrows the lock error', async () => {
    holder.exec('BEGIN IMMEDIATE');
    const tries: number[] = [];
    const started = performance.now();
    const outcome = await retryStorageWrite(timedInsert(tries, started), { locksOnly: true, maxWaitMs: 500 }).catch(
      (error: unknown) => error,
    );
    expect((outcome as { errcode?: number }).errcode).toBe(5); // SQLITE_BUSY
    // Timers may fire up to a millisecond early; they never fire before that.
    expect(tries.at(-1)).toBeGreaterThanOrEqual(498);
    expect(tries.length).toBeGreaterThan(2);
  });

  it('writes when the lock is let go shortly before the bound', async () => {
    holder.exec('BEGIN IMMEDIATE');
    setTimeout(() => holder.exec('COMMIT'), 420);
    const tries: number[] = [];
    const started = performance.now();
    const written = await retryStorageWrite(timedInsert(tries, started), { locksOnly: true, maxWaitMs: 500 });
    expect(written).toBe('written');
    expect(tries.at(-1)).toBeGreaterThanOrEqual(419);
    expect(writer.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
  });

  it('fails at once on a problem that is not a lock when asked to retry locks only', async () => {
    writer.close();
    writer = new DatabaseSync(join(dir, 'lock.db'), { readOnly: true });
    const tries: number[] = [];
    const outcome = await retryStorageWrite(timedInsert(tries, performance.now()), {
      locksOnly: true,
      maxWaitMs: 500,
    }).catch((error: unknown) => error);
    expect((outcome as { errcode?: number }).errcode).toBe(8); // SQLITE_READONLY
    expect(tries).toHaveLength(1);
  });

  it('throws an error that is not the storage at once, whatever the bound', async () => {
    let tries = 0;
    const bug = new TypeError('not a storage problem');
    await expect(
      retryStorageWrite(() => {
        tries++;
        throw bug;
      }),
    ).rejects.toBe(bug);
    expect(tries).toBe(1);
  });
});
