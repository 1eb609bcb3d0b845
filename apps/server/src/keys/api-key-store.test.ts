import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.ts';
import { ApiKeyStore, hashApiKey } from './api-key-store.ts';

let dir: string;
let db: DatabaseSync;
let keys: ApiKeyStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'openpixels-keys-'));
  db = openDatabase(dir);
  keys = new ApiKeyStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ApiKeyStore', () => {
  it('creates sk-op- keys that authenticate, and stores only their hash', () => {
    const { key, record } = keys.create({ name: 'alice', credits: 25 });
    expect(key).toMatch(/^sk-op-[A-Za-z0-9]{40}$/);
    expect(keys.authenticate(key)).toMatchObject({
      id: record.id,
      name: 'alice',
      balance: 25,
    });
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file)).toString('latin1');
      expect(bytes.includes(key)).toBe(false);
      if (file.endsWith('.sqlite')) expect(bytes.includes(hashApiKey(key))).toBe(true);
    }
  });

  it('never authenticates a wrong, malformed or revoked key', () => {
    const { key, record } = keys.create();
    expect(keys.authenticate(`${key}x`)).toBeUndefined();
    expect(keys.authenticate('sk-op-short')).toBeUndefined();
    expect(keys.revoke(record.id)).toBe(true);
    expect(keys.authenticate(key)).toBeUndefined();
    expect(keys.revoke('key_missing')).toBe(false);
  });

  it('credits add to the balance and every grant is in the ledger', () => {
    const { record } = keys.create({ credits: 5 });
    expect(keys.credit(record.id, 7, 'top-up')).toBe(12);
    expect(keys.ledger(record.id).map((e) => [e.kind, e.amount, e.balanceAfter, e.note])).toEqual([
      ['grant', 7, 12, 'top-up'],
      ['grant', 5, 5, 'initial credits'],
    ]);
    expect(() => keys.credit(record.id, 0)).toThrow(RangeError);
    expect(() => keys.credit(record.id, 1.5)).toThrow(RangeError);
    expect(() => keys.credit('key_missing', 1)).toThrow(/No API key/);
  });

  it('finds a key by id or by the key itself', () => {
    const { key, record } = keys.create({ name: 'bob' });
    expect(keys.find(record.id)?.name).toBe('bob');
    expect(keys.find(key)?.id).toBe(record.id);
    expect(keys.list().map((k) => k.id)).toEqual([record.id]);
  });
});
