import { setTimeout as sleep } from 'node:timers/promises';
import { createError, OpenPixelsError, type OpenPixelsErrorEnvelope } from '@openpixels/errors';
import type { FastifyBaseLogger } from 'fastify';
import { retryStorageWrite } from '../store/retry-storage-write.ts';
import { storageProblemOf } from '../store/storage-unavailable.ts';
import { KEEP_UPSTREAM, type ProviderAdapter, type UpstreamJob } from '../providers/provider-adapter.ts';
import { isPinned, pickProviders } from '../routing/pick-providers.ts';
import { outcomeOfError, type ProviderHealth } from '../routing/provider-health.ts';
import type { JobStore, Lease } from '../store/store.ts';
import { type AttemptRecord, isFinished, type JobRecord } from './job-record.ts';
import { ignoreJobs, type JobObserver } from './job-observer.ts';
import { timedAbort } from './timed-abort.ts';
import { modelCatalog } from '../models/model-catalog.ts';
import { type HeldCredentials, notChargedNote, ownCredentialProviders } from '../keys/own-credential-providers.ts';
import { unreadableCredentialsError } from '../keys/unreadable-credentials-error.ts';

export interface JobRunnerOptions {
  store: JobStore;
  providers: readonly ProviderAdapter[];
  health: ProviderHealth;
  logger: FastifyBaseLogger;
  attemptTimeoutMs: number;
  maxAttempts: number;
  /** First pause before trying a provider again; doubles each time, with jitter. */
  retryBackoffMs?: number;
  /** This instance's name in the jobs' leases (unique per process). */
  owner: string;
  /** How long a lease lasts without a heartbeat: how long a dead instance's jobs wait for another to take them. */
  leaseMs: number;
  /** How long an owner's cancel (refused after it, as a submit is) or an attempt's record waits for another process's write lock; default 0. */
  lockWaitMs?: number;
  /** Told of every attempt, reroute and finished job (the metrics); nothing by default. */
  observer?: JobObserver;
  /**
   * The provider credentials a job's API key brought (bring your own key), as stored now;
   * undefined when it brought none. Asked only for a job started without what admission read
   * (one taken over or resumed). Unset: no job looks.
   */
  ownCredentials?: (keyId: string) => Promise<OwnCredentials | undefined>;
}

/**
 * An API key's own provider credentials, by provider kind (null: it holds sealed ones this
 * server cannot open), and whether its jobs may fall back to the platform's.
 */
export interface OwnCredentials {
  credentials: HeldCredentials | null;
  reroute: boolean;
}

/** The reason the runner aborts jobs with on shutdown: they stay unfinished, for the next start to resume. */
export const SHUTDOWN = KEEP_UPSTREAM;

/**
 * The retry hint of a job that failed for running out of time (SERVICE_UNAVAILABLE, a code that
 * always carries one): the job itself was fine, so submitting it again soon is reasonable.
 */
const RESUBMIT_AFTER_MS = 1_000;

/** The reason a job's run is aborted with when it was finished without it (its owner cancelled it, its key was revoked). */
const CANCELLED = Symbol('cancelled');

/** The longest pause between two tries of a job's final write while the storage is unavailable. */
const FINAL_WRITE_MAX_DELAY_MS = 2_000;

/** How many lapsed jobs one take-over claims at a time. */
const CLAIM_BATCH = 100;

/**
 * Runs accepted jobs: picks providers, makes attempts with a timeout each inside the job's
 * deadline, retries and reroutes, and finishes every job exactly once (a failure refunds).
 */
export class JobRunner {
  readonly #options: JobRunnerOptions & { retryBackoffMs: number; observer: JobObserver };
  readonly #active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  /** Jobs whose provider delivered a result that is not stored yet: the deadline sweep leaves them alone. */
  readonly #delivering = new Set<string>();
  /** Jobs whose failure is decided and waits for the storage: the deadline sweep leaves them alone too. */
  readonly #failing = new Set<string>();
  /** Jobs that met a storage outage: each is warned about once, and told about once more when its final state is stored. */
  readonly #outageOf = new Map<string, { since: number; tries: number }>();
  /** Failures the deadline sweep could not store at once, retried in the background until stored or shutdown. */
  readonly #backgroundFailures = new Set<Promise<void>>();
  /** Aborted on shutdown: ends the retries of writes that no single job's run holds. */
  readonly #shutdown = new AbortController();
  readonly #byId: Map<string, ProviderAdapter>;
  /** The heartbeat and the take-overs, one after another (see #inLeaseTurn). */
  #leaseTurn: Promise<unknown> = Promise.resolve();

