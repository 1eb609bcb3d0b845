import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { admissionRules } from '../jobs/admission.ts';
import { JobStore } from '../jobs/job-store.ts';
import { ApiKeyStore } from '../keys/api-key-store.ts';
import { migrations } from './migrations.ts';
import { DATABASE_FILE, openDatabase } from './open-database.ts';

// Written by the server at schema version 1 (see the file's header): its key, jobs and ledger.
const V1_DUMP = readFileSync(new URL('./fixtures/data-dir-v1.sql', import.meta.url), 'utf8');
const V1 = {
  key: 'sk-op-l5EBTSR4mAROQR2BEBvSzsMJmlM1A5tDIiyTGThi',
  keyId: 'key_111b8f61392d03ef',
  completed: 'job_99bcf4f5b6817ced6b352c54f5c73f7b',
  failed: 'job_005195b91a778a8fe7448af1b3208aff',
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data dir holding `sql`'s database, as a server of that version left it. */
function dataDirFrom(sql: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'openpixels-upgrade-'));
  dirs.push(dir);
  mkdirSync(dir, { recursive: true });
  const db = new DatabaseSync(join(dir, DATABASE_FILE));
  db.exec(sql);
  db.close();
  return dir;
}

describe('openDatabase', () => {
  it('upgrades a data dir written at schema version 1 and keeps its keys, jobs and ledger', () => {
    const db = openDatabase(dataDirFrom(V1_DUMP));
    try {
      expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
      const keys = new ApiKeyStore(db);
      const jobs = new JobStore(db);
      expect(keys.authenticate(V1.key)).toMatchObject({ id: V1.keyId, name: 'from-v1', balance: 19 });
      expect(jobs.get(V1.completed)).toMatchObject({ status: 'completed', provider: 'local', price: 1 });
      expect(jobs.get(V1.failed)).toMatchObject({ status: 'failed', error: { code: 'PROVIDER_ERROR' } });
      const ledger = keys.ledger(V1.keyId);
      expect(ledger.map((e) => e.kind).sort()).toEqual(['grant', 'refund', 'reserve', 'reserve']);
      expect(ledger.reduce((sum, e) => sum + e.amount, 0)).toBe(19);
      // The upgraded data dir keeps working: the old Idempotency-Key replays, a new job is charged.
      const rules = admissionRules({ maxActiveJobsPerKey: 10 });
      const request = { keyId: V1.keyId, model: 'flux-schnell' as const, prompt: 'after the upgrade', width: 256, height: 256 };
      const fresh = jobs.create({ ...request, routing: { strategy: 'best' }, price: 1, deadlineMs: 60_000, rules });
      expect(fresh.replayed).toBe(false);
      expect(keys.get(V1.keyId)?.balance).toBe(18);
      expect(jobs.listActive().map((job) => job.id)).toEqual([fresh.job.id]);
    } finally {
      db.close();
    }
  });

  it('opening twice applies nothing twice', () => {
    const dir = dataDirFrom(V1_DUMP);
    openDatabase(dir).close();
    const db = openDatabase(dir);
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
    expect(new ApiKeyStore(db).list()).toHaveLength(1);
    db.close();
  });

  it('refuses a data dir written by a newer server, leaving it as it was', () => {
    const dir = dataDirFrom(`${V1_DUMP}\nPRAGMA user_version = ${migrations.length + 1};`);
    expect(() => openDatabase(dir)).toThrow(/newer server \(schema \d+, this one knows \d+\)/);
    const db = new DatabaseSync(join(dir, DATABASE_FILE));
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length + 1 });
    db.close();
  });

  it('numbers the migrations 1, 2, 3… so a version always means the same schema', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });
});
