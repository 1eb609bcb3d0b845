import { createError } from '@openpixels/errors';
import type { JobRecord } from './job-record.ts';
import { isFinished } from './job-record.ts';
import type { JobRunner } from './job-runner.ts';

/**
 * The one cancel every route offers (`/v2/cancel/:id`, fal's `PUT …/cancel`): the runner ends
 * the caller's unfinished job `cancelled` and refunds it once. A finished job is left as it
 * was (JOB_ALREADY_FINISHED); another key's job is answered exactly like a missing one
 * (JOB_NOT_FOUND), so ids reveal nothing.
 */
export async function cancelJob(runner: JobRunner, id: string, keyId: string): Promise<JobRecord> {
  const outcome = await runner.cancel(id, keyId);
  if (!outcome) throw createError('JOB_NOT_FOUND', { id });
  const { job } = outcome;
  if (!outcome.cancelled && isFinished(job.status)) {
    throw createError('JOB_ALREADY_FINISHED', { id, status: job.status });
  }
  return job;
}
