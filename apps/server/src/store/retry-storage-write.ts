import { setTimeout as sleep } from 'node:timers/promises';
import { isLockProblem, storageProblemOf } from './storage-unavailable.ts';

/** How `retryStorageWrite` waits between tries and when it gives up. */
export interface RetryStorageWriteOptions {
  /** Stops the retries (shutdown); the write is then left undone and `retryStorageWrite` resolves undefined. */
  signal?: AbortSignal;
  /** Tries for the last time at this many ms after the first, then rethrows its storage error; default: never gives up. */
  maxWaitMs?: number;
  /** Retries only while the problem is a lock held elsewhere (a full or read-only disk fails at once). */
  locksOnly?: boolean;
  /** First pause; it doubles up to `maxDelayMs`, with jitter. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Called before each pause, with the problem ("full (SQLITE_FULL)"), the try number and the pause. */
  onRetry?: (problem: string, tries: number, delayMs: number) => void;
}

/**
 * Runs `write` until it succeeds, pausing without blocking the event loop while the storage
 * is unavailable (locked by another process, full, read-only, down). Any other error is a bug
 * and is thrown at once. Why: a write that fails must neither crash the process nor drop what
 * it records (a delivered result, a refund); it waits until the storage is back.
 */
export async function retryStorageWrite<T>(
  write: () => T | Promise<T>,
  options: RetryStorageWriteOptions = {},
): Promise<T | undefined> {
  const { signal, maxWaitMs = Number.POSITIVE_INFINITY, locksOnly = false, onRetry } = options;
  const firstDelayMs = options.firstDelayMs ?? 20;
  const maxDelayMs = options.maxDelayMs ?? 2_000;
  const started = performance.now();
  for (let tries = 1; ; tries++) {
    try {
      return await write();
    } catch (error) {
      const problem = storageProblemOf(error);
      if (!problem || (locksOnly && !isLockProblem(problem))) throw error;
      const left = maxWaitMs - (performance.now() - started);
      if (left <= 0) throw error;
      // The last pause is cut to end at the bound, so the last try comes at maxWaitMs, not a pause before it.
      const delayMs = Math.min(
        Math.ceil(left),
        Math.round(Math.min(maxDelayMs, firstDelayMs * 2 ** (tries - 1)) * (0.5 + Math.random())),
      );
      onRetry?.(problem, tries, delayMs);
      try {
        await sleep(delayMs, undefined, signal ? { signal } : undefined);
      } catch {
        return undefined; // stopped: the caller leaves the work for the next start
      }
    }
  }
}

/** Runs a write, waiting out another process's write lock (see `lockWait`). */
export type LockWait = <T>(write: () => Promise<T>) => Promise<T>;

/** Tries once: for the keys CLI, whose busy timeout already waits for the lock. */
export const noLockWait: LockWait = (write) => write();

/**
 * Writes an operator or a key's holder asks for (admin, provider keys), tried again while
 * another process holds the SQLite write lock, for up to `maxWaitMs`, then answered with the
 * lock's error (SERVICE_UNAVAILABLE). Why: the server's busy timeout is 1 ms, so without this a
 * credit or a revoke was refused at the first collision with another writer of the file.
 */
export function lockWait(maxWaitMs: number): LockWait {
  // No signal is given, so retryStorageWrite never resolves undefined.
  return async (write) =>
    (await retryStorageWrite(write, { locksOnly: true, maxWaitMs })) as Awaited<ReturnType<typeof write>>;
}
