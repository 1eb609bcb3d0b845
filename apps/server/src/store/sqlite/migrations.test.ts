import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, expect, it } from 'vitest';
import { migrations } from './migrations.ts';
import { DATABASE_FILE, openDatabase } from './open-database.ts';

// A data dir written by the first server (schema 1) must open in this one with every row kept.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('upgrades a schema-1 data dir: jobs and their idempotency keys kept, cancelled allowed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'openpixels-migrate-'));
  dirs.push(dir);
  const old = new DatabaseSync(join(dir, DATABASE_FILE));
  old.exec('PRAGMA foreign_keys = ON');
  old.exec((migrations[0] as { sql: string }).sql);
  old.exec('PRAGMA user_version = 1');
  old.exec(`
    INSERT INTO api_keys (id, hash, prefix, name, balance, created_at) VALUES ('key_1', 'h', 'sk-op-ab', 'old', 7, 1);
    INSERT INTO jobs (id, key_id, model, prompt, width, height, routing, price, status, created_at, updated_at, deadline_at)
      VALUES ('job_1', 'key_1', 'flux-dev', 'a fox', 512, 512, '{"strategy":"best"}', 3, 'processing', 1, 1, 99);
    INSERT INTO idempotency_keys (key_id, idem_key, request_hash, job_id, created_at) VALUES ('key_1', 'k', 'r', 'job_1', 1);
  `);
  old.close();

  const db = openDatabase(dir);
  try {
    expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(migrations.length);
    expect(db.prepare('SELECT id, status, prompt FROM jobs').all()).toEqual([
      { id: 'job_1', status: 'processing', prompt: 'a fox' },
    ]);
    db.exec("UPDATE jobs SET status = 'cancelled' WHERE id = 'job_1'");
    expect(() => db.exec("UPDATE jobs SET status = 'lost' WHERE id = 'job_1'")).toThrow(/CHECK/);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(() =>
      db.exec("INSERT INTO idempotency_keys (key_id, idem_key, request_hash, job_id, created_at) VALUES ('key_1', 'z', 'r', 'job_none', 1)"),
    ).toThrow(/FOREIGN KEY/);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'jobs' AND sql IS NOT NULL").all();
    expect(indexes.map((i) => i.name).sort()).toEqual(['jobs_active', 'jobs_active_by_key', 'jobs_active_by_lease', 'jobs_finished_by_age']);
  } finally {
    db.close();
  }
});
