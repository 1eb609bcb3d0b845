import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomHex } from './http/random-hex.ts';
import { pruneImages } from './providers/local/prune-images.ts';
import type { FastifyInstance } from 'fastify';
import { KeyAdmin } from './admin/key-admin.ts';
import { createFastify, registerApi } from './app.ts';
import { GatewayMetrics } from './metrics/gateway-metrics.ts';
import { registerMetricsRoute } from './metrics/metrics-route.ts';
import type { AppDeps } from './app-deps.ts';
import {
  DEFAULT_PROVIDER_URLS,
  listeningUrl,
  type ProviderConfig,
  resolveConfig,
  type ServerConfig,
  type ServerOptions,
} from './config.ts';
import { DataDirUnusableError } from './store/sqlite/data-dir-unusable-error.ts';
import { IDEMPOTENCY_TTL_MS } from './jobs/admission.ts';
import { storageProblemOf } from './store/storage-unavailable.ts';
import { openStore } from './store/open-store.ts';
import { lockWait } from './store/retry-storage-write.ts';
import type { JobStore, KeyStore, Store } from './store/store.ts';
import { issueApiKey } from './keys/issue-api-key.ts';
import { groupMetrics } from './cluster/group-metrics.ts';
import { OwnProviderKeys } from './keys/own-provider-keys.ts';
import { ProviderKeyCipher } from './keys/provider-key-cipher.ts';
import { JobEvents } from './jobs/job-events.ts';
import { SubmitHold } from './jobs/submit-hold.ts';
import { deleteOldJobs } from './jobs/delete-old-jobs.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { RateLimiter } from './limits/rate-limiter.ts';
import { createFalProvider } from './providers/fal-provider.ts';
import { createLocalProvider } from './providers/local/local-provider.ts';
import type { ProviderAdapter } from './providers/provider-adapter.ts';
import { createReplicateProvider } from './providers/replicate-provider.ts';
import { ProviderHealth } from './routing/provider-health.ts';
import { DOCS_PATH, isBuiltDocsSite, registerDocsSite } from './routes/docs-site.ts';

/**
 * How long one SQLite call may block the event loop waiting for another process's lock (then
 * it retries asynchronously). 1 ms, not 5: while another process holds the lock, every waiting
 * write (a submit, each finished job) tries again every few hundred ms, and each try blocked for
 * the whole timeout (README, "Another process holding the write lock").
 */
const SQLITE_BUSY_TIMEOUT_MS = 1;

