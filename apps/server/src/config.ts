import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The provider kinds this server has adapters for. */
export const providerKinds = ['local', 'fal', 'replicate'] as const;
export type ProviderKind = (typeof providerKinds)[number];

/** One provider this server may route jobs to. */
export interface ProviderConfig {
  /** Its name in routing (`whitelist`, `ordering`), in errors and in `GET /v2/providers`. */
  id: string;
  /** Which protocol it speaks. */
  kind: ProviderKind;
  /** The API's base URL (fal and replicate; defaults to the public service). */
  url?: string;
  /** The provider's API key (fal and replicate). */
  key?: string;
  /** The models it may serve; default: every model its kind supports. */
  models?: string[];
  /** The per-attempt timeout for this provider; default: the server's attemptTimeoutMs. */
  timeoutMs?: number;
  /** The largest answer read from this provider; default: the server's providerMaxResponseBytes. */
  maxResponseBytes?: number;
}

/** Everything the server needs to run; `loadConfig` builds it from the environment. */
export interface ServerConfig {
  host: string;
  port: number;
  /**
   * Base URL clients reach this server at; image URLs of the local provider start with it.
   * Left undefined, it becomes http://{host}:{port} once the server listens.
   */
  publicUrl: string | undefined;
  dataDir: string;
  /**
   * A PostgreSQL database (`postgres://…`) shared by every instance pointing at it, instead
   * of the data dir's SQLite file; null for SQLite. The data dir still holds the local
   * provider's images.
   */
  databaseUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  /** Enabled providers, in the default order routing tries them. */
  providers: ProviderConfig[];
  local: { delayMs: number; renderThreads: number };
  /** How often remote jobs are polled at fal or Replicate. */
  providerPollIntervalMs: number;
  attemptTimeoutMs: number;
  jobDeadlineMs: number;
  maxAttempts: number;
  pollWaitMs: number;
  /**
   * How long `POST /v2/submit` may hold its answer for the job to finish, to answer with the
   * result itself and save the client a poll; 0 answers at once with the job's state.
   */
  submitWaitMs: number;
  /**
   * The longest a submit without `wait_ms` may be held, learned from the model's latest jobs
   * (SubmitHold): used only while 9 in 10 of them finished within it. At or under
   * `submitWaitMs`, every submit holds `submitWaitMs`.
   */
  submitHoldMaxMs: number;
  maxActiveJobsPerKey: number;
  /** Every key's rate limits unless it has its own (admin API, keys CLI): per minute, 0 for none. */
  rateLimits: { requestsPerMinute: number; imagesPerMinute: number };
  breaker: {
    failureThreshold: number;
    cooldownMs: number;
    /** The breakers' clock (default Date.now): a test gives its own, so a cooldown lapses when the test says, not when a loaded machine gets there. */
    now?: () => number;
  };
  shutdownTimeoutMs: number;
  demoKey: { enabled: boolean; credits: number };
  /**
   * Origins a browser may call the API from: `['*']` for any, `[]` for none. Keys travel in a
   * header, never a cookie, so allowing an origin lets its pages use a key they already hold
   * and nothing more.
   */
  corsOrigins: string[];
  /** How long the local provider's images are kept, in hours; 0 keeps them forever. */
  imageRetentionHours: number;
  /**
   * How long a finished job (and its Idempotency-Key) is kept, in hours, before it is deleted
   * in small batches; 0 keeps jobs forever. The ledger is never deleted.
   */
  jobRetentionHours: number;
  /**
   * How long a submit waits (without blocking other requests) for a database lock another
   * process holds, before it is answered SERVICE_UNAVAILABLE with nothing charged.
   */
  lockWaitMs: number;
  /**
   * How long a running job's lease lasts without a heartbeat (renewed every third of it): an
   * instance that dies leaves its jobs for this long, then a live one takes them over.
   */
  leaseMs: number;
  /** Worker processes (node:cluster) serving one port and sharing the store; 1 runs the server in this process. */
  workers: number;
  /**
   * How the process gives memory back after a burst. `auto`: a capped young generation
   * (young-generation.ts) and, after a jump in V8's heap, one memory-reducing collection, after
   * one in its external memory that and V8's memory saver mode for 10 s (reclaim-after-growth.ts);
   * `on`: the mode always (35-40% less throughput under load); `off`: V8's own sizing and nothing
   * after a burst.
   */
  memorySaver: 'auto' | 'on' | 'off';
  /** The memory allocator the process entry loads (src/allocator.ts): mimalloc when found, unless `system`. */
  allocator: 'auto' | 'mimalloc' | 'system';
  /**
   * Concurrent connections accepted; beyond it a few more are kept for health checks and
   * everything else is refused at once. Keeps a flood of slow sockets from exhausting file descriptors.
   */
  maxConnections: number;
  /** The largest answer read from a provider (a bigger one fails the attempt with PROVIDER_ERROR, unread). */
  providerMaxResponseBytes: number;
  /**
   * The docs site each envelope's `doc_url` points into. Left undefined, it becomes this
   * server's own /docs/ when it serves the docs, else the public site.
   */
  docsUrl: string | undefined;
  /** A built docs site to serve at /docs/ (when it is there); null serves none. */
  docsDir: string | null;
  /**
   * The bearer token `GET /metrics` asks for; null with no metricsPort turns metrics off (the
   * route answers as if it did not exist). With metricsPort it is asked there too, when set.
   */
  metricsToken: string | null;
  /**
   * The 32-byte key provider credentials that API keys bring (bring your own key) are sealed
   * with (AES-256-GCM); null turns that feature off.
   */
  secretKey: Buffer | null;
  /**
   * The secret provider credentials were sealed with before `secretKey` replaced it: tried when
   * `secretKey` cannot open one, until `keys reseal` has sealed them all again; null for none.
   */
  secretKeyPrevious: Buffer | null;
  /** The bearer token of the admin API (`/admin/…`); null turns it off (its routes answer as if they did not exist). */
  adminToken: string | null;
  /** A port of its own for `GET /metrics` (on `host`), off the API's port; null serves them on the API's port. */
  metricsPort: number | null;
}

