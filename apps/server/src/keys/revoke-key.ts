import { createError } from '@openpixels/errors';
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
 */
export async function revokeKey(store: Pick<Store, 'keys' | 'jobs'>, id: string): Promise<RevokedKey> {
  if (!(await store.keys.revoke(id, Date.now()))) return { found: false, cancelled: [] };
  const cancelled: string[] = [];
  // Twice: a submit that authenticated just before the revoke may commit its job just after the first pass.
  for (let pass = 0; pass < 2; pass++) {
    // Every unfinished job is "overdue" by the end of time: the store's one list of unfinished jobs.
    for (const job of await store.jobs.listOverdue(Number.MAX_SAFE_INTEGER)) {
      if (job.keyId !== id) continue;
      const outcome = await store.jobs.cancel(job.id, id, (stored) =>
        createError(
          'JOB_CANCELLED',
          { id: stored.id, refunded: stored.price },
          {
            message: `Job ${stored.id} was cancelled because its API key was revoked; its ${stored.price} credits were refunded.`,
          },
        ).toJSON(),
      );
      if (outcome?.cancelled) cancelled.push(job.id);
    }
  }
  return { found: true, cancelled };
}
