import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createError } from '@openpixels/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admissionRules, IDEMPOTENCY_TTL_MS } from '../jobs/admission.ts';
import { issueApiKey } from '../keys/issue-api-key.ts';
import { revokeKey } from '../keys/revoke-key.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { openPostgresStore } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import type { NewJob, Store } from './store.ts';

/** A way to open a fresh, empty store of one engine, and to throw it away afterwards. */
interface StoreFactory {
  name: string;
  /** `another()` opens a second Store on the same data, as another process would (closed by dispose). */
  open(): Promise<{ store: Store; another(): Promise<Store>; dispose(): Promise<void> }>;
}

/** Every implementation of Store runs the same cases: add a factory here and it is held to them. */
const factories: StoreFactory[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'openpixels-store-'));
      const store = openSqliteStore(dir);
      const others: Store[] = [];
      return {
        store,
        async another() {
          others.push(openSqliteStore(dir));
          return others.at(-1) as Store;
        },
        async dispose() {
          await Promise.all([store, ...others].map((s) => s.close()));
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      // A database of its own in the run's throwaway cluster (testing/postgres-global-setup.ts).
      const database = await createTestDatabase();
      const store = await openPostgresStore(database.url);
      const others: Store[] = [];
      return {
        store,
        async another() {
          others.push(await openPostgresStore(database.url));
          return others.at(-1) as Store;
        },
        async dispose() {
          await Promise.all([store, ...others].map((s) => s.close()));
          await database.drop();
        },
      };
    },
  },
];

const ATTEMPT = { provider: 'local', code: 'ok', message: 'completed', duration_ms: 3 };
const cancelled = (id: string) => () => createError('JOB_CANCELLED', { id, refunded: 3 }).toJSON();

