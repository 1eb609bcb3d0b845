import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantCredits } from '../credits/grant-credits.ts';
import { DATABASE_FILE } from '../store/sqlite/open-database.ts';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { hashApiKey } from './api-key-secret.ts';
import { authenticateApiKey, findApiKey } from './find-api-key.ts';
import { issueApiKey } from './issue-api-key.ts';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'openpixels-keys-'));
  store = openSqliteStore(dir);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('issueApiKey', () => {
  it('creates sk-op- keys that authenticate, and stores only their hash', async () => {
    const { key, record } = await issueApiKey(store.keys, { name: 'alice', credits: 25 });
    expect(key).toMatch(/^sk-op-[A-Za-z0-9]{40}$/);
    expect(await authenticateApiKey(store.keys, key)).toEqual(record);
    expect(record).toMatchObject({ name: 'alice', balance: 25 });
    const db = new DatabaseSync(join(dir, DATABASE_FILE));
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    db.close();
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file)).toString('latin1');
      expect(bytes.includes(key)).toBe(false);
      if (file.endsWith('.sqlite')) expect(bytes.includes(hashApiKey(key))).toBe(true);
    }
  });

  it('never authenticates a wrong, malformed or revoked key', async () => {
    const { key, record } = await issueApiKey(store.keys);
    expect(await authenticateApiKey(store.keys, `${key}x`)).toBeUndefined();
    expect(await authenticateApiKey(store.keys, 'sk-op-short')).toBeUndefined();
    expect(await store.keys.revoke(record.id, Date.now())).toBe(true);
    expect(await authenticateApiKey(store.keys, key)).toBeUndefined();
    expect(await store.keys.revoke('key_missing', Date.now())).toBe(false);
  });

  it('grants add to the balance and every grant is in the ledger; bad amounts and missing keys are refused', async () => {
    const { record } = await issueApiKey(store.keys, { credits: 5 });
    expect(await grantCredits(store.ledger, record.id, 7, 'top-up')).toBe(12);
    expect((await store.ledger.history(record.id, 50)).map((e) => [e.kind, e.amount, e.balanceAfter, e.note])).toEqual([
      ['grant', 7, 12, 'top-up'],
      ['grant', 5, 5, 'initial credits'],
    ]);
    await expect(grantCredits(store.ledger, record.id, 0)).rejects.toThrow(RangeError);
    await expect(grantCredits(store.ledger, record.id, 1.5)).rejects.toThrow(RangeError);
    await expect(grantCredits(store.ledger, 'key_missing', 1)).rejects.toThrow(/No API key/);
    await expect(issueApiKey(store.keys, { credits: -1 })).rejects.toThrow(RangeError);
  });

  it('finds a key by id or by the key itself', async () => {
    const { key, record } = await issueApiKey(store.keys, { name: 'bob' });
    expect((await findApiKey(store.keys, record.id))?.name).toBe('bob');
    expect((await findApiKey(store.keys, key))?.id).toBe(record.id);
    expect((await store.keys.list()).map((k) => k.id)).toEqual([record.id]);
  });
});
