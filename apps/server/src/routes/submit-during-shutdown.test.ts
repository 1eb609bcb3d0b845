import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite/open-database.ts';
import type { ProviderAdapter } from '../providers/provider-adapter.ts';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { startTestServer } from '../testing/start-test-server.ts';

// SQLite only: it holds the SQLite file's write lock to stall the submits it races against shutdown.

// Submits share a commit with the others of their event-loop turn (SqliteJobStore.create), so a
// shutdown can begin while one waits for that commit. Whatever the interleaving, each submit
// must end either refused and uncharged, or accepted, run and charged: none left behind.
const instant: ProviderAdapter = {
  id: 'instant',
  models: ['flux-schnell', 'flux-dev', 'flux-pro-1.1'],
  generate: async ({ jobId }) => ({ url: `https://images.example/${jobId}.png` }),
};

describe('submits racing a graceful shutdown', () => {
  it('are each refused uncharged or accepted and finished; the ledger adds up', async () => {
    const server = await startTestServer({ adapters: [instant], credits: 1_000, keepDataDir: true });
    const body = JSON.stringify({ model: 'flux-dev', prompt: 'a lantern', width: 256, height: 256 });
    const submit = () =>
      fetch(`${server.url}/v2/submit`, {
        method: 'POST',
        headers: { authorization: `Key ${server.key}`, 'content-type': 'application/json' },
        body,
      }).then(
        async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }),
        () => undefined, // cut off by the shutdown: its fate is read from the database below
      );
    const first = submit();
    const rest = Array.from({ length: 40 }, submit);
    await first;
    const closed = server.close();
    const answers = (await Promise.all([first, ...rest])).filter((a) => a !== undefined);
    await closed;

    const db = openDatabase(server.dataDir);
    try {
      const jobs = db.prepare('SELECT id, status FROM jobs').all() as { id: string; status: string }[];
      expect(jobs.every((job) => job.status === 'completed')).toBe(true);
      for (const answer of answers) {
        if (answer.status === 200) expect(jobs.map((job) => job.id)).toContain(answer.body.id);
        else expectErrorEnvelope(answer.body, 'SERVICE_UNAVAILABLE');
      }
      const key = db.prepare('SELECT balance FROM api_keys').get() as { balance: number } | undefined;
      expect(key?.balance).toBe(1_000 - 3 * jobs.length);
    } finally {
      db.close();
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  });
});
