import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { expectLedgerConsistent } from './testing/expect-ledger-consistent.ts';
import { startTestServer } from './testing/start-test-server.ts';

// SQLite only: the CLI is pointed at a data dir here; its --database-url is tested in store/postgres/multi-instance.test.ts.

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function keys(...args: string[]) {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, ...args, '--data-dir', dataDir]);
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('keys CLI', () => {
  it('create, credit, ledger, list and revoke a key; the running server sees each change', async () => {
    const created = await keys('create', '--name', 'ops', '--credits', '5', '--json');
    expect(created.code).toBe(0);
    const { key, id } = JSON.parse(created.stdout) as { key: string; id: string };
    expect(key).toMatch(/^sk-op-/);

    const server = await startTestServer({ dataDir });
    try {
      const balance = async () =>
        (await server.call('/v2/balance', { headers: { authorization: `Key ${key}` } })).json() as Promise<{
          balance?: number;
          code?: string;
        }>;
      expect((await balance()).balance).toBe(5);
      expect((await keys('credit', id, '10', '--note', 'invoice 42')).stdout).toContain('balance 15');
      expect((await balance()).balance).toBe(15);
      expect((await keys('ledger', key)).stdout).toMatch(/grant\s+10\s+→\s+15\s+invoice 42/);
      const listed = await keys('list');
      expect(listed.stdout).toContain(id);
      expect(listed.stdout).not.toContain(key);
      expect((await keys('revoke', id)).code).toBe(0);
      expect((await balance()).code).toBe('INVALID_API_KEY');
    } finally {
      await server.close();
    }
  });

  it('explains bad input in one line plus the usage of the command concerned, and exits 2', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /^usage: keys create\|list\|revoke\|credit\|debit\|ledger\|limits\|reseal /],
      [['credit', 'key_missing', '5'], /^usage: keys credit <key-id \| key> <amount>/],
      [['debit', 'key_missing', 'x'], /^usage: keys debit <key-id \| key> <amount>/],
      [['create', '--credits', '-3'], /^usage: keys create /],
      [['revoke'], /^usage: keys revoke <key-id \| key>$/],
      [['list', '--frobnicate'], /^usage: keys list$/],
      // Without the new secret in its environment there is nothing to seal under.
      [['reseal'], /^usage: keys reseal$/],
    ];
    for (const [args, usage] of cases) {
      const result = await keys(...args);
      expect(result.code, args.join(' ')).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, args.join(' ')).toEqual([expect.stringMatching(/^keys: /), expect.stringMatching(usage)]);
    }
  });

  it('debits a key with a note, never below 0, and refuses to credit a revoked key', async () => {
    const { id } = JSON.parse((await keys('create', '--credits', '5', '--json')).stdout) as { id: string };
    const debited = await keys('debit', id, '3', '--note', 'chargeback 7', '--json');
    expect(debited.code).toBe(0);
    expect(JSON.parse(debited.stdout)).toEqual({ id, balance: 2 });

    const tooMuch = await keys('debit', id, '3');
    expect(tooMuch.code).toBe(1);
    expect(tooMuch.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/holds 2 credits.*below 0/)]);
    const ledger = JSON.parse((await keys('ledger', id, '--json')).stdout) as { amount: number; note: string }[];
    expect(ledger.map((e) => [e.amount, e.note])).toEqual([
      [-3, 'chargeback 7'],
      [5, 'initial credits'],
    ]);

    expect((await keys('revoke', id)).code).toBe(0);
    const credited = await keys('credit', id, '10');
    expect(credited.code).toBe(1);
    expect(credited.stderr).toMatch(/revoked/);
    expect(JSON.parse((await keys('list', '--json')).stdout)).toContainEqual(
      expect.objectContaining({ id, balance: 2 }),
    );
    expectLedgerConsistent(dataDir);
  });

  it("sets a key's rate limits, the same operation as the admin API", async () => {
    const { id } = JSON.parse((await keys('create', '--json')).stdout) as { id: string };
    const set = await keys('limits', id, '--requests-per-minute', '60', '--images-per-minute', '0');
    expect(set.stdout.trim()).toBe(`${id}: 60 requests/min, none images/min`);
    const back = await keys('limits', id, '--requests-per-minute', 'default', '--json');
    expect(JSON.parse(back.stdout)).toEqual({ id, limits: { requestsPerMinute: null, imagesPerMinute: 0 } });
    const bad = await keys('limits', id, '--images-per-minute', 'lots');
    expect(bad.code).toBe(2);
  });

  it('--json through the documented pnpm command (with -s) is JSON and nothing else', async () => {
    const { stdout } = await promisify(execFile)('pnpm', ['-s', 'keys', 'list', '--json', '--data-dir', dataDir], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    });
    const listed = JSON.parse(stdout) as { id: string }[];
    expect(listed.length).toBeGreaterThan(0);
  });
});
