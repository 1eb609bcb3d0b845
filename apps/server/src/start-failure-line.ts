import { DatabaseUnusableError } from './store/postgres/database-unusable-error.ts';
import { DataDirUnusableError } from './store/sqlite/data-dir-unusable-error.ts';
import { DEFAULT_BUSY_TIMEOUT_MS } from './store/sqlite/open-database.ts';
import { isLockProblem } from './store/storage-unavailable.ts';

/** The settings a start-up failure can be blamed on. */
interface ListenSettings {
  host: string;
  port: number;
  dataDir: string;
}

/**
 * The one line `pnpm start` prints when the server cannot start for a reason the operator can
 * fix (a port in use, a host that is not this machine's, an unusable data dir or database), naming the
 * setting to change; undefined for anything else, which is a bug and keeps its stack.
 */
export function startFailureLine(error: unknown, settings: ListenSettings): string | undefined {
  // The PostgreSQL store throws it already shaped (its message has the password redacted).
  if (error instanceof DatabaseUnusableError) {
    return `${error.message}. Check OPENPIXELS_DATABASE_URL and that the database is up.`;
  }
  const unusable = DataDirUnusableError.from(error, settings.dataDir);
  if (unusable && isLockProblem(unusable.problem)) {
    // Nothing to change in the settings: another process (a backup, the keys CLI) holds the lock.
    return `${unusable.message} for over ${DEFAULT_BUSY_TIMEOUT_MS / 1000} s: another process holds its write lock (a backup, the keys CLI, a server on the same dir). Let it finish, then start again.`;
  }
  if (unusable) {
    return `${unusable.message}. Set OPENPIXELS_DATA_DIR to a writable directory with free space, or fix this one.`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${settings.host}:${settings.port}`;
  switch (code) {
    case 'EADDRINUSE':
      return `${where} is already in use by another process. Set OPENPIXELS_PORT to a free port (0 picks one), or stop the other process.`;
    case 'EACCES':
      return `listening on ${where} is not permitted for this user. Set OPENPIXELS_PORT to 1024 or above.`;
    case 'EADDRNOTAVAIL':
      return `${settings.host} is not an address of this machine. Set OPENPIXELS_HOST to one of its addresses (127.0.0.1, or 0.0.0.0 for all).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return `the host name ${settings.host} does not resolve. Set OPENPIXELS_HOST to an address of this machine (127.0.0.1, or 0.0.0.0 for all).`;
    default:
      return undefined;
  }
}
