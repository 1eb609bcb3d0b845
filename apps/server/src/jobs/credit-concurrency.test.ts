import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../store/sqlite/open-database.ts';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer, waitForResult } from '../testing/start-test-server.ts';

// SQLite only: a second process spends the key through the SQLite file itself (its write lock).

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The ledger's own account of a key: the sum of its movements, and its counts by kind. */
function ledgerOf(keyId: string) {
  const db = new DatabaseSync(join(server.dataDir, DATABASE_FILE), { readOnly: true });
  try {
    const sum = db.prepare('SELECT COALESCE(SUM(amount), 0) AS sum FROM ledger WHERE key_id = ?').get(keyId) as {
      sum: number;
    };
    const kinds = db.prepare('SELECT kind, COUNT(*) AS n FROM ledger WHERE key_id = ? GROUP BY kind').all(keyId) as {
      kind: string;
      n: number;
    }[];
    return { sum: sum.sum, ...Object.fromEntries(kinds.map((k) => [k.kind, k.n])) };
  } finally {
    db.close();
  }
}

describe('concurrent submits never overspend', () => {
  it('200 parallel submits with credits for 50: exactly 50 accepted, 150 NO_CREDITS, balance 0, ledger matches', async () => {
    const { key, id } = await server.createApiKey({ credits: 50, name: 'race' });
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        server.call('/v2/submit', {
          json: { model: 'flux-schnell', prompt: `race ${i}`, width: 256, height: 256 },
          headers: { authorization: `Key ${key}` },
        }),
      ),
    );
    const accepted = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status !== 200);
    expect(accepted).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const response of refused) await expectErrorResponse(response, 'NO_CREDITS');

    const ids = await Promise.all(accepted.map(async (r) => ((await r.json()) as { id: string }).id));
    const results = await Promise.all(ids.map((jobId) => waitForResult(server, jobId, key)));
    expect(results.every((r) => r.status === 'completed')).toBe(true);
    expect((await server.keys.get(id))?.balance).toBe(0);
    expect(ledgerOf(id)).toEqual({ sum: 0, grant: 1, reserve: 50 });
  });

  it('two processes spending one key at once stop exactly at zero', async () => {
    const { id } = await server.createApiKey({ credits: 150, name: 'two-processes' });
    const worker = fileURLToPath(new URL('../testing/reserve-credits-worker.ts', import.meta.url));
    const run = () => promisify(execFile)(process.execPath, [worker, server.dataDir, id, '120']);
    const outputs = await Promise.all([run(), run()]);
    const [a, b] = outputs.map((o) => JSON.parse(o.stdout) as { accepted: number; refused: number }) as [
      { accepted: number; refused: number },
      { accepted: number; refused: number },
    ];
    expect(a.accepted + b.accepted).toBe(150);
    expect(a.refused + b.refused).toBe(90);
    expect((await server.keys.get(id))?.balance).toBe(0);
    expect(ledgerOf(id)).toMatchObject({ sum: 0, reserve: 150 });
  });
});
