import type { AppDeps } from '../app-deps.ts';
import { isFinished, type JobRecord } from './job-record.ts';

/**
 * The job once it finished, if that happens within `ms`; otherwise the job as it was. A job
 * that fast (an instant provider) is answered as its result, which saves the client a whole
 * poll round trip; the clients accept either answer. The wait is not tied to the client's
 * connection: it is a few milliseconds at most, and the job runs on regardless.
 */
export async function finishedWithin(deps: AppDeps, job: JobRecord, ms: number): Promise<JobRecord> {
  if (isFinished(job.status)) return job;
  // Nothing awaited since the job started, so its notify cannot have been missed.
  return (await deps.events.wait(job.id, ms)) ? ((await deps.jobs.get(job.id)) ?? job) : job;
}
