import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobStatuses, unfinishedJobStatuses } from '@openpixels/wire';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database.ts';
import { connectPostgres } from './postgres/connect-postgres.ts';
import { migratePostgres } from './postgres/migrate-postgres.ts';
import { openDatabase } from './sqlite/open-database.ts';

// Each store's SQL spells the job statuses out (a CHECK and the partial indexes of unfinished
// jobs). They must be exactly the wire contract's: read from a freshly migrated database of
// each engine, whatever migrations produced it.

/** What a migrated schema says about statuses: the CHECK's list and each partial index's. */
interface StatusSql {
  check: string[];
  indexes: { name: string; statuses: string[] }[];
}

const quoted = (text: string): string[] => [...text.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? '').sort();

describe('job statuses in SQL match the wire contract', () => {
  const expectMatchesWire = ({ check, indexes }: StatusSql) => {
    expect(check).toEqual([...jobStatuses].sort());
    expect(indexes.length).toBeGreaterThan(0);
    for (const index of indexes) expect(index.statuses, index.name).toEqual([...unfinishedJobStatuses].sort());
  };

  it('SQLite: the CHECK and every partial index of unfinished jobs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openpixels-status-check-'));
    const db = openDatabase(dir);
    try {
      const rows = db
        .prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'jobs' AND sql IS NOT NULL")
        .all() as { type: string; name: string; sql: string }[];
      const table = rows.find((row) => row.type === 'table')?.sql ?? '';
      expectMatchesWire({
        check: quoted(/status\s+TEXT[^,]*CHECK\s*\(status\s+IN\s*\(([^)]*)\)/i.exec(table)?.[1] ?? ''),
        indexes: rows
          .filter((row) => row.type === 'index' && /WHERE\s+status/i.test(row.sql))
          .map((row) => ({ name: row.name, statuses: quoted(row.sql.slice(row.sql.search(/WHERE/i))) })),
      });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PostgreSQL: the CHECK on status and every partial index of unfinished jobs', async () => {
    const database = await createTestDatabase();
    const sql = connectPostgres(database.url, { max: 1 });
    try {
      await migratePostgres(sql);
      const checks = await sql`
        SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = 'jobs'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%status%'`;
      const indexes =
        await sql`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'jobs' AND indexdef LIKE '%WHERE%status%'`;
      expect(checks).toHaveLength(1);
      expectMatchesWire({
        check: quoted(String(checks[0]?.def)),
        indexes: indexes.map((row) => ({
          name: String(row.indexname),
          statuses: quoted(String(row.indexdef).slice(String(row.indexdef).search(/WHERE/i))),
        })),
      });
    } finally {
      await sql.end({ timeout: 1 });
      await database.drop();
    }
  });
});
