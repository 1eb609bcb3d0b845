import { docUrl } from '@openpixels/errors';
import type { JobResultAnswer, JobUpdateAnswer } from '@openpixels/wire';
import { isFinished, type JobRecord } from './job-record.ts';

/** The answer a job view goes out in: where the docs are, and the request that asked. */
export interface JobAnswerContext {
  docsBaseUrl: string | undefined;
  /** The `request_id` of the submit, poll or cancel answering with the view. */
  requestId: string;
}

/**
 * What submit, poll and cancel answer with for a job: the wire shape the published clients
 * read. A failed job's error is an envelope like every other answer's: its `doc_url` points
 * into the docs site, and its `request_id` is the answering request's, so a user who quotes
 * it points support at the very answer they saw.
 */
export function jobView(job: JobRecord, answer: JobAnswerContext): JobUpdateAnswer | JobResultAnswer {
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
  if (job.error) {
    view.error = { ...job.error, request_id: answer.requestId, doc_url: docUrl(job.error.code, answer.docsBaseUrl) };
  }
  return view;
}
