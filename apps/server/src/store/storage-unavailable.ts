import { createError, type OpenPixelsError } from '@openpixels/errors';

/**
 * SQLite's primary result codes that say the storage cannot be used right now, rather than
 * that a statement is wrong: another process holds the lock, the disk is full or read-only,
 * the file cannot be opened or written. (An extended code keeps its primary code in the low byte.)
 */
const SQLITE_UNAVAILABLE = new Map<number, string>([
  [5, 'locked by another connection (SQLITE_BUSY)'],
  [6, 'locked (SQLITE_LOCKED)'],
  [8, 'read-only (SQLITE_READONLY)'],
  [10, 'failing to read or write (SQLITE_IOERR)'],
  [13, 'full (SQLITE_FULL)'],
  [14, 'impossible to open (SQLITE_CANTOPEN)'],
  [15, 'locked (SQLITE_PROTOCOL)'],
]);

/** A problem (as storageProblemOf words it) that is another connection holding the lock, which ends by itself. */
export function isLockProblem(problem: string): boolean {
  return /SQLITE_BUSY|SQLITE_LOCKED|SQLITE_PROTOCOL/.test(problem);
}

/** File-system errors (opening the data dir) that mean the same. */
const FS_UNAVAILABLE = new Map<string, string>([
  ['EACCES', 'not writable (permission denied)'],
  ['EPERM', 'not writable (operation not permitted)'],
  ['EROFS', 'on a read-only file system'],
  ['ENOSPC', 'on a full disk'],
  ['EDQUOT', 'over its disk quota'],
  ['ENOTDIR', 'not a directory (a file is in the way)'],
  ['EEXIST', 'not a directory (a file is in the way)'],
  ['EIO', 'failing to read or write (I/O error)'],
]);

/**
 * PostgreSQL SQLSTATE classes that mean the database is unavailable rather than the query
 * wrong: 08 connection exception, 53 insufficient resources (disk full, out of memory, too
 * many connections), 57P operator intervention (shutdown, crash recovery), and the network
 * errors a client reports when the server is gone.
 */
const POSTGRES_CLASSES = ['08', '53', '57P'];
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'CONNECTION_ENDED',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * What is wrong with the storage, in a few words ("full (SQLITE_FULL)"), when `error` says the
 * storage is unavailable; undefined for any other error (a bug, a constraint, bad SQL).
 */
export function storageProblemOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errcode } = error as { code?: unknown; errcode?: unknown };
  if (code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number') return SQLITE_UNAVAILABLE.get(errcode & 0xff);
  if (typeof code !== 'string') return undefined;
  const fs = FS_UNAVAILABLE.get(code);
  if (fs) return fs;
  if (/^[0-9A-Z]{5}$/.test(code) && POSTGRES_CLASSES.some((c) => code.startsWith(c))) {
    return `unavailable (PostgreSQL ${code})`;
  }
  if (NETWORK_CODES.has(code)) return `unreachable (${code})`;
  return undefined;
}

/** True when `error` says the storage is unavailable (full, read-only, locked, down), not that the code is wrong. */
export function isStorageUnavailable(error: unknown): boolean {
  return storageProblemOf(error) !== undefined;
}

/** How long a client is asked to wait after a storage fault: long enough for a lock or a clean-up to pass. */
export const STORAGE_RETRY_AFTER_MS = 2_000;

/** The SERVICE_UNAVAILABLE a request gets when the storage cannot take it; nothing was charged or stored. */
export function storageUnavailableError(cause: unknown): OpenPixelsError {
  return createError(
    'SERVICE_UNAVAILABLE',
    { retry_after_ms: STORAGE_RETRY_AFTER_MS },
    {
      message: `The server cannot use its storage right now, so nothing was stored or charged. Try again in ${STORAGE_RETRY_AFTER_MS} ms.`,
      cause,
    },
  );
}
