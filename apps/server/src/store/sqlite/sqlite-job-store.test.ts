import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { admissionRules } from '../../jobs/admission.ts';
import type { CreatedJob } from '../store.ts';
import { openDatabase } from './open-database.ts';
import { SqliteJobStore } from './sqlite-job-store.ts';
import { SqliteKeyStore } from './sqlite-key-store.ts';

// What only the SQLite store does: group commit. The behaviour both stores share is in ../store-behaviour.test.ts.
const dir = mkdtempSync(join(tmpdir(), 'openpixels-job-store-'));
const db = openDatabase(dir);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});
const finished: string[] = [];
const jobs = new SqliteJobStore(db, (id) => finished.push(id));
const keys = new SqliteKeyStore(db);
const newKey = (credits: number) =>
  keys.insert({
    id: `key_${Math.random().toString(16).slice(2)}`,
    hash: Math.random().toString(16),
    prefix: 'sk-op-test',
    name: 'store',
    createdAt: Date.now(),
    credits,
  });
const key = await newKey(100);
const lease = { owner: 'test', until: Date.now() + 60_000 };
const newJob = {
  keyId: key.id,
  model: 'flux-dev' as const,
  prompt: 'a quiet harbour',
  width: 512,
  height: 256,
  routing: { strategy: 'best' as const, ordering: ['local'] },
  price: 3,
  deadlineMs: 60_000,
  rules: admissionRules({ maxActiveJobsPerKey: 10 }),
  startsNow: lease,
};
const attempt = { provider: 'local', code: 'ok', message: 'completed', duration_ms: 2 };

describe('SqliteJobStore (group commit)', () => {
  it('commits the completions of one turn together, each job once, and announces each after its commit', async () => {
    const ids = await Promise.all([1, 2, 3].map(async () => (await jobs.create(newJob)).job.id));
    const done = await Promise.all([
      jobs.complete(ids[0] as string, 'local', 'https://images.example/1.png', attempt),
      jobs.complete(ids[1] as string, 'local', 'https://images.example/2.png', attempt),
      jobs.complete(ids[1] as string, 'local', 'https://images.example/again.png', attempt),
      jobs.complete(ids[2] as string, 'local', 'https://images.example/3.png', attempt),
    ]);
    expect(done).toEqual([true, true, false, true]);
    const urls = await Promise.all(ids.map(async (id) => (await jobs.get(id))?.resultUrl));
    expect(urls).toEqual([1, 2, 3].map((n) => `https://images.example/${n}.png`));
    expect(finished.slice(-3)).toEqual(ids);
    expect(db.isTransaction).toBe(false);
  });

  it('one completion that throws fails alone; the others of its turn still commit', async () => {
    const [good, bad] = (await Promise.all([1, 2].map(async () => (await jobs.create(newJob)).job.id))) as [
      string,
      string,
    ];
    // A BigInt cannot be turned into JSON: the statement for this job throws mid-batch.
    const broken = { ...attempt, duration_ms: 1n as unknown as number };
    const outcomes = await Promise.allSettled([
      jobs.complete(good, 'local', 'https://images.example/good.png', attempt),
      jobs.complete(bad, 'local', 'https://images.example/bad.png', broken),
    ]);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: true });
    expect(outcomes[1]?.status).toBe('rejected');
    expect((await jobs.get(good))?.status).toBe('completed');
    expect((await jobs.get(bad))?.status).toBe('processing');
  });

  it('commits the submits of one turn together; each sees the credits the ones before it took', async () => {
    const record = await newKey(5);
    const submit = () => jobs.create({ ...newJob, keyId: record.id, price: 2 });
    const outcomes = await Promise.allSettled([submit(), submit(), submit()]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'NO_CREDITS' });
    for (const outcome of outcomes.slice(0, 2)) {
      const { job } = (outcome as PromiseFulfilledResult<CreatedJob>).value;
      expect(await jobs.get(job.id)).toEqual(job);
    }
    expect((await keys.get(record.id))?.balance).toBe(1);
    expect(db.isTransaction).toBe(false);
  });

  it('idle resolves once every queued submit is committed and answered', async () => {
    let answered = false;
    void jobs.create(newJob).then(() => {
      answered = true;
    });
    await jobs.idle();
    expect(answered).toBe(true);
  });
});
