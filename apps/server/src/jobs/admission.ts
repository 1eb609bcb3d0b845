import { createHash } from 'node:crypto';
import { createError } from '@openpixels/errors';
import type { ServerConfig } from '../config.ts';
import { lockWait } from '../store/retry-storage-write.ts';
import { shuttingDownError } from '../http/shutting-down-error.ts';
import { modelCatalog, modelIds, resolveModel } from '../models/model-catalog.ts';
import type { ProviderAdapter } from '../providers/provider-adapter.ts';
import { admitThroughCircuits } from '../routing/admit-through-circuits.ts';
import { checkRoutingProviders, pickProviders } from '../routing/pick-providers.ts';
import type { ProviderHealth } from '../routing/provider-health.ts';
import type { RoutingPreferences } from '../routing/routing-preferences.ts';
import type { RateLimiter } from '../limits/rate-limiter.ts';
import type { JobObserver } from './job-observer.ts';
import type { JobRecord } from './job-record.ts';
import type { JobRunner, OwnCredentials } from './job-runner.ts';
import { notChargedNote, ownCredentialProviders } from '../keys/own-credential-providers.ts';
import { unreadableCredentialsError } from '../keys/unreadable-credentials-error.ts';
import type { ApiKeyRecord, JobStore, NewJob } from '../store/store.ts';

/** How long a submit refused while a provider's recovery probe is out is asked to wait. */
const PROBE_WAIT_MS = 2000;

/** How long an Idempotency-Key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** What a route asks to run, as the client sent it (already schema-validated). */
export interface JobRequest {
  model: string;
  prompt: string;
  width: number;
  height: number;
  routing?: Partial<RoutingPreferences>;
  /** The client's Idempotency-Key header, if any. */
  idempotencyKey?: string;
}

/** What admission needs from the running server. */
export interface AdmissionDeps {
  config: Pick<ServerConfig, 'jobDeadlineMs' | 'maxActiveJobsPerKey' | 'lockWaitMs'>;
  jobs: JobStore;
  runner: JobRunner;
  providers: readonly ProviderAdapter[];
  health: ProviderHealth;
  lifecycle: { draining: boolean };
  /** Told of each credit reserve (the metrics). */
  metrics: Pick<JobObserver, 'reserved'>;
  /** Counts the job's images against its key's images per minute. */
  rateLimiter: Pick<RateLimiter, 'takeImages'>;
  /** Opens the provider credentials a key brought (bring your own key). */
  ownProviderKeys: { read(key: ApiKeyRecord): OwnCredentials | undefined };
}

/** An earlier job stored under the same Idempotency-Key, as the store found it. */
export interface EarlierRequest {
  requestHash: string;
  jobId: string;
  createdAt: number;
}

/**
 * The rules the store applies inside the transaction that stores a job, where the facts they
 * read (the key's balance, its unfinished jobs, an earlier use of the Idempotency-Key) cannot
 * change under them. Each throws the contract's error to refuse.
 */
export interface AdmissionRules {
  /** `replay` answers with the earlier job; `new` stores a new one (replacing an expired key). */
  idempotency(earlier: EarlierRequest, requestHash: string, now: number): 'replay' | 'new';
  /**
   * Refuses with INVALID_API_KEY (the key was revoked after this request authenticated: read
   * under the same lock as the revoke, so a revoke either sees this job or this job sees the
   * revoke), RATE_LIMITED or NO_CREDITS.
   */
  capacity(facts: { revoked: boolean; activeJobs: number; balance: number; price: number }): void;
}

/** The admission rules under this server's limits. */
export function admissionRules(limits: { maxActiveJobsPerKey: number }): AdmissionRules {
  return {
    idempotency(earlier, requestHash, now) {
      if (earlier.createdAt <= now - IDEMPOTENCY_TTL_MS) return 'new';
      if (earlier.requestHash !== requestHash) {
        throw createError('INVALID_ARGUMENTS', {
          issues: [
            {
              path: 'headers.idempotency-key',
              message: 'was already used with a different request; use a new key for a new request',
            },
          ],
        });
      }
      return 'replay';
    },
    capacity({ revoked, activeJobs, balance, price }) {
      if (revoked) throw createError('INVALID_API_KEY');
      if (activeJobs >= limits.maxActiveJobsPerKey) {
        throw createError(
          'RATE_LIMITED',
          { retry_after_ms: 1000 },
          {
            message: `This key already has ${activeJobs} jobs running, the most allowed at once. Retry in 1000 ms.`,
          },
        );
      }
      if (balance < price) throw createError('NO_CREDITS', { required: price, available: balance });
    },
  };
}

/**
 * The one way a job gets in, whichever route asks: resolves the model and its price, checks
 * the prompt, the routing against the providers and their circuits (refusing before anything
 * is charged), stores the job with its reserve under the admission rules (or replays the job
 * an earlier request with the same Idempotency-Key made), and starts a new job.
 */
