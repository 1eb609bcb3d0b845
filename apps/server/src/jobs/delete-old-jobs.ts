import type { JobStore } from '../store/store.ts';

/** Jobs deleted per transaction: small enough that a submit waiting for the write lock waits a few milliseconds at most. */
export const RETENTION_BATCH = 200;

/**
 * Deletes finished jobs (with their Idempotency-Keys) older than `maxAgeMs`, one small
 * batch per transaction with a turn of the event loop between batches, so submits and
 * completions keep getting the write lock; stops after `maxBatches` (the next run goes on).
 * The ledger keeps every line: it is the money record. Answers how many jobs went.
 */
export async function deleteOldJobs(
  jobs: Pick<JobStore, 'deleteFinished'>,
  maxAgeMs: number,
  options: { batch?: number; maxBatches?: number } = {},
): Promise<number> {
  const batch = options.batch ?? RETENTION_BATCH;
  const maxBatches = options.maxBatches ?? 50;
  const before = Date.now() - maxAgeMs;
  let deleted = 0;
  for (let n = 0; n < maxBatches; n++) {
    const gone = await jobs.deleteFinished(before, batch);
    deleted += gone;
    if (gone < batch) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return deleted;
}