/** `startServer`'s options: any part of the configuration, plus hooks for tests. */
export interface StartServerOptions extends ServerOptions {
  /** Adapters used instead of the ones `providers` describes (tests add misbehaving providers this way). */
  adapters?: ProviderAdapter[];
  /** First pause before retrying a provider (tests shorten it). */
  retryBackoffMs?: number;
  /** The clock rate limits count by (tests place it in a minute; epoch ms). */
  clock?: () => number;
  /** Where the log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
}

/** A listening server and handles on its state. */
export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:1729`. */
  url: string;
  config: ServerConfig;
  app: FastifyInstance;
  store: Store;
  /** `store.keys` and `store.jobs`. */
  keys: KeyStore;
  jobs: JobStore;
  health: ProviderHealth;
  runner: JobRunner;
  /** Who is waiting on which job (long polls, fal status streams); `waiting` counts them. */
  events: JobEvents;
  /** This process's name in job leases (`host:pid:random`). */
  instance: string;
  metrics: GatewayMetrics;
  /** Where `GET /metrics` is served when it has a port of its own (`metricsPort`), else null. */
  metricsUrl: string | null;
  /** Creates an API key holding `credits`; the key is returned once and stored only as a hash. */
  createApiKey(options: { credits: number; name?: string }): Promise<{ id: string; key: string }>;
  /** Graceful stop: refuse new work, let running jobs finish (up to shutdownTimeoutMs), then close. */
  close(): Promise<void>;
}

/**
 * Opens the data dir, resumes or fails what a previous run left unfinished, and listens.
 * Every job this process accepts is run by this process.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const { adapters, retryBackoffMs, clock, logStream, ...serverOptions } = options;
  const config = resolveConfig(serverOptions);
  // node:sqlite waits for a lock on the event loop: a few ms at most, then writes retry
  // without blocking (submits for up to lockWaitMs, a running job's final state until stored).
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS,
  });
  const { keys, jobs } = store;
  const imagesDir = join(config.dataDir, 'images');
  let providers: ProviderAdapter[];
  try {
    providers = adapters ?? config.providers.map((p) => buildAdapter(p, config, imagesDir));
  } catch (error) {
    await store.close();
    throw DataDirUnusableError.from(error, config.dataDir) ?? error;
  }
  const health = new ProviderHealth(
    providers.map((p) => p.id),
    config.breaker,
  );
  // A job this process runs is announced in process when it finishes: nothing to watch for.
  // (Called only once a poll waits, after the runner below exists.)
  const events = new JobEvents((id) => (runner.isRunning(id) ? () => {} : store.watchJob(id)));
  const submitHold = new SubmitHold(config.submitWaitMs, config.submitHoldMaxMs);
  store.onJobFinished((id, job) => {
    if (job) submitHold.finished(job);
    events.notify(id, job);
  });
  const lifecycle = { draining: false };

  const metrics = new GatewayMetrics({
    providerIds: providers.map((p) => p.id),
    circuitState: (provider) => health.breaker(provider).state,
  });
  // A cluster worker's scrape answers for the whole group: the primary gathers every worker's.
  const group = groupMetrics(metrics.registry);
  if (group) metrics.gatherWith(group.gather);
  const app = createFastify(config, metrics, logStream);
  // Operator and key-holder writes wait out another process's lock as submits do.
  const waitOutLocks = lockWait(config.lockWaitMs);
  const ownProviderKeys = new OwnProviderKeys(
    keys,
    config.secretKey === null ? null : new ProviderKeyCipher(config.secretKey, config.secretKeyPrevious),
    waitOutLocks,
  );
  const instance = instanceName();
  const runner = new JobRunner({
    store: jobs,
    providers,
    health,
    logger: app.log,
    owner: instance,
    leaseMs: config.leaseMs,
    lockWaitMs: config.lockWaitMs,
    attemptTimeoutMs: config.attemptTimeoutMs,
    maxAttempts: config.maxAttempts,
    observer: metrics,
    // Wired even without OPENPIXELS_SECRET_KEY: a key holding sealed credentials then has them unreadable, not ignored.
    ownCredentials: (keyId: string) => ownProviderKeys.credentialsOf(keyId),
    ...(retryBackoffMs === undefined ? {} : { retryBackoffMs }),
  });
  const deps: AppDeps = {
    config,
    keys,
    jobs,
    runner,
    events,
    submitHold,
    health,
    providers,
    imagesDir,
    lifecycle,
    metrics,
    admin: new KeyAdmin(store, waitOutLocks),
    ownProviderKeys,
    rateLimiter: new RateLimiter(store.rateLimits, config.rateLimits, {
      lockWaitMs: config.lockWaitMs,
      ...(clock ? { now: clock } : {}),
    }),
  };
  registerApi(app, deps);
  const docsServed = config.docsDir !== null && isBuiltDocsSite(config.docsDir);
  if (docsServed && config.docsDir !== null) registerDocsSite(app, config.docsDir);

  // Metrics on a port of their own (one a firewall keeps private): an instance with only them.
  const metricsApp = config.metricsPort === null ? undefined : createFastify(config, metrics);
  if (metricsApp) registerMetricsRoute(metricsApp, { metrics, enabled: true, token: config.metricsToken });
  try {
    await app.listen({ host: config.host, port: config.port });
    await metricsApp?.listen({ host: config.host, port: config.metricsPort ?? 0 });
  } catch (error) {
    await Promise.all([app.close(), metricsApp?.close()]);
    await Promise.all(providers.map((p) => p.close?.()));
    await store.close();
    throw error;
  }
  const metricsAddress = metricsApp?.server.address();
  const metricsUrl =
    typeof metricsAddress === 'object' && metricsAddress ? listeningUrl(config.host, metricsAddress.port) : null;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = listeningUrl(config.host, port);
  config.publicUrl ??= url;
  // Every doc_url then resolves on this gateway itself, offline.
  if (docsServed) config.docsUrl ??= `${config.publicUrl}${DOCS_PATH}`;

  // A storage outage is logged once per background task when it starts and once when it ends,
  // not on every beat of a heartbeat or sweep that meets it (that would be a line every few
  // hundred ms for as long as the outage lasts).
  const outageSince = new Map<string, number>();
  const logSweepError = (what: string) => (error: unknown) => {
    const storage = storageProblemOf(error);
    if (!storage) {
      app.log.error({ err: error }, `${what} failed`);
      return;
    }
    if (outageSince.has(what)) app.log.debug({ storage }, `storage unavailable: ${what} skipped again`);
    else {
      outageSince.set(what, Date.now());
      app.log.error({ storage }, `storage unavailable: ${what} skipped until it is back (the database is ${storage})`);
    }
  };
  const logSweepDone = (what: string) => () => {
    const since = outageSince.get(what);
    if (since === undefined) return;
    outageSince.delete(what);
    app.log.info({ downMs: Date.now() - since }, `storage available again: ${what} running`);
  };
  // What a previous run (or a dead instance) left: jobs whose lease lapsed. A live instance's are left alone.
  await runner.takeOverLapsed().catch(logSweepError('take-over of lapsed jobs'));
  // The heartbeat keeps this instance's jobs its own; a third of the lease leaves two beats of slack.
  const heartbeat = setInterval(
    () => void runner.renewLeases().then(logSweepDone('lease heartbeat'), logSweepError('lease heartbeat')),
    Math.max(100, Math.floor(config.leaseMs / 3)),
  );
  heartbeat.unref();
  // The safety net behind each job's own deadline, the take-over of jobs whose instance died,
  // and the Idempotency-Key clean-up.
  const sweepEvery = Math.min(
    15_000,
    Math.max(250, Math.floor(config.jobDeadlineMs / 4)),
    Math.max(100, Math.floor(config.leaseMs / 2)),
  );
  let sweeping: Promise<void> | undefined;
  const sweep = async () => {
    await runner.failOverdue(Math.min(5_000, Math.max(100, Math.floor(config.jobDeadlineMs / 10))));
    // A draining instance takes no new work, other instances' included.
    if (!lifecycle.draining) await runner.takeOverLapsed();
    await jobs.purgeIdempotencyKeys(Date.now() - IDEMPOTENCY_TTL_MS);
    await deps.rateLimiter.purge();
  };
  const sweeper = setInterval(() => {
    sweeping ??= sweep()
      .then(logSweepDone('job sweep'), logSweepError('job sweep'))
      .finally(() => {
        sweeping = undefined;
      });
  }, sweepEvery);
  sweeper.unref();
  // Finished jobs past their retention go in small batches, on a clock of their own (at most
  // every minute): a busy gateway's table then stays about one retention period long.
  const jobRetentionMs = config.jobRetentionHours * 3_600_000;
  let pruningJobs: Promise<void> | undefined;
  const pruneOldJobs = () => {
    pruningJobs ??= deleteOldJobs(jobs, jobRetentionMs)
      .then(
        (deleted) => void (deleted > 0 && app.log.info({ deleted }, 'deleted finished jobs past their retention')),
        logSweepError('job retention'),
      )
      .finally(() => {
        pruningJobs = undefined;
      });
  };
  const jobPruner =
    jobRetentionMs > 0
      ? setInterval(pruneOldJobs, Math.max(50, Math.min(60_000, Math.floor(jobRetentionMs / 10))))
      : undefined;
  jobPruner?.unref();
  // Old images go on their own, slower clock: deleting files needs no more than hourly care.
  const pruneOldImages = () =>
    pruneImages(imagesDir, config.imageRetentionHours * 3_600_000).then(
      (deleted) => deleted > 0 && app.log.info({ deleted }, 'deleted images past their retention'),
      (error: unknown) => app.log.error({ err: error }, 'image clean-up failed'),
    );
  const pruner =
    config.imageRetentionHours > 0
      ? setInterval(pruneOldImages, Math.min(3_600_000, config.imageRetentionHours * 360_000))
      : undefined;
  pruner?.unref();
  if (pruner) void pruneOldImages();

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      lifecycle.draining = true;
      // Submits already queued for their commit are stored and started first, so drain sees them.
      await jobs.idle();
      app.log.info({ running: runner.runningCount }, 'shutting down: refusing new work, letting running jobs finish');
      const drained = await runner.drain(config.shutdownTimeoutMs);
      if (!drained) {
        app.log.warn({ running: runner.runningCount }, 'shutdown timeout: leaving unfinished jobs for the next start');
        await runner.abortAll();
      }
      clearInterval(sweeper);
      clearInterval(heartbeat);
      clearInterval(jobPruner);
      // A sweep or a clean-up under way finishes before the store closes under it.
      await Promise.all([sweeping, pruningJobs]);
      // Whatever is left is taken over at once by another instance or the next start, not after its lease.
      await runner.releaseLeases().catch(logSweepError('lease release'));
      clearInterval(pruner);
      events.releaseAll();
      // Long polls were just answered; give those answers a moment to flush, then cut any
      // connection still open (a keep-alive socket would otherwise hold close() for minutes).
      const cut = setTimeout(() => app.server.closeAllConnections(), 500);
      await Promise.all([app.close(), metricsApp?.close()]);
      clearTimeout(cut);
      group?.stop();
      await Promise.all(providers.map((p) => p.close?.()));
      await store.close();
    })();
    return closing;
  };

  const createApiKey = async ({ credits, name }: { credits: number; name?: string }) => {
    const { key, record } = await issueApiKey(keys, {
      credits,
      ...(name === undefined ? {} : { name }),
    });
    return { id: record.id, key };
  };
  return {
    url,
    config,
    app,
    store,
    keys,
    jobs,
    health,
    runner,
    events,
    instance,
    metrics,
    metricsUrl,
    createApiKey,
    close,
  };
}

/** This process's name in job leases: unique even for two processes with one pid on two machines. */
function instanceName(): string {
  return `${hostname()}:${process.pid}:${randomHex(4)}`;
}

function buildAdapter(provider: ProviderConfig, config: ServerConfig, imagesDir: string): ProviderAdapter {
  const identity = {
    id: provider.id,
    ...(provider.models ? { models: provider.models } : {}),
    ...(provider.timeoutMs === undefined ? {} : { timeoutMs: provider.timeoutMs }),
    maxResponseBytes: provider.maxResponseBytes ?? config.providerMaxResponseBytes,
  };
  const timeoutMs = provider.timeoutMs ?? config.attemptTimeoutMs;
  switch (provider.kind) {
    case 'local':
      return createLocalProvider({
        ...identity,
        imagesDir,
        publicUrl: () => config.publicUrl ?? '',
        delayMs: config.local.delayMs,
        renderThreads: config.local.renderThreads,
      });
    case 'fal':
      return createFalProvider({
        ...identity,
        url: (provider.url ?? DEFAULT_PROVIDER_URLS.fal).replace(/\/+$/, ''),
        key: provider.key ?? '',
        pollIntervalMs: config.providerPollIntervalMs,
      });
    case 'replicate':
      return createReplicateProvider({
        ...identity,
        url: (provider.url ?? DEFAULT_PROVIDER_URLS.replicate).replace(/\/+$/, ''),
        key: provider.key ?? '',
        pollIntervalMs: config.providerPollIntervalMs,
        // Let Replicate hold the create call open for most of the attempt (sync mode, at most 60 s).
        syncWaitSeconds: Math.max(1, Math.min(60, Math.floor(timeoutMs / 1000) - 1)),
      });
  }
}
