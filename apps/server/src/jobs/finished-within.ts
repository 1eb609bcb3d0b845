import type { AppDeps } from '../app-deps.ts';
import { isFinished, type JobRecord } from './job-record.ts';

/**
 * The job once it finished, if that happens within `ms` (and before `signal` aborts: its
 * client went away); otherwise the job as it was. A job that fast (an instant provider) is
 * answered as its result, which saves the client a whole poll round trip; the clients accept
 * either answer. The job runs on regardless.
 */
export async function finishedWithin(
  deps: AppDeps,
  job: JobRecord,
  ms: number,
  signal?: AbortSignal,
): Promise<JobRecord> {
  if (isFinished(job.status)) return job;
  // Nothing awaited since the job started, so its notify cannot have been missed.
  const woken = await deps.events.wait(job.id, ms, signal);
  if (typeof woken === 'object') return woken;
  return woken ? ((await deps.jobs.get(job.id)) ?? job) : job;
}
