import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrations } from './migrations.ts';
import { DataDirUnusableError } from './data-dir-unusable-error.ts';
import { immediateTransaction } from './immediate-transaction.ts';
import { isLockProblem, storageProblemOf } from '../storage-unavailable.ts';

/** The file name of the database inside the data dir. */
export const DATABASE_FILE = 'openpixels.sqlite';

/** How long a connection blocks the event loop waiting for another process's write lock, by default. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if needed) the data dir's database and brings its schema up to date. One
 * connection per process: node:sqlite is synchronous, so this process's writes never
 * interleave; other processes (the `keys` CLI) are kept out by BEGIN IMMEDIATE and the busy
 * timeout. `busyTimeoutMs` applies after the migration (which may wait the default): node:sqlite
 * waits for a lock synchronously, so the server keeps it to a few milliseconds and retries
 * without blocking instead (see retry-storage-write.ts). Throws DataDirUnusableError when the
 * dir cannot hold the database (read-only, full, a file in the way).
 */
export function openDatabase(dataDir: string, options: { busyTimeoutMs?: number } = {}): DatabaseSync {
  let db: DatabaseSync | undefined;
  try {
    makeDir(dataDir);
    db = new DatabaseSync(join(dataDir, DATABASE_FILE));
    db.exec(`PRAGMA busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
    // WAL lets readers run beside the writer; NORMAL sync is crash-safe in WAL mode (a killed
    // process loses nothing committed; only a power cut may drop the last commits, atomically).
    switchToWal(db);
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
    // Always a write, even with nothing to apply: a start on storage that cannot take writes stops here.
    migrate(db);
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
    return db;
  } catch (error) {
    try {
      db?.close();
    } catch {}
    throw DataDirUnusableError.from(error, dataDir) ?? error;
  }
}

/**
 * `PRAGMA journal_mode = WAL`, tried again for up to the default busy timeout while another
 * process holds the lock it needs. Why: SQLite answers that pragma SQLITE_BUSY at once, without
 * the busy handler, when another connection is switching the same new file or recovering its
 * WAL, which is what two workers starting together on a new data dir do (2 of 30 such starts
 * failed). Start-up only, so a blocking pause is fine: nothing is served yet.
 */
function switchToWal(db: DatabaseSync): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const until = performance.now() + DEFAULT_BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      if (!isLockProblem(storageProblemOf(error) ?? '') || performance.now() > until) throw error;
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}

/** mkdir -p, with the real reason when it fails: a recursive mkdir says ENOENT on a read-only file system. */
function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    let missing = dir;
    while (!existsSync(dirname(missing)) && dirname(missing) !== missing) missing = dirname(missing);
    mkdirSync(missing); // throws EROFS, EACCES… (the reason); if it works after all, so does the rest
    mkdirSync(dir, { recursive: true });
  }
}

/** Applies the migrations a database has not seen yet, all in one transaction (all or none). */
export function migrate(db: DatabaseSync): void {
  // A migration may rebuild a table others point at; SQLite's procedure for that turns
  // foreign keys off around the transaction (they cannot change inside one) and checks them at its end.
  db.exec('PRAGMA foreign_keys = OFF');
  try {
    migrateWithin(db);
  } finally {
    db.exec('PRAGMA foreign_keys = ON');
  }
}

function migrateWithin(db: DatabaseSync): void {
  immediateTransaction(db, () => {
    const { user_version: applied } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    if (applied > migrations.length) {
      throw new Error(
        `The data dir was written by a newer server (schema ${applied}, this one knows ${migrations.length}).`,
      );
    }
    for (const migration of migrations.slice(applied)) {
      db.exec(migration.sql);
      db.exec(`PRAGMA user_version = ${migration.version}`);
    }
    if (db.prepare('PRAGMA foreign_key_check').all().length > 0) {
      throw new Error('A schema migration left rows pointing at missing rows; nothing was changed.');
    }
  });
}
