import { createHash } from 'node:crypto';
import { createError } from '@openpixels/errors';
import type { AppDeps } from '../app-deps.ts';
import { retryStorageWrite } from '../db/retry-storage-write.ts';
import { shuttingDownError } from '../http/shutting-down-error.ts';
import { modelCatalog, modelIds, resolveModel } from '../models/model-catalog.ts';
import { admitThroughCircuits } from '../routing/admit-through-circuits.ts';
import { checkRoutingProviders, pickProviders } from '../routing/pick-providers.ts';
import type { JobRecord, RoutingPreferences } from './job-record.ts';

/** A job as a client asks for it, whichever route it came through (native `/v2/submit`, fal's queue API). */
export interface JobRequest {
  /** A model name or alias, as sent. */
  model: string;
  prompt: string;
  width: number;
  height: number;
  routing?: {
    whitelist?: string[];
    ordering?: string[];
    strategy?: 'best' | 'random';
  };
  keyId: string;
  idempotencyKey?: string;
}

/**
 * The one way a job enters the system: checks the model, prompt and routing, refuses uncharged
 * when no provider may serve it (or every one is paused by its breaker), reserves the price and
 * stores the job in one commit, and starts it. `replayed` is an Idempotency-Key replay (not
 * started again, not charged again).
 */
export async function admitJob(deps: AppDeps, request: JobRequest): Promise<{ job: JobRecord; replayed: boolean }> {
  const model = resolveModel(request.model);
  if (!model) throw createError('UNKNOWN_MODEL', { model: request.model, available: modelIds });

  // A lone surrogate cannot be stored as UTF-8 (it would become U+FFFD, and a resumed job
  // would send another prompt): refuse it here rather than change the prompt silently.
  if (LONE_SURROGATE.test(request.prompt)) {
    throw createError('INVALID_ARGUMENTS', {
      issues: [
        { path: 'prompt', message: 'contains an unpaired surrogate (not valid Unicode); send well-formed text' },
      ],
    });
  }

  const given = request.routing ?? {};
  const routing: RoutingPreferences = { strategy: given.strategy ?? 'best' };
  if (given.whitelist) routing.whitelist = given.whitelist;
  if (given.ordering) routing.ordering = given.ordering;
  checkRoutingProviders(routing, deps.providers);
  const candidates = pickProviders(model, routing, deps.providers, deps.health);
  if (candidates.length === 0) {
    // Refused before anything is charged: no provider the job may use serves the model.
    throw createError(
      'NO_PROVIDERS_WORKING',
      { model, attempts: [] },
      {
        message: routing.whitelist
          ? `No provider in the whitelist (${routing.whitelist.join(', ')}) serves ${model}.`
          : `No provider here serves ${model}.`,
      },
    );
  }

  const circuits = admitThroughCircuits(candidates, deps.health);
  if (!circuits.admitted) {
    // Every provider the job may use is paused by its breaker, or being probed by another
    // job right now: say so now, charge nothing.
    throw createError(
      'MODEL_UNAVAILABLE',
      { model },
      {
        message:
          circuits.retryAt === null
            ? `Model ${model} is temporarily unavailable: its providers were failing and one job is now testing whether they recovered. Try again in a few seconds.`
            : `Model ${model} is temporarily unavailable: every provider that may serve it is failing. Try again after ${circuits.retryAt}.`,
      },
    );
  }
  // The probe this job holds goes to the runner with it, or back to the breaker if the job is not started.
  const probe = circuits.probe;
  const giveBackProbe = () => probe !== undefined && deps.health.breaker(probe).recordNeutral();

  const input = { model, prompt: request.prompt, width: request.width, height: request.height, routing };
  const newJob = {
    ...input,
    keyId: request.keyId,
    price: modelCatalog[model].price,
    deadlineMs: deps.config.jobDeadlineMs,
    maxActiveJobsPerKey: deps.config.maxActiveJobsPerKey,
    startsNow: true,
    ...(request.idempotencyKey === undefined
      ? {}
      : { idempotency: { key: request.idempotencyKey, requestHash: hashRequest(input) } }),
  };
  // Another process holding the write lock (the keys CLI, a backup) makes this submit wait
  // for it, off the event loop, up to lockWaitMs; then (or at once, on a full or read-only
  // disk) it is answered SERVICE_UNAVAILABLE with nothing stored or charged.
  let created: Awaited<ReturnType<typeof deps.jobs.createSoon>> | undefined;
  try {
    created = await retryStorageWrite(
      () => {
        // Checked right before the job is queued for its commit: shutdown waits for queued
        // submits (jobs.idle), so a job accepted here is started and drained, never orphaned.
        if (deps.lifecycle.draining) throw shuttingDownError();
        return deps.jobs.createSoon(newJob);
      },
      { locksOnly: true, maxWaitMs: deps.config.lockWaitMs },
    );
  } catch (error) {
    giveBackProbe();
    throw error;
  }
  const { job, replayed } = created as NonNullable<typeof created>;
  if (replayed) giveBackProbe();
  else deps.runner.start(job, probe === undefined ? {} : { probe });
  return { job, replayed };
}

/**
 * The job once it finished, if that happens within `ms`; otherwise the job as it was. A job
 * that fast (an instant provider) is answered as its result, which saves the client a whole
 * poll round trip. The wait is not tied to the client's connection: the job runs on regardless.
 */
export async function finishedWithin(deps: AppDeps, job: JobRecord, ms: number): Promise<JobRecord> {
  if (job.status === 'completed' || job.status === 'failed') return job;
  // Nothing awaited since the job started, so its notify cannot have been missed.
  return (await deps.events.wait(job.id, ms)) ? (deps.jobs.get(job.id) ?? job) : job;
}

/** With the `u` flag, a paired surrogate is one astral code point; only an unpaired one is in Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

function hashRequest(input: object): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}
