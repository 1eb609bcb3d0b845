import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobStatuses, unfinishedJobStatuses } from '@openpixels/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.ts';

// The SQL schema spells the job statuses out (a CHECK and the partial indexes of unfinished
// jobs). They must be exactly the wire contract's: read from a freshly migrated database,
// whatever migrations produced it.

let dir: string;
let sql: { table: string; indexes: string[] };

/** The quoted words of the first `status IN (…)` in `text`, sorted. */
function statusesIn(text: string): string[] {
  const list = /status\s+IN\s*\(([^)]*)\)/i.exec(text)?.[1] ?? '';
  return [...list.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? '').sort();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'openpixels-status-check-'));
  const db = openDatabase(dir);
  try {
    const rows = db.prepare("SELECT type, sql FROM sqlite_master WHERE tbl_name = 'jobs' AND sql IS NOT NULL").all() as {
      type: string;
      sql: string;
    }[];
    sql = {
      table: rows.find((row) => row.type === 'table')?.sql ?? '',
      indexes: rows.filter((row) => row.type === 'index' && /WHERE\s+status/i.test(row.sql)).map((row) => row.sql),
    };
  } finally {
    db.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('job statuses in SQL match the wire contract', () => {
  it("the jobs table's CHECK allows exactly the wire's statuses", () => {
    expect(statusesIn(sql.table)).toEqual([...jobStatuses].sort());
  });

  it('every partial index of unfinished jobs lists exactly the unfinished statuses', () => {
    expect(sql.indexes.length).toBeGreaterThan(0);
    for (const index of sql.indexes) expect(statusesIn(index), index).toEqual([...unfinishedJobStatuses].sort());
  });
});
