import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { connectPostgres, type Sql } from './connect-postgres.ts';
import { migratePostgres } from './migrate-postgres.ts';
import { postgresMigrations } from './migrations.ts';

describe('PostgreSQL migrations', () => {
  const databases: TestDatabase[] = [];
  const pools: Sql[] = [];
  const fresh = async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const sql = connectPostgres(database.url, { max: 2 });
    pools.push(sql);
    return { database, sql };
  };
  afterAll(async () => {
    await Promise.all(pools.map((sql) => sql.end({ timeout: 1 })));
    await Promise.all(databases.map((d) => d.drop()));
  });

  it('N instances starting at once migrate once, under the advisory lock', async () => {
    const { database } = await fresh();
    const instances = Array.from({ length: 6 }, () => connectPostgres(database.url, { max: 1 }));
    pools.push(...instances);
    const applied = await Promise.all(instances.map((sql) => migratePostgres(sql)));
    const latest = postgresMigrations.length;
    // Exactly one instance applied every version; the others found nothing to do.
    expect(applied.filter((versions) => versions.length > 0)).toEqual([
      Array.from({ length: latest }, (_, i) => i + 1),
    ]);
    const rows = await (instances[0] as Sql)`SELECT version FROM schema_migrations ORDER BY version`;
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
    expect(await migratePostgres(instances[0] as Sql)).toEqual([]);
  });

  it('upgrades an older database, keeping its rows', async () => {
    const { sql } = await fresh();
    const v1 = postgresMigrations.slice(0, 1);
    await migratePostgres(sql, v1);
    await sql`INSERT INTO api_keys (id, hash, prefix, name, balance, created_at) VALUES ('key_a', 'h', 'sk-op-abcd', 'a', 7, 1)`;
    const v2 = [...v1, { version: 2, name: 'a later column', sql: 'ALTER TABLE api_keys ADD COLUMN tier text' }];
    expect(await migratePostgres(sql, v2)).toEqual([2]);
    expect(await sql`SELECT id, balance, tier FROM api_keys`).toEqual([{ id: 'key_a', balance: 7, tier: null }]);
  });

  it('refuses, untouched, a database a newer server migrated', async () => {
    const { sql } = await fresh();
    await sql`CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;
    await sql`INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')`;
    await expect(migratePostgres(sql)).rejects.toThrow(
      new RegExp(`newer server \\(schema 99, this one knows ${postgresMigrations.length}\\)`),
    );
    expect(await sql`SELECT to_regclass('api_keys') AS t`).toEqual([{ t: null }]);
  });

  it('a failing migration leaves nothing behind (transactional DDL)', async () => {
    const { sql } = await fresh();
    const broken = [
      ...postgresMigrations,
      { version: postgresMigrations.length + 1, name: 'broken', sql: 'ALTER TABLE nowhere ADD COLUMN x int' },
    ];
    await expect(migratePostgres(sql, broken)).rejects.toMatchObject({ code: '42P01' });
    expect(await sql`SELECT to_regclass('jobs') AS t`).toEqual([{ t: null }]);
  });

  describe('the schema means what the SQLite one means', () => {
    let sql: Sql;
    beforeAll(async () => {
      ({ sql } = await fresh());
      await migratePostgres(sql);
      await sql`INSERT INTO api_keys (id, hash, prefix, name, balance, created_at) VALUES ('key_a', 'h', 'sk-op-abcd', 'a', 1, 1)`;
      await sql`INSERT INTO jobs (id, key_id, model, prompt, width, height, routing, price, status, created_at, updated_at, deadline_at)
        VALUES ('job_1', 'key_a', 'flux-schnell', 'p', 512, 512, '{}', 1, 'processing', 1, 1, 2)`;
    });

    it('a balance cannot go below 0', async () => {
      await expect(sql`UPDATE api_keys SET balance = balance - 2 WHERE id = 'key_a'`).rejects.toMatchObject({
        code: '23514', // check_violation
      });
    });

    it('a job is reserved once and refunded at most once', async () => {
      const line = (kind: string) =>
        sql`INSERT INTO ledger (key_id, job_id, kind, amount, balance_after, created_at) VALUES ('key_a', 'job_1', ${kind}, 0, 1, 1)`;
      await line('reserve');
      await expect(line('reserve')).rejects.toMatchObject({ code: '23505' }); // unique_violation
      await line('refund');
      await expect(line('refund')).rejects.toMatchObject({ code: '23505' });
      await expect(line('gift')).rejects.toMatchObject({ code: '23514' });
    });

    it('a job is in one of five states, and its ledger lines outlive it', async () => {
      await expect(sql`UPDATE jobs SET status = 'paused' WHERE id = 'job_1'`).rejects.toMatchObject({ code: '23514' });
      await sql`UPDATE jobs SET status = 'cancelled' WHERE id = 'job_1'`;
      await sql`DELETE FROM jobs WHERE id = 'job_1'`;
      expect(await sql`SELECT kind FROM ledger WHERE job_id = 'job_1' ORDER BY id`).toEqual([
        { kind: 'reserve' },
        { kind: 'refund' },
      ]);
    });
  });
});