  /** This instance's lease as of now: what a claim or a heartbeat writes. */
  lease(): Lease {
    return { owner: this.#options.owner, until: Date.now() + this.#options.leaseMs };
  }

  constructor(options: JobRunnerOptions) {
    this.#options = { retryBackoffMs: 250, observer: ignoreJobs, ...options };
    this.#byId = new Map(options.providers.map((p) => [p.id, p]));
  }

  /**
   * Starts a job in the background; a job already running is left alone. `probe`: the
   * half-open provider whose one probe attempt admission gave this job (it is tried first,
   * and given back if never used). `own`: the key's own credentials as admission read them
   * (null: none), so a submit's job does not read its key again; left out, the runner reads them.
   */
  start(job: JobRecord, options: { probe?: string; own?: OwnCredentials | null } = {}): void {
    if (this.#active.has(job.id)) {
      if (options.probe !== undefined) this.#options.health.breaker(options.probe).recordNeutral();
      return;
    }
    const controller = new AbortController();
    const done = this.#run(job, controller.signal, options.probe, options.own)
      .catch((error: unknown) => {
        // A bug in the runner must not leave the job hanging or its credits held.
        this.#options.logger.error({ err: error, jobId: job.id }, 'job runner crashed; failing the job');
        return this.#failOwned(job, createError('INTERNAL_SERVER_ERROR').toJSON(), null, controller.signal);
      })
      .catch((error: unknown) => {
        // Never an unhandled rejection: the process outlives any one job's bookkeeping.
        this.#options.logger.error({ err: error, jobId: job.id }, 'could not fail a crashed job; the next start will');
      })
      .finally(() => this.#active.delete(job.id));
    this.#active.set(job.id, { controller, done });
  }

  /** True while the job is being worked on by this process. */
  isRunning(id: string): boolean {
    return this.#active.has(id);
  }

  get runningCount(): number {
    return this.#active.size;
  }

  /** Waits until no job runs or `timeoutMs` passes; true when everything finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    // Loops: a job started while others drain (a submit committed just before shutdown) is waited for too.
    const all = (async () => {
      while (this.#active.size + this.#backgroundFailures.size > 0) {
        await Promise.all([...[...this.#active.values()].map((a) => a.done), ...this.#backgroundFailures]);
      }
      return true;
    })();
    const timeout = sleep(timeoutMs, false, { ref: false });
    return Promise.race([all, timeout]);
  }

  /**
   * Takes over unfinished jobs nobody holds (their instance died, stalled past its lease, or
   * shut down leaving them; on start, a previous run's): a job still inside its deadline runs
   * again, resuming its provider job when one was accepted; one past it fails with
   * SERVICE_UNAVAILABLE and is refunded. A live instance's jobs are never taken.
   */
  takeOverLapsed(): Promise<{ resumed: number; failed: number }> {
    return this.#inLeaseTurn(() => this.#takeOverLapsed());
  }

  async #takeOverLapsed(): Promise<{ resumed: number; failed: number }> {
    let resumed = 0;
    let failed = 0;
    for (;;) {
      const now = Date.now();
      const claimed = await this.#options.store.claimLapsed(this.lease(), now, CLAIM_BATCH);
      for (const job of claimed) {
        const here = this.#active.get(job.id);
        // Still running here (this instance's own lease had lapsed: it stalled): it goes on.
        if (here && !here.controller.signal.aborted) continue;
        if (job.deadlineAt <= now) {
          const error = createError(
            'SERVICE_UNAVAILABLE',
            { retry_after_ms: RESUBMIT_AFTER_MS },
            {
              message: `The server running this job stopped, and its deadline passed before another could take it over. Its credits were refunded; submit it again in ${RESUBMIT_AFTER_MS} ms.`,
            },
          );
          if (await this.#finishFailed(job, error.toJSON(), null)) failed++;
        } else {
          if (job.previousOwner !== null && job.upstream === null) {
            // It was running elsewhere with no provider job stored: whatever that attempt sent is
            // lost, and the attempt counts (meta.attempts says how many tries the job took).
            const interrupted = {
              provider: 'unknown',
              code: 'SERVICE_UNAVAILABLE',
              message:
                'the server running this attempt stopped before a provider accepted it; another took the job over',
              duration_ms: 0,
            };
            job.attempts.push(interrupted);
            await this.#recordAttempt(job.id, interrupted, this.#shutdown.signal);
          }
          if (here) {
            // Its run here was just stopped (a heartbeat found it taken over, before this claim
            // took it back) and is still unwinding: it runs again once that run has ended.
            // Skipping it would leave the job owned here, its lease renewed, and run by no one.
            void here.done.then(() => {
              if (!this.#shutdown.signal.aborted) this.start(job);
            });
          } else {
            this.start(job);
          }
          resumed++;
        }
      }
      if (claimed.length < CLAIM_BATCH) break;
    }
    if (resumed + failed > 0) {
      this.#options.logger.info({ resumed, failed }, 'took over jobs whose lease lapsed');
    }
    return { resumed, failed };
  }

  /**
   * The heartbeat: renews the lease of every job this instance runs. A job it no longer holds
   * was taken over by another instance (this one stalled longer than a lease): it is stopped
   * here, unfinished, so no job runs in two places for longer than one heartbeat. A job that
   * another process finished meanwhile (the keys CLI cancelled it with its revoked key) is
   * stopped too, and cancelled at its provider: no one can collect that image any more.
   */
  renewLeases(): Promise<number> {
    return this.#inLeaseTurn(() => this.#renewLeases());
  }

  /**
   * Runs a heartbeat or a take-over after the one before it has ended: interleaved, a claim
   * landing between the heartbeat's UPDATE and its look at what it holds would have the
   * heartbeat stop a job this instance has just taken back.
   */
  #inLeaseTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.#leaseTurn.then(work);
    this.#leaseTurn = turn.catch(() => {});
    return turn;
  }

  async #renewLeases(): Promise<number> {
    // Another writer holding the lock (a worker beside this one) must not cost the lease: wait
    // for it, up to a heartbeat, rather than skip a beat.
    // Only the jobs running before the renewal was sent can be judged by its answer: a job
    // stored and started while it ran (a submit on another connection) is not in it, yet held.
    const judged = new Set(this.#active.keys());
    const renew = () => this.#options.store.renewLeases(this.lease());
    const renewed = await this.#waitingOutLocks(renew, undefined, this.#options.leaseMs / 3);
    const held = new Set(renewed);
    let takenOver = 0;
    let finishedElsewhere = 0;
    for (const [id, { controller }] of this.#active) {
      if (held.has(id) || !judged.has(id) || this.#delivering.has(id)) continue;
      const job = await this.#options.store.get(id);
      // Finished by this run meanwhile (it leaves #active as it ends): nothing to stop.
      if (!job || !this.#active.has(id) || controller.signal.aborted) continue;
      if (isFinished(job.status)) {
        controller.abort(CANCELLED);
        finishedElsewhere++;
      } else {
        // Its provider job carries on for the instance that took it over: stopped like a shutdown, never cancelled upstream.
        controller.abort(KEEP_UPSTREAM);
        takenOver++;
      }
    }
    if (takenOver > 0) this.#options.logger.warn({ stopped: takenOver }, 'stopped jobs another instance took over');
    if (finishedElsewhere > 0) {
      this.#options.logger.info(
        { stopped: finishedElsewhere },
        'stopped jobs another process finished (cancelled upstream)',
      );
    }
    return held.size;
  }

  /** Ends this instance's leases on the jobs it leaves unfinished (shutdown), so they are taken over at once. */
  releaseLeases(): Promise<number> {
    return this.#options.store.releaseLeases(this.#options.owner);
  }

  /**
   * The safety net behind every job's own deadline signal: fails (and refunds) any job still
   * unfinished `graceMs` after its deadline, even if an adapter ignored its abort signal.
   */
  async failOverdue(graceMs: number): Promise<number> {
    let failed = 0;
    for (const job of await this.#options.store.listOverdue(Date.now() - graceMs)) {
      // Its result came in and is waiting for the storage: failing it would throw the result away.
      // Its failure is decided and waiting too: what really happened is stored once the storage is back.
      if (this.#delivering.has(job.id) || this.#failing.has(job.id)) continue;
      this.#active.get(job.id)?.controller.abort(new Error('deadline passed'));
      const error = createError(
        'SERVICE_UNAVAILABLE',
        { retry_after_ms: RESUBMIT_AFTER_MS },
        {
          message: `The job did not finish within its deadline and was stopped. Its credits were refunded; submit it again in ${RESUBMIT_AFTER_MS} ms.`,
        },
      );
      try {
        if (await this.#finishFailed(job, error.toJSON(), null)) failed++;
      } catch (thrown) {
        if (!storageProblemOf(thrown)) throw thrown;
        // Not stored now: this process keeps the job and retries, so it is not left unfinished.
        this.#failInBackground(job, error.toJSON());
      }
    }
    if (failed > 0) this.#options.logger.error({ failed }, 'stopped jobs that outlived their deadline');
    return failed;
  }

  /**
   * Cancels a job for its owner: ends it `cancelled` and refunded (see JobStore.cancel), then
   * stops its attempt here, and the adapter cancels the upstream job (best effort). Cancel
   * wins only until the job's result is stored: an image the provider made but this server
   * had not recorded yet is dropped, and its upstream cost is the operator's.
   */
  async cancel(id: string, keyId: string): ReturnType<JobStore['cancel']> {
    // Two instances on one SQLite file collide for a millisecond at a time: waiting that out
    // beats answering the owner SERVICE_UNAVAILABLE. A full or read-only disk is refused at once.
    const outcome = await this.#waitingOutLocks(() =>
      this.#options.store.cancel(id, keyId, (job) => createError('JOB_CANCELLED', { id, refunded: job.price }).toJSON()),
    );
    if (outcome?.cancelled) {
      const { job } = outcome;
      this.#options.observer.finished(job.model, job.provider, 'cancelled', job.error, job.price);
      this.#active.get(id)?.controller.abort(CANCELLED);
      this.#options.logger.info({ jobId: id }, `job cancelled by its owner; ${whatWasRefunded(job)}`);
    }
    return outcome;
  }

  /** Stops every running job without finishing it; the next start resumes them. */
  async abortAll(): Promise<void> {
    const running = [...this.#active.values()];
    for (const { controller } of running) controller.abort(SHUTDOWN);
    this.#shutdown.abort(SHUTDOWN);
    await Promise.all([...running.map((r) => r.done), ...this.#backgroundFailures]);
  }

  async #run(
    job: JobRecord,
    stop: AbortSignal,
    probe: string | undefined,
    own: OwnCredentials | null | undefined,
  ): Promise<void> {
    const deadline = timedAbort(stop, Math.max(0, job.deadlineAt - Date.now()));
    const held = { probe };
    try {
      await this.#runAttempts(job, stop, deadline.signal, held, own);
    } finally {
      deadline.dispose();
      // A probe never sent (shutdown, deadline, a crash) goes back, or the circuit would stay half-open for ever.
      if (held.probe !== undefined) this.#options.health.breaker(held.probe).recordNeutral();
    }
  }

  /** The attempts of one job, under its deadline `signal`; finishes the job unless `stop` aborted. */
  async #runAttempts(
    job: JobRecord,
    stop: AbortSignal,
    signal: AbortSignal,
    held: { probe: string | undefined },
    given: OwnCredentials | null | undefined,
  ): Promise<void> {
    const { store, health, logger } = this.#options;
    // A job from submit was stored as processing already (see NewJob.startsNow).
    if (
      job.status === 'queued' &&
      !(await this.#write(job.id, 'start', () => store.markProcessing(job.id, this.lease()), stop))
    ) {
      return;
    }

    const pinned = isPinned(job.routing);
    // A submit's job comes with what admission read: not even an await on the hot path.
    let own = given === undefined ? await this.#ownCredentialsOf(job) : (given ?? undefined);
    const unpaid = reservedNothing(job);
    const platform = pickProviders(job.model, job.routing, this.#options.providers, health);
    if (own?.credentials === null) {
      // Sealed under another secret (or none is set): never silently the platform's for a key that did not allow it.
      if (!own.reroute || unpaid) {
        const error = unreadableCredentialsError(platform[0] ?? 'unknown').toJSON() as OpenPixelsErrorEnvelope;
        await this.#failOwned(job, error, null, stop);
        return;
      }
      logger.warn(
        { jobId: job.id, keyId: job.keyId },
        "this key's stored provider keys cannot be opened with OPENPIXELS_SECRET_KEY; the job uses the platform's providers, charged (the key allows reroute)",
      );
      own = undefined;
    }
    const candidates = this.#ownFirst(platform, own, unpaid);
    const attempts: AttemptRecord[] = [];
    const lastErrorOf = new Map<string, OpenPixelsError>();
    let lastError: OpenPixelsError | undefined;
    let refusedByCircuit: string | undefined;
    const budget = pinned ? 1 : this.#options.maxAttempts;

    // A provider already accepted this job (before a restart or a takeover): poll that job
    // first rather than pay for another one.
    let resume: UpstreamJob | undefined =
      job.upstream && this.#byId.has(job.upstream.provider) ? job.upstream : undefined;
    for (let n = 0; n < budget && !signal.aborted; n++) {
      const provider = resume?.provider ?? this.#nextProvider(candidates, lastErrorOf, held);
      if (!provider) {
        refusedByCircuit ??= candidates.find((id) => !lastErrorOf.has(id));
        break;
      }
      const previous = attempts.at(-1)?.provider;
      if (previous !== undefined && previous !== provider) this.#options.observer.rerouted(previous, provider);
      if (lastErrorOf.has(provider)) {
        // Trying the same provider again: back off first, within what is left of the deadline.
        const pause = this.#options.retryBackoffMs * 2 ** (n - 1) * (0.5 + Math.random());
        try {
          await sleep(pause, undefined, { signal });
        } catch {
          health.record(provider, job.model, 'neutral', 0);
          break;
        }
      }

      const adapter = this.#byId.get(provider) as ProviderAdapter;
      // The key's own credential for this provider's kind, when it brought one.
      const credential = adapter.kind === undefined ? undefined : own?.credentials?.[adapter.kind];
      const timeoutMs = Math.max(
        1,
        Math.min(adapter.attemptTimeoutMs ?? this.#options.attemptTimeoutMs, job.deadlineAt - Date.now()),
      );
      const attemptAbort = timedAbort(signal, timeoutMs);
      const attemptSignal = attemptAbort.signal;
      const started = performance.now();
      let result: { url: string };
      try {
        result = await adapter.generate(
          {
            jobId: job.id,
            model: job.model,
            prompt: job.prompt,
            width: job.width,
            height: job.height,
            ...(resume ? { resume } : {}),
            ...(credential === undefined ? {} : { credential }),
            onAccepted: (upstream) => this.#recordUpstream(job.id, upstream, stop),
          },
          attemptSignal,
        );
      } catch (thrown) {
        resume = undefined;
        const duration = Math.round(performance.now() - started);
        if (stop.aborted) {
          health.record(provider, job.model, 'neutral', duration);
          // Shutdown leaves the job unfinished for the next start to resume; a cancel finished it already.
          return;
        }
        const error = this.#attemptError(thrown, provider, attemptSignal, timeoutMs);
        // A user's own credential failing (revoked, out of their credit) says nothing about the platform's account.
        health.record(provider, job.model, credential === undefined ? outcomeOfError(error) : 'neutral', duration);
        this.#options.observer.attemptEnded(provider, job.model, error.code, duration);
        const attempt = {
          provider,
          code: error.code,
          message: error.message,
          duration_ms: duration,
        };
        attempts.push(attempt);
        await this.#recordAttempt(job.id, attempt, stop);
        lastErrorOf.set(provider, error);
        lastError = error;
        logger.warn({ jobId: job.id, provider, code: error.code, durationMs: duration }, 'provider attempt failed');
        if (!error.reroutable && !error.retryable) break;
        continue;
      } finally {
        attemptAbort.dispose();
      }

      // Delivered. From here on only the storage can fail, and that says nothing about the
      // provider: the result is kept, and the job stays owned, until it is written.
      const duration = Math.round(performance.now() - started);
      health.record(provider, job.model, 'success', duration);
      this.#options.observer.attemptEnded(provider, job.model, 'ok', duration);
      const attempt = { provider, code: 'ok', message: 'completed', duration_ms: duration };
      this.#delivering.add(job.id);
      try {
        const url = result.url;
        // Made with the key's own credential: the user paid the provider, so the job costs no credits
        // (one that reserved nothing at submit has its 0 line in the ledger already).
        const paid =
          credential === undefined || job.price === 0
            ? {}
            : { notCharged: { note: notChargedNote([adapter.kind as string]) } };
        const completed = await this.#write(
          job.id,
          'completion',
          () => store.complete(job.id, provider, url, attempt, paid),
          stop,
        );
        // False when the job was cancelled (or timed out) meanwhile: that outcome stands.
        if (completed) {
          this.#options.observer.finished(job.model, provider, 'completed', null, credential === undefined ? 0 : job.price);
          logger.info({ jobId: job.id, provider, durationMs: duration }, 'job completed');
        }
      } finally {
        this.#delivering.delete(job.id);
      }
      return;
    }

    // Stopped while backing off: shutdown leaves the job for the next start, a cancel ended it already.
    if (stop.aborted) return;
    await this.#failOwned(
      job,
      this.#finalError(job, pinned, attempts, lastError, refusedByCircuit),
      attempts.at(-1)?.provider ?? null,
      stop,
    );
  }

  /**
   * A write that records a running job's progress, retried with backoff while the storage is
   * unavailable (logged as a storage problem, never counted against a provider); undefined
   * when shutdown stopped it first (the job is then resumed by the next start).
   */
  async #write<T>(jobId: string, what: string, write: () => T | Promise<T>, stop: AbortSignal): Promise<T | undefined> {
    const written = await retryStorageWrite(write, {
      signal: stop,
      // Capped so that a long outage costs each waiting job one try every 1 to 3 s, not a busy loop.
      maxDelayMs: FINAL_WRITE_MAX_DELAY_MS,
      onRetry: (storage) =>
        this.#storageFault(jobId, storage, `could not write the job's ${what}; retrying until it is stored`),
    });
    if (written !== undefined && (what === 'completion' || what === 'failure')) this.#storedAfterOutage(jobId, what);
    return written;
  }

  /** Logs a storage fault of one job: a warning the first time in an outage, debug after, so a long outage is one line per job. */
  #storageFault(jobId: string, storage: string, what: string): void {
    const outage = this.#outageOf.get(jobId);
    if (outage) {
      outage.tries++;
      this.#options.logger.debug({ storage, jobId, tries: outage.tries }, `storage unavailable: ${what}`);
      return;
    }
    this.#outageOf.set(jobId, { since: Date.now(), tries: 1 });
    this.#options.logger.warn({ storage, jobId }, `storage unavailable (the database is ${storage}): ${what}`);
  }

  /** The line that closes a job's outage: its final state is stored, after how long and how many tries. */
  #storedAfterOutage(jobId: string, what: string): void {
    const outage = this.#outageOf.get(jobId);
    if (!outage) return;
    this.#outageOf.delete(jobId);
    this.#options.logger.info(
      { jobId, tries: outage.tries, waitedMs: Date.now() - outage.since },
      `storage available again: the job's ${what} is stored`,
    );
  }

  /** A failure the deadline sweep decided but could not store: kept and retried here until stored or shutdown. */
  #failInBackground(job: JobRecord, error: OpenPixelsErrorEnvelope): void {
    this.#failing.add(job.id);
    this.#storageFault(job.id, 'unavailable', "could not write the job's failure; retrying until it is stored");
    const retry = this.#failOwned(job, error, null, this.#shutdown.signal)
      .catch((thrown: unknown) => {
        this.#options.logger.error(
          { err: thrown, jobId: job.id },
          'could not fail an overdue job; the next sweep will',
        );
      })
      .finally(() => {
        this.#failing.delete(job.id);
        this.#backgroundFailures.delete(retry);
      });
    this.#backgroundFailures.add(retry);
  }

