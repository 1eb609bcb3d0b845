import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { isStorageUnavailable } from '../storage-unavailable.ts';
import { freePort } from '../../testing/postgres-cluster.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import type { Store } from '../store.ts';
import { DatabaseUnusableError } from './database-unusable-error.ts';
import { openPostgresStore } from './open-postgres-store.ts';

describe('openPostgresStore', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const database = async (): Promise<TestDatabase> => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    return db;
  };
  const open = async (url: string): Promise<Store> => {
    const store = await openPostgresStore(url);
    cleanups.push(() => store.close());
    return store;
  };

  it('a database nobody listens for stops the start with one line, password left out', async () => {
    const url = `postgres://gateway:s3cret@127.0.0.1:${await freePort()}/openpixels`;
    const error = await openPostgresStore(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnusableError);
    expect((error as Error).message).toMatch(
      /^the database postgres:\/\/gateway:\*\*\*@127\.0\.0\.1:\d+\/openpixels cannot be used: it is unreachable \(ECONNREFUSED\)$/,
    );
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('a database that does not exist is named as missing', async () => {
    const db = await database();
    const url = db.url.replace(/\/[^/]+$/, '/no_such_database');
    await expect(openPostgresStore(url)).rejects.toThrow(/cannot be used: it is missing: no such database/);
  });

  it('a job finished on one instance is announced once on every instance that watches it (a long poll waits for it there)', async () => {
    const db = await database();
    const [a, b] = [await open(db.url), await open(db.url)];
    const heard = { a: [] as string[], b: [] as string[] };
    a.onJobFinished((id) => heard.a.push(id));
    b.onJobFinished((id) => heard.b.push(id));
    const record = await a.keys.insert({
      id: 'key_n',
      hash: 'n'.repeat(64),
      prefix: 'sk-op-nnnn',
      name: 'n',
      createdAt: 1,
      credits: 10,
    });
    const job = {
      keyId: record.id,
      model: 'flux-schnell',
      prompt: 'p',
      width: 512,
      height: 512,
      routing: { strategy: 'best' },
      price: 1,
      deadlineMs: 60_000,
    } as const;
    const rules = { idempotency: () => 'new' as const, capacity: () => {} };
    const { job: first } = await a.jobs.create({ ...job, rules });
    const { job: second } = await a.jobs.create({ ...job, rules });
    // As a waiting long poll does; the marks land after a moment.
    for (const store of [a, b]) for (const { id } of [first, second]) store.watchJob(id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await b.jobs.complete(first.id, 'local', 'https://images.example/1.png', {
      provider: 'local',
      code: 'ok',
      message: 'ok',
      duration_ms: 1,
    });
    await a.jobs.fail(
      second.id,
      { type: 'provider_error', code: 'PROVIDER_ERROR', message: 'x', params: { provider: 'local' } } as never,
      null,
    );
    await expect.poll(() => [heard.a.length, heard.b.length]).toEqual([2, 2]);
    await new Promise((resolve) => setTimeout(resolve, 50)); // a duplicate would arrive by now
    expect(heard.a.sort()).toEqual([first.id, second.id].sort());
    expect(heard.b.sort()).toEqual([first.id, second.id].sort());
  });

  it('connections cut while serving fail as storage-unavailable (never a bare driver error), then recover', async () => {
    const db = await database();
    const store = await open(db.url);
    await store.keys.list();
    const admin = postgres(db.url.replace(/\/[^/]+$/, '/postgres'), { max: 1, onnotice: () => {} });
    const name = new URL(db.url).pathname.slice(1);
    await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${name} AND pid <> pg_backend_pid()`;
    await admin.end();
    const outcome = await store.keys.list().then(
      () => 'answered',
      (error: unknown) => (isStorageUnavailable(error) ? 'storage unavailable' : `other: ${String(error)}`),
    );
    expect(['answered', 'storage unavailable']).toContain(outcome);
    await expect(store.keys.list()).resolves.toEqual([]);
  });
});
