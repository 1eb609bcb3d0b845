import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrations } from './migrations.ts';
import { immediateTransaction } from './immediate-transaction.ts';

/** The file name of the database inside the data dir. */
export const DATABASE_FILE = 'openpixels.sqlite';

/**
 * Opens (creating if needed) the data dir's database and brings its schema up to date. One
 * connection per process: node:sqlite is synchronous, so this process's writes never
 * interleave; other processes (the `keys` CLI) are kept out by BEGIN IMMEDIATE and the busy
 * timeout.
 */
export function openDatabase(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
  // WAL lets readers run beside the writer; NORMAL sync is crash-safe in WAL mode (a killed
  // process loses nothing committed; only a power cut may drop the last commits, atomically).
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db);
  return db;
}

/** Applies the migrations a database has not seen yet, all in one transaction (all or none). */
export function migrate(db: DatabaseSync): void {
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
  });
}
