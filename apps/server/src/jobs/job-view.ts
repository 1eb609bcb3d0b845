import { docUrl } from '@openpixels/errors';
import type { JobResultAnswer, JobUpdateAnswer } from '@openpixels/wire';
import { isFinished, type JobRecord } from './job-record.ts';

/**
 * What submit and poll answer with for a job: the wire shape the published clients read. A
 * failed job's `doc_url` points into the docs site at `docsBaseUrl`, like every other answer's.
 */
export function jobView(job: JobRecord, docsBaseUrl: string | undefined): JobUpdateAnswer | JobResultAnswer {
  if (!isFinished(job.status)) return { type: 'update', id: job.id, status: job.status };
  const view: JobResultAnswer = {
    type: 'result',
    id: job.id,
    status: job.status,
    meta: {
      model: job.model,
      provider: job.provider,
      attempts: job.attempts.length,
      duration_ms: (job.finishedAt ?? job.updatedAt) - job.createdAt,
    },
  };
  if (job.status === 'completed' && job.resultUrl) view.data = { url: job.resultUrl };
  if (job.error) view.error = { ...job.error, doc_url: docUrl(job.error.code, docsBaseUrl) };
  return view;
}