export async function admitJob(
  deps: AdmissionDeps,
  key: ApiKeyRecord,
  request: JobRequest,
): Promise<{ job: JobRecord; replayed: boolean }> {
  const model = resolveModel(request.model);
  if (!model) throw createError('UNKNOWN_MODEL', { model: request.model, available: [...modelIds] });

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
  let candidates = pickProviders(model, routing, deps.providers, deps.health);
  if (candidates.length === 0) {
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

  // Bring your own key. A key that holds credentials and does not allow reroute can only have
  // its job made with them: nothing is reserved (a single 0 line says why), so its balance does
  // not matter; one whose credentials cannot be opened any more is refused, uncharged.
  const own = key.providerCredentials === null ? undefined : deps.ownProviderKeys.read(key);
  let price: number = modelCatalog[model].price;
  let reserveNote: string | undefined;
  if (own && !own.reroute) {
    if (own.credentials === null) throw unreadableCredentialsError(candidates[0] as string);
    const kindOf = (id: string) => deps.providers.find((p) => p.id === id)?.kind;
    const mine = ownCredentialProviders(candidates, own.credentials, kindOf);
    if (mine.length === 0) {
      throw createError(
        'NO_PROVIDERS_WORKING',
        { model, attempts: [] },
        {
          message: `No provider here that serves ${model} takes this key's own provider keys, and the key does not allow reroute to the platform's providers.`,
        },
      );
    }
    candidates = mine;
    price = 0;
    reserveNote = notChargedNote(mine.map((id) => kindOf(id) as string));
  }

  const circuits = admitThroughCircuits(candidates, deps.health);
  if (!circuits.admitted) {
    // Every provider the job may use is paused by its breaker, or being probed by another
    // job right now: say so now, charge nothing.
    // While a probe is out its answer is seconds away; an open circuit says when it half-opens.
    const retryAfterMs =
      circuits.retryAt === null ? PROBE_WAIT_MS : Math.max(1000, Date.parse(circuits.retryAt) - Date.now());
    throw createError(
      'MODEL_UNAVAILABLE',
      { model, retry_after_ms: retryAfterMs },
      {
        message:
          circuits.retryAt === null
            ? `Model ${model} is temporarily unavailable: its providers were failing and one job is now testing whether they recovered. Try again in ${retryAfterMs} ms.`
            : `Model ${model} is temporarily unavailable: every provider that may serve it is failing. Try again in ${retryAfterMs} ms (after ${circuits.retryAt}).`,
      },
    );
  }
  // The probe this job holds goes to the runner with it, or back to the breaker if the job is not started.
  const probe = circuits.probe;
  const giveBackProbe = () => probe !== undefined && deps.health.breaker(probe).recordNeutral();

  const input = { model, prompt: request.prompt, width: request.width, height: request.height, routing };
  const newJob: NewJob = {
    ...input,
    keyId: key.id,
    price,
    ...(reserveNote === undefined ? {} : { reserveNote }),
    deadlineMs: deps.config.jobDeadlineMs,
    rules: admissionRules(deps.config),
    startsNow: deps.runner.lease(),
    ...(request.idempotencyKey === undefined
      ? {}
      : { idempotency: { key: request.idempotencyKey, requestHash: hashRequest(input) } }),
  };
  // Another process holding the write lock (the keys CLI, a backup) makes this submit wait
  // for it, off the event loop, up to lockWaitMs; then (or at once, on a full or read-only
  // disk) it is answered SERVICE_UNAVAILABLE with nothing stored or charged.
  let created: { job: JobRecord; replayed: boolean };
  let giveBackImages = () => {};
  try {
    // Last of the checks: a submit refused for anything else never counts against the limit.
    giveBackImages = await deps.rateLimiter.takeImages(key, 1);
    created = await lockWait(deps.config.lockWaitMs)(async () => {
      // Checked right before the job is queued for its commit: shutdown waits for queued
      // submits (jobs.idle), so a job accepted here is started and drained, never orphaned.
      if (deps.lifecycle.draining) throw shuttingDownError();
      return deps.jobs.create(newJob);
    });
  } catch (error) {
    giveBackProbe();
    giveBackImages();
    throw error;
  }
  if (created.replayed) {
    giveBackProbe();
    giveBackImages();
  } else {
    deps.metrics.reserved(created.job.price);
    // What was read of the key's own credentials goes along; unreadable ones that admission let
    // through (the key allows reroute) the runner sees again, and warns of, itself.
    deps.runner.start(created.job, { ...(probe === undefined ? {} : { probe }), own: own ?? null });
  }
  return created;
}

/** With the `u` flag, a paired surrogate is one astral code point; only an unpaired one is in Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

function hashRequest(input: object): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}
