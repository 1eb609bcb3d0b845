import type { JobRecord, JobStatus } from '../jobs/job-record.ts';

/** fal's request statuses. */
export type FalStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED';

/**
 * How each job status reads in fal's protocol. fal has no failed or cancelled status: such a
 * request is COMPLETED, and asking for its result answers its error.
 */
const FAL_STATUS: Record<JobStatus, FalStatus> = {
  queued: 'IN_QUEUE',
  processing: 'IN_PROGRESS',
  completed: 'COMPLETED',
  failed: 'COMPLETED',
  cancelled: 'COMPLETED',
};

/** Where a fal app finds a request: fal's own URLs, or this server's under its path prefix. */
export interface FalUrls {
  request_id: string;
  response_url: string;
  status_url: string;
  cancel_url: string;
}

/** The URLs of a request of `app` (`owner/alias`) below `queueBase` (`https://queue.fal.run` or ours). */
export function falUrls(queueBase: string, app: string, id: string): FalUrls {
  const response = `${queueBase}/${app}/requests/${id}`;
  return { request_id: id, response_url: response, status_url: `${response}/status`, cancel_url: `${response}/cancel` };
}

/** A job's state as fal's status call answers it; `logs` lists the provider attempts when asked. */
export function falStatusView(job: JobRecord, urls: FalUrls, withLogs: boolean): Record<string, unknown> {
  const status = FAL_STATUS[job.status];
  const view: Record<string, unknown> = { status, ...urls };
  if (status === 'IN_QUEUE') view.queue_position = 0;
  if (status === 'COMPLETED') {
    view.metrics = { inference_time: ((job.finishedAt ?? job.updatedAt) - job.createdAt) / 1000 };
    // fal's status carries a failed (or cancelled) request's message and kind; the full
    // envelope is the result's body.
    if (job.error) {
      view.error = job.error.message;
      view.error_type = job.error.code;
    }
  }
  if (withLogs) {
    // Attempts run one after another, so each ended about the sum of the durations so far after the job began.
    let ended = job.createdAt;
    view.logs = job.attempts.map((attempt) => {
      ended += attempt.duration_ms;
      return {
        message:
          attempt.code === 'ok'
            ? `${attempt.provider}: done in ${attempt.duration_ms} ms`
            : `${attempt.provider}: ${attempt.code}: ${attempt.message}`,
        level: attempt.code === 'ok' ? 'INFO' : 'WARN',
        source: 'openpixels',
        timestamp: new Date(ended).toISOString(),
      };
    });
  }
  return view;
}

/** fal's answer to an accepted cancel (HTTP 202); here the job has already ended cancelled and refunded. */
export function falCancelAccepted(id: string): { status: 'CANCELLATION_REQUESTED'; request_id: string } {
  return { status: 'CANCELLATION_REQUESTED', request_id: id };
}

/** A completed job as fal's FLUX endpoints answer: one image, its size and type, the prompt, timings. */
export function falOutput(job: JobRecord): Record<string, unknown> {
  return {
    images: [
      { url: job.resultUrl, width: job.width, height: job.height, content_type: contentTypeOf(job.resultUrl ?? '') },
    ],
    prompt: job.prompt,
    timings: { inference: ((job.finishedAt ?? job.updatedAt) - job.createdAt) / 1000 },
  };
}

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** The image type named by the URL's extension; providers' URLs all carry one today. */
function contentTypeOf(url: string): string {
  const extension = /\.([a-z]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}
