// `node hold-write-lock.ts <database file> <ms>`: another process holding the SQLite write lock
// (BEGIN IMMEDIATE) for <ms>, the way the keys CLI or a backup can. Prints "locked" once it
// holds the lock and "released" after COMMIT.
import { DatabaseSync } from 'node:sqlite';

const [file, ms] = process.argv.slice(2);
const db = new DatabaseSync(file as string);
db.exec('PRAGMA busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\n');
setTimeout(() => {
  db.exec('COMMIT');
  db.close();
  process.stdout.write('released\n');
}, Number(ms));
