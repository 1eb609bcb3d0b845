import { randomHex } from '../http/random-hex.ts';
import type { JobRecord } from '../jobs/job-record.ts';
import type { NewJob } from './store.ts';

/**
 * The record an accepted job is stored as, built once for every engine so both store the same
 * thing and answer it without reading the row back. The id is `job_`, the creation time (48
 * bits of ms) and 80 random bits: still not to be guessed (nor the image URL built from it),
 * and time first so that new jobs land together at the end of every index keyed by their id
 * (jobs, the ledger's reserves) instead of on a random page of it. On a store holding a million
 * jobs, random ids cost the insert 3–4× the CPU (bench/prefill-jobs.ts, server README).
 */
export function newJobRecord(input: NewJob, now: number): JobRecord {
  return {
    id: `job_${now.toString(16).padStart(12, '0')}${randomHex(10)}`,
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