describe.each(factories)('Store on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let another: () => Promise<Store>;
  beforeAll(async () => {
    ({ store, another, dispose } = await factory.open());
  });
  afterAll(() => dispose());

  const lease = (owner = 'instance-a', ms = 60_000) => ({ owner, until: Date.now() + ms });
  const fundedKey = async (credits: number) => (await issueApiKey(store.keys, { credits, name: 'behaviour' })).record;
  const newJob = (keyId: string, extra: Partial<NewJob> = {}): NewJob => ({
    keyId,
    model: 'flux-dev',
    prompt: 'a quiet harbour',
    width: 512,
    height: 256,
    routing: { strategy: 'best', ordering: ['local'] },
    price: 3,
    deadlineMs: 60_000,
    rules: admissionRules({ maxActiveJobsPerKey: 1_000 }),
    startsNow: lease(),
    ...extra,
  });
  /** A job nobody runs yet: stored queued, with no lease. */
  const queuedJob = (keyId: string): NewJob => {
    const { startsNow: _, ...job } = newJob(keyId);
    return job;
  };
  const balanceOf = async (keyId: string) => (await store.keys.get(keyId))?.balance;
  /** The ledger explains the balance: its lines sum to it, and the last line's balance_after is it. */
  const expectLedgerSumsToBalance = async (keyId: string) => {
    const lines = await store.ledger.history(keyId, 10_000);
    expect(lines.reduce((sum, line) => sum + line.amount, 0)).toBe(await balanceOf(keyId));
    expect(lines[0]?.balanceAfter).toBe(await balanceOf(keyId));
  };

  it('stores a job with its reserve and answers exactly the row it stored; queued unless started at once', async () => {
    const key = await fundedKey(10);
    const { job: queued } = await store.jobs.create(queuedJob(key.id));
    const { job: started, replayed } = await store.jobs.create(newJob(key.id));
    expect(replayed).toBe(false);
    expect(queued.status).toBe('queued');
    expect(started.status).toBe('processing');
    expect(await await store.jobs.get(queued.id)).toEqual(queued);
    expect(await await store.jobs.get(started.id)).toEqual(started);
    expect(await await store.jobs.get('job_missing')).toBeUndefined();
    expect(await balanceOf(key.id)).toBe(4);
    expect((await store.ledger.history(key.id, 10)).filter((l) => l.kind === 'reserve').map((l) => l.jobId)).toEqual([
      started.id,
      queued.id,
    ]);
    await expectLedgerSumsToBalance(key.id);
  });

  it('refuses with NO_CREDITS, storing and charging nothing', async () => {
    const key = await fundedKey(2);
    await expect(store.jobs.create(newJob(key.id))).rejects.toMatchObject({
      code: 'NO_CREDITS',
      params: { required: 3, available: 2 },
    });
    expect(await balanceOf(key.id)).toBe(2);
    expect(await store.ledger.history(key.id, 10)).toHaveLength(1);
  });

  it('refuses past the active-job limit with RATE_LIMITED', async () => {
    const key = await fundedKey(100);
    const rules = admissionRules({ maxActiveJobsPerKey: 2 });
    await store.jobs.create(newJob(key.id, { rules }));
    await store.jobs.create(newJob(key.id, { rules }));
    await expect(store.jobs.create(newJob(key.id, { rules }))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await balanceOf(key.id)).toBe(94);
  });

  it('replays an Idempotency-Key with the same request (charged once), refuses it with another', async () => {
    const key = await fundedKey(10);
    const idempotency = { key: 'order-1', requestHash: 'h1' };
    const first = await store.jobs.create(newJob(key.id, { idempotency }));
    const again = await store.jobs.create(newJob(key.id, { idempotency }));
    expect(again).toEqual({ job: first.job, replayed: true });
    await expect(
      store.jobs.create(newJob(key.id, { idempotency: { key: 'order-1', requestHash: 'h2' } })),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENTS' });
    expect(await balanceOf(key.id)).toBe(7);
    // Forgotten once expired: the same key then makes a new job.
    expect(await store.jobs.purgeIdempotencyKeys(Date.now() + 1)).toBeGreaterThanOrEqual(1);
    const fresh = await store.jobs.create(newJob(key.id, { idempotency }));
    expect(fresh.replayed).toBe(false);
    expect(fresh.job.id).not.toBe(first.job.id);
    expect(IDEMPOTENCY_TTL_MS).toBeGreaterThan(0);
  });

  it('takes an Idempotency-Key over once its earlier job is past the window, though not yet purged', async () => {
    const key = await fundedKey(10);
    const idempotency = { key: 'order-2', requestHash: 'h1' };
    const first = await store.jobs.create(newJob(key.id, { idempotency }));
    // The rules say the earlier use is past its window; its row is still there.
    const pastWindow = { ...admissionRules({ maxActiveJobsPerKey: 100 }), idempotency: () => 'new' as const };
    const fresh = await store.jobs.create(newJob(key.id, { idempotency, rules: pastWindow }));
    expect(fresh.replayed).toBe(false);
    expect(fresh.job.id).not.toBe(first.job.id);
    // From now on the key names the new job.
    const again = await store.jobs.create(newJob(key.id, { idempotency }));
    expect(again).toEqual({ job: fresh.job, replayed: true });
    expect(await balanceOf(key.id)).toBe(4);
    await expectLedgerSumsToBalance(key.id);
  });

  it('takes exactly the credits there are when many submits race', async () => {
    const key = await fundedKey(50);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 80 }, () => store.jobs.create(newJob(key.id, { price: 1 }))),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(50);
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refusals.map((o) => (o.reason as { code: string }).code)).toEqual(Array(30).fill('NO_CREDITS'));
    expect(await balanceOf(key.id)).toBe(0);
    await expectLedgerSumsToBalance(key.id);
  });

  it('completes once (the reserve becomes the charge) and announces the job finished, as committed', async () => {
    const key = await fundedKey(10);
    const seen: string[] = [];
    const announced: unknown[] = [];
    const unsubscribe = store.onJobFinished((id, finished) => {
      seen.push(id);
      announced.push(finished);
    });
    const { job } = await store.jobs.create(newJob(key.id));
    await store.jobs.recordAttempt(job.id, { ...ATTEMPT, code: 'PROVIDER_ERROR', message: 'boom' });
    expect(await store.jobs.complete(job.id, 'local', 'https://images.example/a.png', ATTEMPT)).toBe(true);
    expect(await store.jobs.complete(job.id, 'local', 'https://images.example/b.png', ATTEMPT)).toBe(false);
    expect(await store.jobs.fail(job.id, createError('INTERNAL_SERVER_ERROR').toJSON(), null)).toBe(false);
    const stored = await await store.jobs.get(job.id);
    expect(stored).toMatchObject({ status: 'completed', provider: 'local', resultUrl: 'https://images.example/a.png' });
    expect(stored?.attempts.map((a) => a.code)).toEqual(['PROVIDER_ERROR', 'ok']);
    expect(stored?.finishedAt).toEqual(expect.any(Number));
    await expect.poll(() => seen).toEqual([job.id]);
    // The completion hands over the job exactly as a read after the commit sees it.
    expect(announced).toEqual([stored]);
    unsubscribe();
    expect(await balanceOf(key.id)).toBe(7);
    await expectLedgerSumsToBalance(key.id);
  });

  it("announces another process's finish of a job watched here, also one finished before the watch, and no other", async () => {
    const other = await another();
    const key = await fundedKey(10);
    const heard = new Set<string>();
    const unsubscribe = store.onJobFinished((id) => heard.add(id));
    const stored = async (prompt: string) => (await store.jobs.create(newJob(key.id, { prompt }))).job;
    const [watched, finishedFirst, unwatched] = [
      await stored('watched'),
      await stored('finished first'),
      await stored('unwatched'),
    ];
    const stops = [store.watchJob(watched.id)];
    // Time for the watch to be in place (PostgreSQL marks the row after a moment) before the finish.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await other.jobs.complete(watched.id, 'local', 'https://images.example/w.png', ATTEMPT);
    await other.jobs.complete(finishedFirst.id, 'local', 'https://images.example/f.png', ATTEMPT);
    await other.jobs.fail(unwatched.id, createError('INTERNAL_SERVER_ERROR').toJSON(), null);
    stops.push(store.watchJob(finishedFirst.id));
    await expect.poll(() => [...heard].sort()).toEqual([watched.id, finishedFirst.id].sort());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard.has(unwatched.id)).toBe(false);
    for (const stop of stops) stop();
    unsubscribe();
    await expectLedgerSumsToBalance(key.id);
  });

  it('refunds a failed job at most once, whichever paths race to fail or cancel it', async () => {
    const key = await fundedKey(10);
    const { job } = await store.jobs.create(newJob(key.id));
    const error = createError('PROVIDER_ERROR', { provider: 'local' }).toJSON();
    const outcomes = await Promise.all([
      store.jobs.fail(job.id, error, 'local'),
      store.jobs.fail(job.id, error, 'local'),
      store.jobs.cancel(job.id, key.id, cancelled(job.id)),
    ]);
    expect(outcomes.filter((o) => o === true || (typeof o === 'object' && o?.cancelled))).toHaveLength(1);
    expect(await balanceOf(key.id)).toBe(10);
    expect((await store.ledger.history(key.id, 10)).filter((l) => l.kind === 'refund')).toHaveLength(1);
    await expectLedgerSumsToBalance(key.id);
  });

  it('cancels only its own key’s unfinished job, refunded; a finished one stands', async () => {
    const key = await fundedKey(10);
    const other = await fundedKey(10);
    const { job } = await store.jobs.create(newJob(key.id));
    expect(await store.jobs.cancel(job.id, other.id, cancelled(job.id))).toBeUndefined();
    expect(await store.jobs.cancel('job_missing', key.id, cancelled('job_missing'))).toBeUndefined();
    const outcome = await store.jobs.cancel(job.id, key.id, cancelled(job.id));
    expect(outcome?.cancelled).toBe(true);
    expect(outcome?.job).toMatchObject({ status: 'cancelled', error: { code: 'JOB_CANCELLED' } });
    const again = await store.jobs.cancel(job.id, key.id, cancelled(job.id));
    expect(again).toMatchObject({ cancelled: false, job: { status: 'cancelled' } });
    expect(await balanceOf(key.id)).toBe(10);

    const { job: done } = await store.jobs.create(newJob(key.id));
    await store.jobs.complete(done.id, 'local', 'https://images.example/c.png', ATTEMPT);
    expect(await store.jobs.cancel(done.id, key.id, cancelled(done.id))).toMatchObject({
      cancelled: false,
      job: { status: 'completed' },
    });
    expect(await balanceOf(key.id)).toBe(7);
    await expectLedgerSumsToBalance(key.id);
  });

  it('keeps the upstream job of an unfinished job, for a restart or a take-over to resume', async () => {
    const key = await fundedKey(10);
    const { job } = await store.jobs.create(newJob(key.id));
    const upstream = { provider: 'fal', id: 'req-1', urls: { status: 'https://fal.example/status' } };
    expect(await store.jobs.recordUpstream(job.id, upstream)).toBe(true);
    expect((await await store.jobs.get(job.id))?.upstream).toEqual(upstream);
    await store.jobs.complete(job.id, 'fal', 'https://images.example/d.png', ATTEMPT);
    expect(await store.jobs.recordUpstream(job.id, { provider: 'fal', id: 'req-2' })).toBe(false);
    expect((await await store.jobs.get(job.id))?.upstream).toEqual(upstream);
  });

  it('leases: a live lease is never taken over; a lapsed or released one is, once', async () => {
    const key = await fundedKey(100);
    const live = (await store.jobs.create(newJob(key.id, { startsNow: lease('instance-live') }))).job;
    const dead = (await store.jobs.create(newJob(key.id, { startsNow: lease('instance-dead', 1) }))).job;
    const queued = (await store.jobs.create(queuedJob(key.id))).job;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const now = Date.now();
    const [b, c] = [lease('instance-b'), lease('instance-c')];
    const [claimedByB, claimedByC] = await Promise.all([
      store.jobs.claimLapsed(b, now, 1_000),
      store.jobs.claimLapsed(c, now, 1_000),
    ]);
    const claimed = [...claimedByB, ...claimedByC].map((j) => j.id);
    expect(claimed).toContain(dead.id);
    expect(claimed).toContain(queued.id);
    expect(claimed).not.toContain(live.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect([...claimedByB, ...claimedByC].every((j) => j.status === 'processing')).toBe(true);

    // The heartbeat of the dead instance finds it holds nothing; the new owner still holds what it took.
    expect(await store.jobs.renewLeases(lease('instance-dead'))).toEqual([]);
    expect((await store.jobs.renewLeases(lease('instance-live'))).sort()).toEqual([live.id]);
    expect(await store.jobs.releaseLeases('instance-live')).toBe(1);
    const taken = await store.jobs.claimLapsed(lease('instance-d'), Date.now(), 1_000);
    expect(taken.map((j) => j.id)).toEqual([live.id]);
    // A finished job is nobody's to take.
    await store.jobs.complete(live.id, 'local', 'https://images.example/e.png', ATTEMPT);
    expect(await store.jobs.renewLeases(lease('instance-d'))).toEqual([]);
  });

  it('deletes finished jobs past their age in batches, with their Idempotency-Keys; the ledger stays', async () => {
    const key = await fundedKey(100);
    const finished: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { job } = await store.jobs.create(newJob(key.id, { idempotency: { key: `old-${i}`, requestHash: 'h' } }));
      await store.jobs.complete(job.id, 'local', 'https://images.example/f.png', ATTEMPT);
      finished.push(job.id);
    }
    const running = (await store.jobs.create(newJob(key.id))).job;
    const before = await store.ledger.history(key.id, 1_000);
    const cutoff = Date.now() + 1;
    let deleted = 0;
    for (
      let batch = await store.jobs.deleteFinished(cutoff, 2);
      batch > 0;
      batch = await store.jobs.deleteFinished(cutoff, 2)
    ) {
      expect(batch).toBeLessThanOrEqual(2);
      deleted += batch;
    }
    expect(deleted).toBeGreaterThanOrEqual(5);
    for (const id of finished) expect(await await store.jobs.get(id)).toBeUndefined();
    expect((await await store.jobs.get(running.id))?.status).toBe('processing');
    expect(await store.ledger.history(key.id, 1_000)).toEqual(before);
    await expectLedgerSumsToBalance(key.id);
    // The key's Idempotency-Key went with its job: the same key now makes a new job.
    const again = await store.jobs.create(newJob(key.id, { idempotency: { key: 'old-0', requestHash: 'h' } }));
    expect(again.replayed).toBe(false);
  });

  it('lists unfinished jobs past a deadline, soonest first', async () => {
    const key = await fundedKey(10);
    const { job } = await store.jobs.create(newJob(key.id, { deadlineMs: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await store.jobs.listOverdue(Date.now())).map((j) => j.id)).toContain(job.id);
    await store.jobs.fail(job.id, createError('SERVICE_UNAVAILABLE', {}).toJSON(), null);
    expect((await store.jobs.listOverdue(Date.now())).map((j) => j.id)).not.toContain(job.id);
  });

  it('lists one key’s unfinished jobs, oldest first, and nothing of other keys or finished jobs', async () => {
    const key = await fundedKey(20);
    const other = await fundedKey(20);
    const first = (await store.jobs.create(queuedJob(key.id))).job;
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = (await store.jobs.create(newJob(key.id))).job;
    const done = (await store.jobs.create(newJob(key.id))).job;
    await store.jobs.complete(done.id, 'local', 'https://images.example/g.png', ATTEMPT);
    await store.jobs.create(newJob(other.id));
    expect((await store.jobs.listUnfinished(key.id)).map((j) => j.id)).toEqual([first.id, second.id]);
    expect(await store.jobs.listUnfinished('key_missing')).toEqual([]);
  });

  it('refuses a submit that authenticated before its key was revoked: INVALID_API_KEY, nothing stored or charged', async () => {
    const key = await fundedKey(10);
    expect(await revokeKey(store, key.id)).toEqual({ found: true, cancelled: [] });
    await expect(store.jobs.create(newJob(key.id))).rejects.toMatchObject({ code: 'INVALID_API_KEY' });
    expect(await store.jobs.listUnfinished(key.id)).toEqual([]);
    expect(await balanceOf(key.id)).toBe(10);
    expect(await store.ledger.history(key.id, 10)).toHaveLength(1);
  });

  it('a revoke racing submits leaves no unfinished job for the key: each is refused or cancelled, refunded once', async () => {
    const key = await fundedKey(100);
    const before = (await store.jobs.create(newJob(key.id))).job;
    // Submits already past authentication, sent at the same moment as the revoke.
    const submits = Array.from({ length: 20 }, () => store.jobs.create(newJob(key.id)));
    const revoked = revokeKey(store, key.id);
    const outcomes = await Promise.allSettled(submits);
    const { cancelled } = await revoked;
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(new Set(refusals.map((o) => (o.reason as { code: string }).code))).toEqual(
      new Set(refusals.length > 0 ? ['INVALID_API_KEY'] : []),
    );
    const accepted = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.job.id] : []));
    expect(cancelled.sort()).toEqual([before.id, ...accepted].sort());
    expect(await store.jobs.listUnfinished(key.id)).toEqual([]);
    expect(await balanceOf(key.id)).toBe(100);
    await expectLedgerSumsToBalance(key.id);
  });

  it('revokes a key, and lists every key', async () => {
    const key = await fundedKey(1);
    expect((await store.keys.list()).map((k) => k.id)).toContain(key.id);
    expect(await store.keys.revoke(key.id, 1234)).toBe(true);
    expect((await store.keys.get(key.id))?.revokedAt).toBe(1234);
    expect(await store.keys.revoke('key_missing', 1)).toBe(false);
  });
});
