import { afterAll, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';

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

    // Each goes one retention period after it finished (they finished in any order).
    const anyLeft = async () =>
      (await Promise.all(ids.map((id) => server.jobs.get(id)))).some((job) => job !== undefined);
    for (let i = 0; i < 300 && (await anyLeft()); i++) {
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
});
