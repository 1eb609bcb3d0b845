import type { DecodedErrorEnvelope } from '@openpixels/errors';

/**
 * The statuses of the wire contract (`@openpixels/wire`), spelled out because the published
 * declarations cannot import a private package; `wire-contract.test-d.ts` fails when they differ.
 */
export type KnownJobStatus = 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';

/** A job's status: a known one, or another string from a newer server. */
export type JobStatus = KnownJobStatus | (string & {});

/** What a finished job produced. */
export interface ImageData {
  /** Where the generated image can be downloaded. */
  url: string;
}

/** A finished job that produced an image. */
export interface RunSuccess {
  /** The job id. */
  id: string;
  /** The job's final status, `completed`. */
  status: JobStatus;
  /** The image. */
  data: ImageData;
  error?: undefined;
}

/**
 * A job or request that failed. `error` is the contract's envelope as decoded: one of the codes
 * this version knows (checking `error.code` narrows `error.params`), or an
 * `UnrecognizedErrorEnvelope` holding a newer server's code unchanged, under its (known) `type`.
 * A `switch` over the known codes therefore needs a `default`.
 */
export interface RunFailure {
  /** The job id; absent when the request was refused before a job existed (e.g. a bad key). */
  id?: string;
  /** `failed`, also when the request itself was refused. */
  status: JobStatus;
  data?: undefined;
  /** What went wrong. */
  error: DecodedErrorEnvelope;
}

/** What `run()` and `poll()` resolve with: `{ id, status, data }` or `{ id?, status, error }`. */
export type RunResult = RunSuccess | RunFailure;

/** A job that is not finished yet. */
export interface JobUpdate {
  type: 'update';
  /** The job id. */
  id: string;
  /** The job's current status, e.g. `queued` or `processing`. */
  status: JobStatus;
}

/** A finished job, in the shape the wire uses. */
export type JobResult = ({ type: 'result' } & RunSuccess) | ({ type: 'result' } & RunFailure);

/** Any answer about a job: still running, or finished. */
export type JobState = JobUpdate | JobResult;
