import { existsSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { findPostgresBinDir, type PostgresCluster, startPostgresCluster } from './postgres-cluster.ts';
import { createTestDatabase } from './test-database.ts';
import { isAlive } from './is-alive.ts';

describe('throwaway PostgreSQL', () => {
  let cluster: PostgresCluster | undefined;
  afterAll(() => cluster?.stop());

  it('finds the newest installed PostgreSQL', () => {
    expect(findPostgresBinDir()).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin$/);
    expect(findPostgresBinDir('/nonexistent')).toBeUndefined();
  });

  it('starts on a free 127.0.0.1 port, serves queries, and is gone (process and dir) after stop', async () => {
    cluster = await startPostgresCluster();
    expect(isAlive(cluster.pid)).toBe(true);
    const sql = postgres(cluster.url(), { max: 1, onnotice: () => {} });
    const [row] = await sql`SELECT current_setting('listen_addresses') AS listen, current_setting('port') AS port`;
    await sql.end();
    expect(row).toEqual({ listen: '127.0.0.1', port: String(cluster.port) });
    await cluster.stop();
    await cluster.stop(); // twice is harmless (afterAll calls it again)
    expect(isAlive(cluster.pid)).toBe(false);
    expect(existsSync(cluster.dir)).toBe(false);
  });

  it('gives each test file a database of its own in the shared cluster, dropped afterwards', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    expect(a.url).not.toBe(b.url);
    const sqlA = postgres(a.url, { max: 1, onnotice: () => {} });
    await sqlA`CREATE TABLE t (x int)`;
    await sqlA`INSERT INTO t VALUES (1)`;
    const sqlB = postgres(b.url, { max: 1, onnotice: () => {} });
    await expect(sqlB`SELECT * FROM t`).rejects.toMatchObject({ code: '42P01' }); // undefined_table
    await sqlB.end();
    await a.drop(); // with sqlA still connected: FORCE closes it
    await b.drop();
    await expect(sqlA`SELECT 1`).rejects.toBeDefined();
    await sqlA.end({ timeout: 0 });
  });
});
