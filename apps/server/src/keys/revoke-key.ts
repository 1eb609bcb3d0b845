import type { JobStore } from '../jobs/job-store.ts';
import type { ApiKeyStore } from './api-key-store.ts';

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
 * provider money on images nobody can collect. The server that runs them stops them at its
 * next sweep and cancels them upstream (see JobRunner.stopJobsFinishedElsewhere).
 */
export async function revokeKey(keys: ApiKeyStore, jobs: JobStore, id: string): Promise<RevokedKey> {
  if (!(await keys.revoke(id))) return { found: false, cancelled: [] };
  const cancelled: string[] = [];
  // Twice: a submit that authenticated just before the revoke may commit its job just after the first pass.
  for (let pass = 0; pass < 2; pass++) {
    for (const job of await jobs.listActive()) {
      if (job.keyId !== id) continue;
      if ((await jobs.cancel(job.id, id))?.cancelled) cancelled.push(job.id);
    }
  }
  return { found: true, cancelled };
}
