import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.ts';
import { ApiKeyStore } from '../keys/api-key-store.ts';
import type { JobRecord } from './job-record.ts';
import { admissionRules } from './admission.ts';
import { JobStore } from './job-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'openpixels-job-store-'));
const db = openDatabase(dir);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});
const jobs = new JobStore(db);
const { record: key } = new ApiKeyStore(db).create({ credits: 100, name: 'store' });
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
};

describe('JobStore', () => {
  it('create answers with exactly the row it stored, queued unless the caller starts it at once', () => {
    const queued = jobs.create(newJob).job;
    expect(queued.status).toBe('queued');
    expect(jobs.get(queued.id)).toEqual(queued);
    const started = jobs.create({ ...newJob, startsNow: true }).job;
    expect(started.status).toBe('processing');
    expect(jobs.get(started.id)).toEqual(started);
  });

  it('complete stores the result and its attempt together, once', () => {
    const { job } = jobs.create({ ...newJob, startsNow: true });
    const attempt = { provider: 'local', code: 'ok', message: 'completed', duration_ms: 4 };
    expect(jobs.complete(job.id, 'local', 'https://images.example/a.png', attempt)).toBe(true);
    expect(jobs.complete(job.id, 'local', 'https://images.example/b.png', attempt)).toBe(false);
    expect(jobs.get(job.id)).toMatchObject({
      status: 'completed',
      provider: 'local',
      resultUrl: 'https://images.example/a.png',
      attempts: [attempt],
    });
  });

  it('completeSoon commits the completions of one turn together, each job once', async () => {
    const ids = [1, 2, 3].map(() => jobs.create({ ...newJob, startsNow: true }).job.id);
    const attempt = { provider: 'local', code: 'ok', message: 'completed', duration_ms: 2 };
    const done = await Promise.all([
      jobs.completeSoon(ids[0] as string, 'local', 'https://images.example/1.png', attempt),
      jobs.completeSoon(ids[1] as string, 'local', 'https://images.example/2.png', attempt),
      jobs.completeSoon(ids[1] as string, 'local', 'https://images.example/again.png', attempt),
      jobs.completeSoon(ids[2] as string, 'local', 'https://images.example/3.png', attempt),
    ]);
    expect(done).toEqual([true, true, false, true]);
    expect(ids.map((id) => jobs.get(id)?.resultUrl)).toEqual([1, 2, 3].map((n) => `https://images.example/${n}.png`));
    expect(db.isTransaction).toBe(false);
  });

  it('one completion that throws fails alone; the others of its turn still commit', async () => {
    const [good, bad] = [1, 2].map(() => jobs.create({ ...newJob, startsNow: true }).job.id) as [string, string];
    const attempt = { provider: 'local', code: 'ok', message: 'completed', duration_ms: 2 };
    // A BigInt cannot be turned into JSON: the statement for this job throws mid-batch.
    const broken = { ...attempt, duration_ms: 1n as unknown as number };
    const outcomes = await Promise.allSettled([
      jobs.completeSoon(good, 'local', 'https://images.example/good.png', attempt),
      jobs.completeSoon(bad, 'local', 'https://images.example/bad.png', broken),
    ]);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: true });
    expect(outcomes[1]?.status).toBe('rejected');
    expect(jobs.get(good)?.status).toBe('completed');
    expect(jobs.get(bad)?.status).toBe('processing');
  });

  it('createSoon commits the submits of one turn together; each sees the credits the ones before it took', async () => {
    const keys = new ApiKeyStore(db);
    const { record } = keys.create({ credits: 5, name: 'batch' });
    const submit = () => jobs.createSoon({ ...newJob, keyId: record.id, price: 2, startsNow: true });
    const outcomes = await Promise.allSettled([submit(), submit(), submit()]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'NO_CREDITS' });
    for (const outcome of outcomes.slice(0, 2)) {
      const { job, replayed } = (outcome as PromiseFulfilledResult<{ job: JobRecord; replayed: boolean }>).value;
      expect(replayed).toBe(false);
      expect(jobs.get(job.id)).toEqual(job);
      expect(job.status).toBe('processing');
    }
    expect(keys.get(record.id)?.balance).toBe(1);
    expect(keys.ledger(record.id).filter((e) => e.kind === 'reserve')).toHaveLength(2);
    expect(db.isTransaction).toBe(false);
  });

  it('idle resolves once every queued submit is committed and answered', async () => {
    let answered = false;
    void jobs.createSoon({ ...newJob, startsNow: true }).then(() => {
      answered = true;
    });
    await jobs.idle();
    expect(answered).toBe(true);
  });
});
