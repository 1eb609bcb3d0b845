import { createError } from '@openpixels/errors';
import { type LockWait, noLockWait } from '../store/retry-storage-write.ts';
import type { Store } from '../store/store.ts';

/** What revoking a key did. */
export interface RevokedKey {
  /** False when no key has this id. */
  found: boolean;
  /** The key's unfinished jobs that were cancelled and refunded. */
  cancelled: string[];
}

/**
 * Revokes a key and cancels its unfinished jobs, each refunded once. Why cancel: once revoked,
 * no one can read those jobs' results, so letting them run would only spend the operator's
 * provider money on images nobody can collect. The instance running them stops them at its
 * next heartbeat and cancels them upstream (see JobRunner.renewLeases).
 *
 * One pass is enough: a submit that authenticated just before the revoke stores its job only
 * if its transaction, which reads the key's row under the revoke's lock, finds the key still
 * active (AdmissionRules.capacity); so every job of the key is either committed before the
 * revoke, and listed here, or refused with INVALID_API_KEY, charging nothing.
 */
export async function revokeKey(
  store: Pick<Store, 'keys' | 'jobs'>,
  id: string,
  waitOutLocks: LockWait = noLockWait,
): Promise<RevokedKey> {
  if (!(await waitOutLocks(() => store.keys.revoke(id, Date.now())))) return { found: false, cancelled: [] };
  const cancelled: string[] = [];
  for (const job of await store.jobs.listUnfinished(id)) {
    const outcome = await waitOutLocks(() =>
      store.jobs.cancel(job.id, id, (stored) =>
        createError(
          'JOB_CANCELLED',
          { id: stored.id, refunded: stored.price },
          {
            message: `Job ${stored.id} was cancelled because its API key was revoked; its ${stored.price} credits were refunded.`,
          },
        ).toJSON(),
      ),
    );
    if (outcome?.cancelled) cancelled.push(job.id);
  }
  return { found: true, cancelled };
}
