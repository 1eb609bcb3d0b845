import type { OpenPixelsErrorEnvelope } from '@openpixels/errors';
import { type FinishedJobStatus, type JobStatus, unfinishedJobStatuses } from '@openpixels/wire';
import type { ModelId } from '../models/model-catalog.ts';
import type { UpstreamJob } from '../providers/provider-adapter.ts';
import type { RoutingPreferences } from '../routing/routing-preferences.ts';

// Where a job is, and the statuses it ends in, come from the wire contract (`@openpixels/wire`).
export type { JobStatus };

const unfinished: readonly JobStatus[] = unfinishedJobStatuses;

/** True once a job has finished (completed, failed or cancelled): nothing about it changes any more. */
export function isFinished(status: JobStatus): status is FinishedJobStatus {
  return !unfinished.includes(status);
}

/** One provider attempt of a job, kept for the job's error and for operators. */
export interface AttemptRecord {
  provider: string;
  /** `ok`, or the error code of the attempt. */
  code: string;
  message: string;
  duration_ms: number;
}

/** A job as stored. */
export interface JobRecord {
  id: string;
  keyId: string;
  model: ModelId;
  prompt: string;
  width: number;
  height: number;
  routing: RoutingPreferences;
  price: number;
  status: JobStatus;
  provider: string | null;
  resultUrl: string | null;
  error: OpenPixelsErrorEnvelope | null;
  attempts: AttemptRecord[];
  /** The provider job the current attempt is waiting for, once a provider accepted it. */
  upstream: UpstreamJob | null;
  createdAt: number;
  updatedAt: number;
  deadlineAt: number;
  finishedAt: number | null;
}
