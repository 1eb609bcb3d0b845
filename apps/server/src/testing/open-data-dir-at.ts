// `node open-data-dir-at.ts <data dir> <epoch ms>`: spins until that moment, then opens the
// data dir's database as a starting server does (open-database.ts) and prints `ok`, or the
// reason it could not. Several started together race for a new file's first locks.
import { openDatabase } from '../store/sqlite/open-database.ts';

const [dataDir, at] = process.argv.slice(2) as [string, string];
while (Date.now() < Number(at)) {
  // A busy wait: a timer's wake-up would spread the starts over milliseconds.
}
try {
  openDatabase(dataDir, { busyTimeoutMs: 1 }).close();
  console.log('ok');
} catch (error) {
  console.log((error as Error).message);
}
