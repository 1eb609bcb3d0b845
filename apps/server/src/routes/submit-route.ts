import { createHash } from 'node:crypto';
import { createError } from '@openpixels/errors';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { retryStorageWrite } from '../db/retry-storage-write.ts';
import { jobAnswerSchema, submitBodySchema, submitHeadersSchema } from '../http/api-schemas.ts';
import { shuttingDownError } from '../http/shutting-down-error.ts';
import type { JobRecord, RoutingPreferences } from '../jobs/job-record.ts';
import { jobView } from '../jobs/job-view.ts';
import { modelCatalog, modelIds, resolveModel } from '../models/model-catalog.ts';
import { admitThroughCircuits } from '../routing/admit-through-circuits.ts';
import { checkRoutingProviders, pickProviders } from '../routing/pick-providers.ts';

interface SubmitBody {
  model: string;
  prompt: string;
  width: number;
  height: number;
  config?: {
    routing?: {
      whitelist?: string[];
      ordering?: string[];
      strategy?: 'best' | 'random';
    };
  };
}

/** `POST /v2/submit`: checks, prices and reserves, stores the job and starts it. */
export function registerSubmitRoute(app: FastifyInstance, deps: AppDeps): void {
  app.post(
    '/v2/submit',
    {
      schema: {
        summary: 'Submit an image job',
        description:
          "Validates the payload, reserves the model's price from the key's credits and starts the job. Answers with the job's result when it finishes within a few milliseconds (`OPENPIXELS_SUBMIT_WAIT_MS`), otherwise with its state: then poll `/v2/poll/{id}` until `type` is `result`. A failed job is refunded.",
        tags: ['jobs'],
        body: submitBodySchema,
        headers: submitHeadersSchema,
        response: { 200: jobAnswerSchema },
      },
      config: {
        auth: true,
        errorCodes: [
          'NO_CREDITS',
          'UNKNOWN_MODEL',
          'PROVIDER_NOT_FOUND',
          'NO_PROVIDERS_WORKING',
          'MODEL_UNAVAILABLE',
          'RATE_LIMITED',
          'SERVICE_UNAVAILABLE',
        ],
      },
    },
    async (request, reply) => {
      const body = request.body as SubmitBody;
      const key = request.apiKey as NonNullable<typeof request.apiKey>;
      const model = resolveModel(body.model);
      if (!model)
        throw createError('UNKNOWN_MODEL', {
          model: body.model,
          available: modelIds,
        });

      // A lone surrogate cannot be stored as UTF-8 (it would become U+FFFD, and a resumed job
      // would send another prompt): refuse it here rather than change the prompt silently.
      if (LONE_SURROGATE.test(body.prompt)) {
        throw createError('INVALID_ARGUMENTS', {
          issues: [
            { path: 'prompt', message: 'contains an unpaired surrogate (not valid Unicode); send well-formed text' },
          ],
        });
      }

      const given = body.config?.routing ?? {};
      const routing: RoutingPreferences = {
        strategy: given.strategy ?? 'best',
      };
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

      const input = {
        model,
        prompt: body.prompt,
        width: body.width,
        height: body.height,
        routing,
      };
      const idempotencyKey = request.headers['idempotency-key'];
      const newJob = {
        ...input,
        keyId: key.id,
        price: modelCatalog[model].price,
        deadlineMs: deps.config.jobDeadlineMs,
        maxActiveJobsPerKey: deps.config.maxActiveJobsPerKey,
        startsNow: true,
        ...(typeof idempotencyKey === 'string'
          ? {
              idempotency: {
                key: idempotencyKey,
                requestHash: hashRequest(input),
              },
            }
          : {}),
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
      if (replayed) {
        giveBackProbe();
        reply.header('idempotent-replayed', 'true');
      } else deps.runner.start(job, probe === undefined ? {} : { probe });
      reply.header('cache-control', 'no-store');
      return jobView(await finishedWithin(deps, job, deps.config.submitWaitMs), deps.config.docsUrl);
    },
  );
}

/** With the `u` flag, a paired surrogate is one astral code point; only an unpaired one is in Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The job once it finished, if that happens within `ms`; otherwise the job as it was. A job
 * that fast (an instant provider) is answered as its result, which saves the client a whole
 * poll round trip; the clients accept either answer. The wait is not tied to the client's
 * connection: it is a few milliseconds at most, and the job runs on regardless.
 */
async function finishedWithin(deps: AppDeps, job: JobRecord, ms: number): Promise<JobRecord> {
  if (job.status === 'completed' || job.status === 'failed') return job;
  // Nothing awaited since the job started, so its notify cannot have been missed.
  return (await deps.events.wait(job.id, ms)) ? (deps.jobs.get(job.id) ?? job) : job;
}

function hashRequest(input: object): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}