  /**
   * An attempt's record is informative (the final error lists every attempt; a completed job's
   * `meta.attempts` counts them), so a storage fault skips it; another process's lock is first
   * waited out for up to lockWaitMs, or two instances on one file would drop it often.
   */
  async #recordAttempt(jobId: string, attempt: AttemptRecord, stop: AbortSignal): Promise<void> {
    try {
      await this.#waitingOutLocks(() => this.#options.store.recordAttempt(jobId, attempt), stop);
    } catch (error) {
      const storage = storageProblemOf(error);
      if (!storage) throw error;
      this.#storageFault(jobId, storage, 'attempt not recorded (the final error lists it)');
    }
  }

  /**
   * Stores the accepted provider job, retrying while another process holds the write lock (the
   * server's busy timeout is 1 ms, so two instances on one data dir collide often): a lost id
   * makes a takeover or restart pay the provider again. Retried for at most a lease, after which
   * the job may be another instance's; any other storage fault costs only that resume.
   */
  #recordUpstream(jobId: string, upstream: UpstreamJob, stop: AbortSignal): void {
    const write = () => this.#options.store.recordUpstream(jobId, upstream);
    this.#waitingOutLocks(write, stop, this.#options.leaseMs).catch((error: unknown) => {
      this.#storageFault(
        jobId,
        storageProblemOf(error) ?? 'unknown',
        `provider job id not recorded (a restart would submit to ${upstream.provider} again)`,
      );
    });
  }

  /**
   * `write`, tried again while another process holds the write lock, for up to `maxWaitMs`
   * (lockWaitMs unless said): the server's busy timeout is 1 ms, so instances sharing one SQLite
   * file collide often and briefly. Any other storage fault is thrown at once.
   */
  #waitingOutLocks<T>(
    write: () => Promise<T>,
    signal?: AbortSignal,
    maxWaitMs = this.#options.lockWaitMs ?? 0,
  ): Promise<T | undefined> {
    return retryStorageWrite(write, { locksOnly: true, maxWaitMs, ...(signal ? { signal } : {}) });
  }

  /** The key's own credentials for `job` as stored now, or undefined; a storage fault is logged and reads as none. */
  async #ownCredentialsOf(job: JobRecord): Promise<OwnCredentials | undefined> {
    if (!this.#options.ownCredentials) return undefined;
    try {
      return await this.#options.ownCredentials(job.keyId);
    } catch (error) {
      const storage = storageProblemOf(error);
      this.#options.logger.error(
        { jobId: job.id, keyId: job.keyId, ...(storage ? { storage } : {}) },
        "could not read this key's own provider credentials; the job uses the platform's if it paid for them",
      );
      return undefined;
    }
  }

  /**
   * Candidates with the key's own credentials first (in their order); the platform's after them
   * only when the key allows it and the job paid (`unpaid`: it reserved nothing at submit), so a
   * key that does not allow it is never charged for a platform attempt, and the platform never
   * makes an image no credit paid for (not even when the key allows reroute since).
   */
  #ownFirst(candidates: string[], own: OwnCredentials | undefined, unpaid: boolean): string[] {
    const held = own?.credentials ?? {};
    const mine = ownCredentialProviders(candidates, held, (id) => this.#byId.get(id)?.kind);
    if (unpaid) return mine;
    if (!own) return candidates;
    return own.reroute ? [...mine, ...candidates.filter((id) => !mine.includes(id))] : mine;
  }

  /** The first provider not yet tried whose circuit lets an attempt through; then one worth retrying. */
  #nextProvider(
    candidates: string[],
    lastErrorOf: Map<string, OpenPixelsError>,
    held: { probe: string | undefined },
  ): string | undefined {
    const { health } = this.#options;
    const probe = held.probe;
    if (probe !== undefined) {
      held.probe = undefined; // used now: the attempt's outcome settles the breaker
      if (candidates.includes(probe)) return probe;
      health.breaker(probe).recordNeutral();
    }
    for (const id of candidates) {
      if (!lastErrorOf.has(id) && health.breaker(id).tryAcquire()) return id;
    }
    for (const id of candidates) {
      if (lastErrorOf.get(id)?.retryable && health.breaker(id).tryAcquire()) return id;
    }
    return undefined;
  }

  #attemptError(thrown: unknown, provider: string, attemptSignal: AbortSignal, timeoutMs: number): OpenPixelsError {
    if (attemptSignal.aborted)
      return createError('PROVIDER_TIMEOUT', {
        provider,
        timeout_ms: timeoutMs,
      });
    if (OpenPixelsError.isInstance(thrown) && thrown.type === 'PROVIDER_ERROR') return thrown;
    this.#options.logger.error({ err: thrown, provider }, 'provider adapter threw an unexpected error');
    return createError('PROVIDER_ERROR', { provider });
  }

  #finalError(
    job: JobRecord,
    pinned: boolean,
    attempts: AttemptRecord[],
    lastError: OpenPixelsError | undefined,
    refusedByCircuit: string | undefined,
  ): OpenPixelsErrorEnvelope {
    if (pinned) {
      if (lastError) return lastError.toJSON() as OpenPixelsErrorEnvelope;
      const provider = job.routing.whitelist?.[0] as string;
      const circuit = this.#options.health.breaker(provider).snapshot();
      if (refusedByCircuit) {
        return createError(
          'PROVIDER_ERROR',
          { provider },
          {
            message: `Provider ${provider} is failing and is paused until ${circuit.retry_at}; the job was not sent to it.`,
          },
        ).toJSON();
      }
      return createError('PROVIDER_TIMEOUT', {
        provider,
        timeout_ms: job.deadlineAt - job.createdAt,
      }).toJSON();
    }
    return createError('NO_PROVIDERS_WORKING', {
      model: job.model,
      attempts: attempts.map(({ provider, code, message }) => ({
        provider,
        code,
        message,
      })),
    }).toJSON();
  }

  async #finishFailed(job: JobRecord, error: OpenPixelsErrorEnvelope, provider: string | null): Promise<boolean> {
    if (!(await this.#options.store.fail(job.id, error, provider))) return false;
    this.#failed(job, error, provider);
    return true;
  }

  /** `#finishFailed` for a job this runner owns: retried until the storage takes it or shutdown stops it. */
  async #failOwned(
    job: JobRecord,
    error: OpenPixelsErrorEnvelope,
    provider: string | null,
    stop: AbortSignal,
  ): Promise<void> {
    this.#failing.add(job.id);
    try {
      if (await this.#write(job.id, 'failure', () => this.#options.store.fail(job.id, error, provider), stop)) {
        this.#failed(job, error, provider);
      }
    } finally {
      this.#failing.delete(job.id);
    }
  }

  #failed(job: JobRecord, error: OpenPixelsErrorEnvelope, provider: string | null): void {
    this.#options.observer.finished(job.model, provider, 'failed', error, job.price);
    this.#options.logger.info({ jobId: job.id, code: error.code }, `job failed; ${whatWasRefunded(job)}`);
  }
}

/**
 * How a finished job's log line ends: a job made with the key's own credential reserved
 * nothing, and saying "refunded" would send an operator looking for a ledger line.
 */
function whatWasRefunded(job: JobRecord): string {
  return job.price > 0 ? 'credits refunded' : 'nothing was charged';
}

/**
 * True for a job admitted to be made only with its key's own credential: it reserved nothing
 * (its stored price is 0) although its model has a price.
 */
function reservedNothing(job: JobRecord): boolean {
  return job.price === 0 && modelCatalog[job.model].price > 0;
}
