import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.ts';
import { ApiKeyStore } from '../keys/api-key-store.ts';
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
  maxActiveJobsPerKey: 10,
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
});
