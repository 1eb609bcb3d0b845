import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { admissionRules } from '../../jobs/admission.ts';
import { authenticateApiKey } from '../../keys/find-api-key.ts';
import { migrations } from './migrations.ts';
import { DATABASE_FILE, openDatabase } from './open-database.ts';
import { openSqliteStore } from './open-sqlite-store.ts';

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
  it('upgrades a data dir written at schema version 1 and keeps its keys, jobs and ledger', async () => {
    const dir = dataDirFrom(V1_DUMP);
    const store = openSqliteStore(dir);
    try {
      const db = new DatabaseSync(join(dir, DATABASE_FILE), { readOnly: true });
      expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
      db.close();
      const { keys, jobs } = store;
      expect(await authenticateApiKey(keys, V1.key)).toMatchObject({ id: V1.keyId, name: 'from-v1', balance: 19 });
      expect(await jobs.get(V1.completed)).toMatchObject({ status: 'completed', provider: 'local', price: 1 });
      expect(await jobs.get(V1.failed)).toMatchObject({ status: 'failed', error: { code: 'PROVIDER_ERROR' } });
      const ledger = await store.ledger.history(V1.keyId, 50);
      expect(ledger.map((e) => e.kind).sort()).toEqual(['grant', 'refund', 'reserve', 'reserve']);
      expect(ledger.reduce((sum, e) => sum + e.amount, 0)).toBe(19);
      // The upgraded data dir keeps working: the old Idempotency-Key replays, a new job is charged.
      const rules = admissionRules({ maxActiveJobsPerKey: 10 });
      const request = { keyId: V1.keyId, model: 'flux-schnell' as const, prompt: 'after the upgrade', width: 256, height: 256 };
      const fresh = await jobs.create({ ...request, routing: { strategy: 'best' }, price: 1, deadlineMs: 60_000, rules });
      expect(fresh.replayed).toBe(false);
      expect((await keys.get(V1.keyId))?.balance).toBe(18);
      // The jobs a v1 server left have no lease: the first instance to look takes the unfinished ones.
      const claimed = await jobs.claimLapsed({ owner: 'upgrade', until: Date.now() + 1_000 }, Date.now(), 100);
      expect(claimed.map((job) => job.id)).toEqual([fresh.job.id]);
    } finally {
      await store.close();
    }
  });

  it('opening twice applies nothing twice', async () => {
    const dir = dataDirFrom(V1_DUMP);
    openDatabase(dir).close();
    const db = openDatabase(dir);
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
    db.close();
    const store = openSqliteStore(dir);
    expect(await store.keys.list()).toHaveLength(1);
    await store.close();
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

  // What OPENPIXELS_WORKERS does on a new data dir: every worker opens it at once. Before the
  // WAL switch waited for its lock, 23 of 30 such pairs had one fail (SQLITE_BUSY, exit 2).
  it('lets three processes open one new data dir at the same moment, ten times over', async () => {
    const script = fileURLToPath(new URL('../../testing/open-data-dir-at.ts', import.meta.url));
    const outcomes: string[] = [];
    for (let round = 0; round < 10; round++) {
      const parent = mkdtempSync(join(tmpdir(), 'openpixels-race-'));
      dirs.push(parent);
      const dir = join(parent, 'data'); // not there yet: the first opener makes it
      const at = String(Date.now() + 400); // after the three have loaded
      const runs = [0, 1, 2].map(() => promisify(execFile)(process.execPath, [script, dir, at]));
      for (const { stdout } of await Promise.all(runs)) outcomes.push(stdout.trim());
    }
    expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual([]);
    expect(outcomes).toHaveLength(30);
  });
});
