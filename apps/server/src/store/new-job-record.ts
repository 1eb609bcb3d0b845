import { randomHex } from '../http/random-hex.ts';
import type { JobRecord } from '../jobs/job-record.ts';
import type { NewJob } from './store.ts';

/**
 * The record an accepted job is stored as, built once for every engine so both store the same
 * thing and answer it without reading the row back. `job_` and 128 random bits: a job id (and
 * the image URL built from it) cannot be guessed.
 */
export function newJobRecord(input: NewJob, now: number): JobRecord {
  return {
    id: `job_${randomHex(16)}`,
    keyId: input.keyId,
    model: input.model,
    prompt: input.prompt,
    width: input.width,
    height: input.height,
    routing: input.routing,
    price: input.price,
    // A caller that starts the job at once stores it already owned, saving the runner a commit.
    status: input.startsNow ? 'processing' : 'queued',
    provider: null,
    resultUrl: null,
    error: null,
    attempts: [],
    upstream: null,
    createdAt: now,
    updatedAt: now,
    deadlineAt: now + input.deadlineMs,
    finishedAt: null,
  };
}
