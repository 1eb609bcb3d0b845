import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
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

  it('explains bad input and exits 2', async () => {
    for (const args of [['frobnicate'], ['credit', 'key_missing', '5'], ['create', '--credits', '-3'], ['revoke']]) {
      const result = await keys(...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^keys: [\s\S]+\n\nUsage: keys/);
    }
  });
});
