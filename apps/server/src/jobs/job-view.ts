import { docUrl, type OpenPixelsErrorEnvelope } from '@openpixels/errors';
import { type FinalJobStatus, isFinished, type JobRecord } from './job-record.ts';

/** A job still on its way. */
export interface JobUpdateView {
  type: 'update';
  id: string;
  status: 'queued' | 'processing';
}

/** A finished job: `data.url` when it completed, `error` when it failed or was cancelled. */
export interface JobResultView {
  type: 'result';
  id: string;
  status: FinalJobStatus;
  data?: { url: string };
  error?: OpenPixelsErrorEnvelope;
  meta: {
    model: string;
    provider: string | null;
    attempts: number;
    duration_ms: number;
  };
}

/**
 * What submit and poll answer with for a job: the wire shape the published clients read. A
 * failed job's `doc_url` points into the docs site at `docsBaseUrl`, like every other answer's.
 */
export function jobView(job: JobRecord, docsBaseUrl: string | undefined): JobUpdateView | JobResultView {
  if (!isFinished(job.status)) return { type: 'update', id: job.id, status: job.status };
  const view: JobResultView = {
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