/** Thrown when the environment holds values the server cannot run with; lists every problem at once. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** `apps/server/.data`, wherever the process was started from, so the CLI and the server agree. */
export const DEFAULT_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '.data');

/** The docs site as `pnpm build` leaves it in this repository (apps/docs). */
export const DEFAULT_DOCS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/.vitepress/dist');

/** Where fal and Replicate are, unless a provider's config says otherwise. */
export const DEFAULT_PROVIDER_URLS = {
  fal: 'https://queue.fal.run',
  replicate: 'https://api.replicate.com',
} as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads the configuration from environment variables (see the README's table), or throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const url = <F extends string | undefined>(name: string, fallback: F): string | F => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    try {
      const parsed = new URL(raw);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
      return raw.replace(/\/+$/, '');
    } catch {
      problems.push(`${name} must be an http(s) URL, got "${raw}"`);
      return fallback;
    }
  };
  const origins = (name: string, fallback: string[]): string[] => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (raw === 'off') return [];
    const list = raw.split(',').map((item) => item.trim().replace(/\/+$/, ''));
    const bad = list.filter((item) => item !== '*' && !/^https?:\/\/[^/\s]+$/.test(item));
    if (bad.length > 0) {
      problems.push(`${name} must be "*", "off" or comma-separated origins like https://app.example.com, got "${raw}"`);
      return fallback;
    }
    return list.includes('*') ? ['*'] : list;
  };
  const databaseUrl = (name: string): string | null => {
    const raw = read(name);
    if (raw === undefined) return null;
    try {
      const parsed = new URL(raw);
      if (parsed.protocol === 'postgres:' || parsed.protocol === 'postgresql:') return raw;
    } catch {}
    // The value is not echoed: it may hold a password.
    problems.push(`${name} must be a postgres:// (or postgresql://) URL`);
    return null;
  };
  // An operator's secret: long enough not to be guessed, never echoed in a problem.
  const token = (name: string): string | null => {
    const raw = read(name);
    if (raw === undefined) return null;
    if (raw.length < 16 || /\s/.test(raw)) {
      problems.push(`${name} must be at least 16 characters without spaces`);
      return null;
    }
    return raw;
  };
  // 32 random bytes as 64 hex characters (`openssl rand -hex 32`); never echoed.
  const secret = (name: string): Buffer | null => {
    const raw = read(name);
    if (raw === undefined) return null;
    if (!/^[0-9a-fA-F]{64}$/.test(raw)) {
      problems.push(`${name} must be 64 hex characters (32 random bytes: openssl rand -hex 32)`);
      return null;
    }
    return Buffer.from(raw, 'hex');
  };
  const choice = <T extends string>(name: string, options: readonly T[], fallback: T): T => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if ((options as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${options.join(', ')}, got "${raw}"`);
    return fallback;
  };

  const host = read('OPENPIXELS_HOST') ?? '127.0.0.1';
  const port = int('OPENPIXELS_PORT', 1729, 0, 65535);
  const falKey = read('OPENPIXELS_FAL_KEY');
  const replicateKey = read('OPENPIXELS_REPLICATE_KEY');

  let kinds: ProviderKind[];
  const providerList = read('OPENPIXELS_PROVIDERS');
  if (providerList === undefined) {
    // Real providers when their keys are set; otherwise the built-in renderer, so a fresh
    // checkout answers at once. The local renderer is never mixed in silently: a job routed
    // to it would succeed with a pattern instead of a real picture.
    kinds = [...(falKey ? ['fal' as const] : []), ...(replicateKey ? ['replicate' as const] : [])];
    if (kinds.length === 0) kinds = ['local'];
  } else {
    const names = providerList
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    kinds = [];
    for (const name of names) {
      if (!(providerKinds as readonly string[]).includes(name)) {
        problems.push(`OPENPIXELS_PROVIDERS names "${name}"; known providers are ${providerKinds.join(', ')}`);
      } else if (kinds.includes(name as ProviderKind)) {
        problems.push(`OPENPIXELS_PROVIDERS names "${name}" twice`);
      } else {
        kinds.push(name as ProviderKind);
      }
    }
    if (names.length === 0) problems.push('OPENPIXELS_PROVIDERS must name at least one provider');
  }
  if (kinds.includes('fal') && !falKey) problems.push('provider fal is enabled but OPENPIXELS_FAL_KEY is not set');
  if (kinds.includes('replicate') && !replicateKey) {
    problems.push('provider replicate is enabled but OPENPIXELS_REPLICATE_KEY is not set');
  }
  const falUrl = url('OPENPIXELS_FAL_URL', DEFAULT_PROVIDER_URLS.fal);
  const replicateUrl = url('OPENPIXELS_REPLICATE_URL', DEFAULT_PROVIDER_URLS.replicate);
  const providers: ProviderConfig[] = kinds.map((kind) => {
    if (kind === 'fal') return { id: kind, kind, url: falUrl, key: falKey ?? '' };
    if (kind === 'replicate') return { id: kind, kind, url: replicateUrl, key: replicateKey ?? '' };
    return { id: kind, kind };
  });

  const demoMode = choice('OPENPIXELS_DEMO_KEY', ['auto', 'on', 'off'] as const, 'auto');
  const attemptTimeoutMs = int('OPENPIXELS_ATTEMPT_TIMEOUT_MS', 60_000, 100, 3_600_000);
  const jobDeadlineMs = int('OPENPIXELS_JOB_DEADLINE_MS', 180_000, 100, 86_400_000);
  if (jobDeadlineMs < attemptTimeoutMs) {
    problems.push(
      `OPENPIXELS_JOB_DEADLINE_MS (${jobDeadlineMs}) must be at least OPENPIXELS_ATTEMPT_TIMEOUT_MS (${attemptTimeoutMs})`,
    );
  }

  const config: ServerConfig = {
    host,
    port,
    publicUrl: url('OPENPIXELS_PUBLIC_URL', undefined),
    dataDir: resolve(read('OPENPIXELS_DATA_DIR') ?? DEFAULT_DATA_DIR),
    databaseUrl: databaseUrl('OPENPIXELS_DATABASE_URL'),
    logLevel: choice('OPENPIXELS_LOG_LEVEL', LOG_LEVELS, 'info'),
    bodyLimitBytes: int('OPENPIXELS_BODY_LIMIT_BYTES', 65_536, 1_024, 10_485_760),
    providers,
    local: {
      delayMs: int('OPENPIXELS_LOCAL_DELAY_MS', 0, 0, 600_000),
      renderThreads: int('OPENPIXELS_LOCAL_RENDER_THREADS', Math.max(1, availableParallelism() - 1), 1, 64),
    },
    providerPollIntervalMs: int('OPENPIXELS_PROVIDER_POLL_INTERVAL_MS', 1_000, 10, 60_000),
    attemptTimeoutMs,
    jobDeadlineMs,
    maxAttempts: int('OPENPIXELS_MAX_ATTEMPTS', 3, 1, 10),
    pollWaitMs: int('OPENPIXELS_POLL_WAIT_MS', 25_000, 0, 85_000),
    // Brief on purpose: until submit answers, the client does not know the job's id (a
    // dropped connection leaves it a charged job it cannot find without an Idempotency-Key).
    submitWaitMs: int('OPENPIXELS_SUBMIT_WAIT_MS', 5, 0, 1_000),
    // Longer only for jobs that have been finishing within it: then the client sends no poll.
    submitHoldMaxMs: int('OPENPIXELS_SUBMIT_HOLD_MAX_MS', 1_000, 0, 5_000),
    maxActiveJobsPerKey: int('OPENPIXELS_MAX_ACTIVE_JOBS_PER_KEY', 1_000, 1, 1_000_000),
    rateLimits: {
      requestsPerMinute: int('OPENPIXELS_RATE_LIMIT_REQUESTS_PER_MINUTE', 0, 0, 100_000_000),
      imagesPerMinute: int('OPENPIXELS_RATE_LIMIT_IMAGES_PER_MINUTE', 0, 0, 100_000_000),
    },
    breaker: {
      failureThreshold: int('OPENPIXELS_BREAKER_FAILURES', 5, 1, 1_000),
      cooldownMs: int('OPENPIXELS_BREAKER_COOLDOWN_MS', 30_000, 10, 3_600_000),
    },
    shutdownTimeoutMs: int('OPENPIXELS_SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    demoKey: {
      // Only a local-only server hands out a key on start: with real providers a printed key
      // would spend real money for whoever reads the logs.
      enabled: demoMode === 'on' || (demoMode === 'auto' && kinds.every((kind) => kind === 'local')),
      credits: int('OPENPIXELS_DEMO_CREDITS', 1_000, 1, 1_000_000_000),
    },
    corsOrigins: origins('OPENPIXELS_CORS_ORIGINS', ['*']),
    imageRetentionHours: int('OPENPIXELS_IMAGE_RETENTION_HOURS', 168, 0, 87_600),
    jobRetentionHours: int('OPENPIXELS_JOB_RETENTION_HOURS', 720, 0, 876_000),
    lockWaitMs: int('OPENPIXELS_LOCK_WAIT_MS', 2_000, 0, 60_000),
    leaseMs: int('OPENPIXELS_LEASE_MS', 15_000, 300, 600_000),
    workers: int('OPENPIXELS_WORKERS', 1, 1, 256),
    memorySaver: choice('OPENPIXELS_MEMORY_SAVER', ['auto', 'on', 'off'] as const, 'auto'),
    allocator: choice('OPENPIXELS_ALLOCATOR', ['auto', 'mimalloc', 'system'] as const, 'auto'),
    docsUrl: url('OPENPIXELS_DOCS_URL', undefined),
    docsDir: read('OPENPIXELS_DOCS_DIR') === 'off' ? null : resolve(read('OPENPIXELS_DOCS_DIR') ?? DEFAULT_DOCS_DIR),
    maxConnections: int('OPENPIXELS_MAX_CONNECTIONS', 1_024, 1, 1_000_000),
    providerMaxResponseBytes: int('OPENPIXELS_PROVIDER_MAX_RESPONSE_BYTES', 1_048_576, 1_024, 1_073_741_824),
    metricsToken: token('OPENPIXELS_METRICS_TOKEN'),
    adminToken: token('OPENPIXELS_ADMIN_TOKEN'),
    secretKey: secret('OPENPIXELS_SECRET_KEY'),
    secretKeyPrevious: secret('OPENPIXELS_SECRET_KEY_PREVIOUS'),
    metricsPort: read('OPENPIXELS_METRICS_PORT') === undefined ? null : int('OPENPIXELS_METRICS_PORT', 0, 0, 65535),
  };
  if (config.secretKeyPrevious !== null && config.secretKey === null) {
    problems.push('OPENPIXELS_SECRET_KEY_PREVIOUS needs OPENPIXELS_SECRET_KEY (the secret that replaces it)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The URL a server listening on host:port is reached at from this machine. */
export function listeningUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}`;
}

/** What `startServer` accepts: any part of the configuration; the rest takes the documented defaults. */
export type ServerOptions = Partial<Omit<ServerConfig, 'local' | 'breaker' | 'demoKey' | 'logLevel' | 'rateLimits'>> & {
  logLevel?: string;
  local?: Partial<ServerConfig['local']>;
  breaker?: Partial<ServerConfig['breaker']>;
  rateLimits?: Partial<ServerConfig['rateLimits']>;
};

/** The defaults (as with an empty environment) overlaid with `options`; throws ConfigError on values it cannot run with. */
export function resolveConfig(options: ServerOptions = {}): ServerConfig {
  const defaults = loadConfig({});
  const { local, breaker, logLevel, rateLimits, ...rest } = options;
  const config: ServerConfig = {
    ...defaults,
    ...(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<ServerConfig>),
    local: { ...defaults.local, ...local },
    breaker: { ...defaults.breaker, ...breaker },
    rateLimits: { ...defaults.rateLimits, ...rateLimits },
    demoKey: defaults.demoKey,
    logLevel: (logLevel ?? defaults.logLevel) as ServerConfig['logLevel'],
    dataDir: resolve(options.dataDir ?? defaults.dataDir),
  };
  const problems: string[] = [];
  if (!(LOG_LEVELS as readonly string[]).includes(config.logLevel)) {
    problems.push(`logLevel must be one of ${LOG_LEVELS.join(', ')}, got "${config.logLevel}"`);
  }
  if (config.providers.length === 0) problems.push('at least one provider must be configured');
  const ids = new Set<string>();
  for (const provider of config.providers) {
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(provider.id)) {
      problems.push(`provider id "${provider.id}" must be lowercase letters, digits, - or _`);
    }
    if (ids.has(provider.id)) problems.push(`provider id "${provider.id}" is used twice`);
    ids.add(provider.id);
    if (!(providerKinds as readonly string[]).includes(provider.kind)) {
      problems.push(`provider ${provider.id} has unknown kind "${provider.kind}"`);
    }
    if (provider.kind !== 'local' && !provider.key)
      problems.push(`provider ${provider.id} (${provider.kind}) needs a key`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
