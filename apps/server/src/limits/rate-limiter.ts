import { createError } from '@openpixels/errors';
import { retryStorageWrite } from '../store/retry-storage-write.ts';
import { storageProblemOf } from '../store/storage-unavailable.ts';
import type { ApiKeyRecord, RateLimitKind, RateLimitStore } from '../store/store.ts';

/** The server's limits for keys that have none of their own: per minute, 0 for no limit. */
export interface RateLimitDefaults {
  requestsPerMinute: number;
  imagesPerMinute: number;
}

/** A minute: the window every limit counts in. */
const WINDOW_MS = 60_000;

/**
 * The per-key rate limits, decided here and nowhere else: requests per minute (every request
 * a key authenticates) and images per minute (each accepted submit). Counts live in the store,
 * in fixed windows of a minute that start on the clock's minute, so every instance on the store
 * counts into the same window and a refusal knows exactly when it ends: `retry_after_ms` (and
 * `Retry-After`, its whole seconds rounded up) is the time to the next window, when the count
 * starts again from 0. A key with no limit (the default) costs no store call at all.
 */
export class RateLimiter {
  readonly #store: RateLimitStore;
  readonly #defaults: RateLimitDefaults;
  readonly #now: () => number;
  readonly #lockWaitMs: number;

  constructor(
    store: RateLimitStore,
    defaults: RateLimitDefaults,
    options: { lockWaitMs: number; now?: () => number },
  ) {
    this.#store = store;
    this.#defaults = defaults;
    this.#lockWaitMs = options.lockWaitMs;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Counts one request of `key`; rejects with RATE_LIMITED past its requests per minute.
   * Undefined (no promise to wait for) when the key has no request limit. When the storage
   * cannot count, the request goes through: a read (a poll, a balance) must not fail because
   * a counter could not be written.
   */
  takeRequest(key: ApiKeyRecord): Promise<void> | undefined {
    const limit = key.limits.requestsPerMinute ?? this.#defaults.requestsPerMinute;
    if (limit === 0) return undefined;
    return this.#take(key.id, 'requests', 1, limit).then(
      () => undefined,
      (error: unknown) => {
        if (!storageProblemOf(error)) throw error;
      },
    );
  }

  /**
   * Counts `images` for a submit of `key`, before it is stored; rejects with RATE_LIMITED past
   * its images per minute (nothing stored, nothing charged). Answers the function that gives
   * them back, for a submit that is then not stored (or is an Idempotency-Key replay).
   */
  async takeImages(key: ApiKeyRecord, images: number): Promise<() => void> {
    const limit = key.limits.imagesPerMinute ?? this.#defaults.imagesPerMinute;
    if (limit === 0) return () => {};
    const windowStart = await this.#take(key.id, 'images', images, limit);
    // Best effort: a count not given back (the storage is down) only makes this minute stricter.
    return () => void this.#store.giveBack(key.id, 'images', windowStart, images).catch(() => {});
  }

  /** Deletes counters of windows that ended (the sweep calls it). */
  purge(): Promise<number> {
    return this.#store.purge(this.#windowStart(this.#now()) - WINDOW_MS);
  }

  /** Takes `amount` in the current window or throws RATE_LIMITED; answers the window's start. */
  async #take(keyId: string, kind: RateLimitKind, amount: number, limit: number): Promise<number> {
    const now = this.#now();
    const windowStart = this.#windowStart(now);
    const taken =
      amount <= limit &&
      (await retryStorageWrite(() => this.#store.take(keyId, kind, windowStart, amount, limit), {
        locksOnly: true,
        maxWaitMs: this.#lockWaitMs,
      }));
    if (taken) return windowStart;
    const retryAfterMs = Math.max(1, windowStart + WINDOW_MS - this.#now());
    throw createError(
      'RATE_LIMITED',
      { retry_after_ms: retryAfterMs },
      {
        message: `This key may send ${limit} ${kind} a minute and has used them in this one. Retry in ${retryAfterMs} ms.`,
      },
    );
  }

  #windowStart(now: number): number {
    return now - (now % WINDOW_MS);
  }
}
