import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createError } from '@openpixels/errors';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteOldJobs } from '../../jobs/delete-old-jobs.ts';
import { issueApiKey } from '../../keys/issue-api-key.ts';
import { openSqliteStore } from './open-sqlite-store.ts';

// SQLite has one write lock for the whole file: one long delete would hold every submit back.
// (PostgreSQL locks rows; its deletes never queue submits behind them.)
const dir = mkdtempSync(join(tmpdir(), 'openpixels-retention-'));
const store = openSqliteStore(dir);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('deleteOldJobs on SQLite', () => {
  it('deletes in small transactions that submits get between', async () => {
    const { record } = await issueApiKey(store.keys, { credits: 1_000_000, name: 'retention' });
    const keyId = record.id;
    // 2,000 finished jobs, stored straight through the store (the route would take seconds).
    const error = createError('PROVIDER_ERROR', { provider: 'local' }).toJSON();
    const rules = { idempotency: () => 'new' as const, capacity: () => {} };
    const lease = { owner: 'retention-test', until: Date.now() + 60_000 };
    for (let i = 0; i < 2_000; i++) {
      const { job } = await store.jobs.create({
        keyId,
        model: 'flux-schnell',
        prompt: `old ${i}`,
        width: 256,
        height: 256,
        routing: { strategy: 'best' },
        price: 1,
        deadlineMs: 60_000,
        rules,
        startsNow: lease,
        idempotency: { key: `old-${i}`, requestHash: 'h' },
      });
      await store.jobs.fail(job.id, error, null);
    }
    // Deleting 2,000 takes 20 transactions; a submit made once the first is under way commits
    // between two of them rather than after the last.
    const order: string[] = [];
    let batches = 0;
    const counting = {
      deleteFinished: async (before: number, limit: number) => {
        batches++;
        return store.jobs.deleteFinished(before, limit);
      },
    };
    const deleting = deleteOldJobs(counting, -1, { batch: 100 }).then((deleted) => {
      order.push(`deleted after ${batches} batches`);
      return deleted;
    });
    const meanwhile = store.jobs
      .create({
        keyId,
        model: 'flux-schnell',
        prompt: 'meanwhile',
        width: 256,
        height: 256,
        routing: { strategy: 'best' },
        price: 1,
        deadlineMs: 60_000,
        rules,
        startsNow: lease,
      })
      .then(() => order.push(`submitted during batch ${batches}`));
    await Promise.all([deleting, meanwhile]);
    expect(await deleting).toBe(2_000);
    expect(order[0]).toMatch(/^submitted during batch (\d+)$/);
    expect(Number(order[0]?.split(' ').at(-1))).toBeLessThan(21);
    expect(order[1]).toBe('deleted after 21 batches');
    const key = await store.keys.get(keyId);
    const ledger = await store.ledger.history(keyId, 10_000);
    expect(ledger.reduce((sum, line) => sum + line.amount, 0)).toBe(key?.balance);
    expect(ledger.filter((line) => line.kind === 'refund')).toHaveLength(2_000);
  });
});
