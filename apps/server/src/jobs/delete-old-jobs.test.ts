import { afterAll, describe, expect, it } from 'vitest';
import { createError } from '@openpixels/errors';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';
import { deleteOldJobs } from './delete-old-jobs.ts';

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('job retention', () => {
  it('deletes finished jobs past their age; a poll of one answers JOB_NOT_FOUND, the ledger stays', async () => {
    // 0.0002 h = 0.72 s, swept every 72 ms.
    const server = await startTestServer({ jobRetentionHours: 0.0002, credits: 100 });
    servers.push(server);
    const submit = async (prompt: string) => {
      const response = await server.call('/v2/submit', {
        json: { model: 'flux-dev', prompt, width: 256, height: 256 },
      });
      return ((await response.json()) as { id: string }).id;
    };
    const ids = await Promise.all(['one', 'two', 'three'].map(submit));
    for (const id of ids) expect(await waitForResult(server, id)).toMatchObject({ status: 'completed' });
    const ledgerBefore = await server.store.ledger.history((await server.keyRecord())?.id ?? '', 1_000);

    for (let i = 0; i < 300 && (await server.jobs.get(ids[2] as string)) !== undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const id of ids) {
      expect(await server.jobs.get(id)).toBeUndefined();
      await expectErrorResponse(await server.call(`/v2/poll/${id}`), 'JOB_NOT_FOUND');
    }
    const key = await server.keyRecord();
    expect(key?.balance).toBe(100 - 3 * 3);
    const ledger = await server.store.ledger.history(key?.id ?? '', 1_000);
    expect(ledger).toEqual(ledgerBefore);
    expect(ledger.reduce((sum, line) => sum + line.amount, 0)).toBe(key?.balance);
  });

  it('deletes in small transactions that submits get between', async () => {
    const server = await startTestServer({ jobRetentionHours: 0, credits: 1_000_000 });
    servers.push(server);
    const keyId = (await server.keyRecord())?.id as string;
    // 2,000 finished jobs, stored straight through the store (the route would take seconds).
    const error = createError('PROVIDER_ERROR', { provider: 'local' }).toJSON();
    const rules = { idempotency: () => 'new' as const, capacity: () => {} };
    const lease = { owner: 'retention-test', until: Date.now() + 60_000 };
    for (let i = 0; i < 2_000; i++) {
      const { job } = await server.jobs.create({
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
      await server.jobs.fail(job.id, error, null);
    }
    // Deleting 2,000 takes 20 transactions; a submit made once the first is under way commits
    // between two of them rather than after the last.
    const order: string[] = [];
    let batches = 0;
    const counting = {
      deleteFinished: async (before: number, limit: number) => {
        batches++;
        return server.jobs.deleteFinished(before, limit);
      },
    };
    const deleting = deleteOldJobs(counting, -1, { batch: 100 }).then((deleted) => {
      order.push(`deleted after ${batches} batches`);
      return deleted;
    });
    const meanwhile = server.jobs
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
    const key = await server.keyRecord();
    const ledger = await server.store.ledger.history(keyId, 10_000);
    expect(ledger.reduce((sum, line) => sum + line.amount, 0)).toBe(key?.balance);
    expect(ledger.filter((line) => line.kind === 'refund')).toHaveLength(2_000);
  });
});
