import type { OpenPixelsErrorEnvelope } from '@openpixels/errors';
import type { CreditMoveKind } from '../credits/credit-ledger.ts';
import type { AdmissionRules } from '../jobs/admission.ts';
import type { AttemptRecord, JobRecord } from '../jobs/job-record.ts';
import type { UpstreamJob } from '../providers/provider-adapter.ts';

/*
 * The storage the gateway runs on, as the routes, the runner and the CLI see it: every method
 * answers a Promise, and nothing here says which engine is behind it (SQLite in the data dir,
 * or PostgreSQL shared by many instances). An implementation holds SQL and nothing else: the
 * rules (admission, prices, key formats, credit amounts) are decided above it and, where they
 * must read facts inside the storing transaction, handed in as callbacks (NewJob.rules).
 *
 * Errors: a method that cannot reach or write its storage rejects with the engine's own error;
 * store/storage-unavailable.ts is the one place that recognises those (SQLite codes, SQLSTATE
 * classes, network codes) and turns them into SERVICE_UNAVAILABLE (503). Any other rejection
 * is a bug or a constraint and ends as INTERNAL_SERVER_ERROR.
 */

/** Ownership of a running job: the instance running it, and until when (epoch ms) it is theirs without a heartbeat. */
export interface Lease {
  /** The instance, unique per process (e.g. `host:pid:random`). */
  owner: string;
  until: number;
}

/** What a submit asks for, already validated and priced: the request's part of a JobRecord. */
export interface NewJob
  extends Pick<JobRecord, 'keyId' | 'model' | 'prompt' | 'width' | 'height' | 'routing' | 'price'> {
  deadlineMs: number;
  /** Decide, inside the storing transaction, whether the job may be stored (see jobs/admission.ts). */
  rules: AdmissionRules;
  idempotency?: { key: string; requestHash: string };
  /** The reserve line's note: why it is what it is (a job made with the key's own credential reserves 0). */
  reserveNote?: string;
  /**
   * The caller starts the job as soon as it is stored, under this lease: it is stored as
   * `processing` (owned) rather than `queued`, which saves the runner a commit on the hot path.
   */
  startsNow?: Lease;
}

/** How a completion is paid for. */
export interface CompleteOptions {
  /**
   * The API key's own provider credential made the image (bring your own key): its reserve is
   * given back in the completion's transaction, the ledger line saying why, so the job costs 0.
   */
  notCharged?: { note: string };
}

/** What `JobStore.create` answers: the stored job, and whether it is an earlier one replayed for its Idempotency-Key. */
export interface CreatedJob {
  job: JobRecord;
  replayed: boolean;
}

/** A job `claimLapsed` took over, with the instance that held it before (null: nobody had started it, e.g. queued or from an old schema). */
export type ClaimedJob = JobRecord & { previousOwner: string | null };

/** Jobs and the credits they hold. Every state change that moves money is one transaction with its ledger line. */
export interface JobStore {
  /**
   * Accepts a job: replays an earlier job with the same Idempotency-Key, or reserves the price
   * from the key's balance and stores the job, all in one transaction; `input.rules` decide
   * (and throw the refusal, which this rejects with) on the facts read inside it. Resolves
   * after the commit, so nothing is answered or started before it is stored. An
   * implementation may commit the creates of one moment together (group commit).
   */
  create(input: NewJob): Promise<CreatedJob>;
  /** Resolves once every `create` called so far has committed and answered (shutdown waits for it). */
  idle(): Promise<void>;
  /** A job by id, or undefined. */
  get(id: string): Promise<JobRecord | undefined>;
  /** Marks a queued job as running under `lease`; false when it is no longer queued. */
  markProcessing(id: string, lease: Lease): Promise<boolean>;
  /** Remembers the provider job a running job waits for, so a restart or takeover resumes it; false when the job finished. */
  recordUpstream(id: string, upstream: UpstreamJob): Promise<boolean>;
  /** Appends one provider attempt to an unfinished job. */
  recordAttempt(id: string, attempt: AttemptRecord): Promise<void>;
  /**
   * Finishes a job with its image and records the attempt that made it (the reserve becomes
   * the charge); false when the job had already finished. Resolves after the commit.
   */
  complete(id: string, provider: string, url: string, attempt: AttemptRecord, options?: CompleteOptions): Promise<boolean>;
  /**
   * Finishes a job with an error and refunds its price, in one transaction; false when the
   * job had already finished (so a second failure path can never refund twice).
   */
  fail(id: string, error: OpenPixelsErrorEnvelope, provider: string | null): Promise<boolean>;
  /**
   * Cancels an unfinished job of `keyId` with `error` (JOB_CANCELLED) and refunds its price,
   * in one transaction. Undefined when no such job belongs to the key; `cancelled: false`
   * with the job unchanged when it had already finished.
   */
  cancel(
    id: string,
    keyId: string,
    error: (job: JobRecord) => OpenPixelsErrorEnvelope,
  ): Promise<{ cancelled: boolean; job: JobRecord } | undefined>;
  /** Unfinished jobs whose deadline (epoch ms) is before `time`, soonest first. */
  listOverdue(time: number): Promise<JobRecord[]>;
  /** One key's unfinished jobs, oldest first (index `jobs_active_by_key`, so a revoke reads only that key's rows). */
  listUnfinished(keyId: string): Promise<JobRecord[]>;
  /**
   * Takes over up to `limit` unfinished jobs nobody holds: no lease, or a lease that ended
   * before `now` (its instance died or stalled). They become `processing` under `lease`, in
   * one statement, so two instances can never take the same job. Oldest first.
   */
  claimLapsed(lease: Lease, now: number, limit: number): Promise<ClaimedJob[]>;
  /**
   * The heartbeat: extends the lease of every unfinished job `lease.owner` holds to
   * `lease.until`. Answers the ids it still holds: a job missing from them was taken over
   * (this instance stalled past its lease) and must be stopped here.
   */
  renewLeases(lease: Lease): Promise<string[]>;
  /** Ends `owner`'s leases on its unfinished jobs (a shutdown leaving them), so another instance or the next start takes them at once. */
  releaseLeases(owner: string): Promise<number>;
  /**
   * Deletes up to `limit` jobs that finished before `before` (epoch ms), with their
   * Idempotency-Keys; the ledger keeps its lines. Answers how many jobs went.
   */
  deleteFinished(before: number, limit: number): Promise<number>;
  /** Forgets Idempotency-Keys stored before `before` (epoch ms); answers how many. */
  purgeIdempotencyKeys(before: number): Promise<number>;
}

/** A key's own rate limits: per minute; null follows the server's default, 0 is no limit. */
export interface KeyLimits {
  requestsPerMinute: number | null;
  imagesPerMinute: number | null;
}

/** What is known about a key; the key itself is shown once, at creation, and never stored. */
export interface ApiKeyRecord {
  id: string;
  prefix: string;
  name: string;
  balance: number;
  createdAt: number;
  revokedAt: number | null;
  limits: KeyLimits;
  /** The provider credentials the key brought, sealed (keys/provider-key-cipher.ts); null for none. Never shown. */
  providerCredentials: string | null;
  /** Whether its jobs may go to the platform's providers when its own credential fails. */
  byoReroute: boolean;
}

/** A key to store, generated above the store (keys/issue-api-key.ts): only its hash is kept. */
export interface NewApiKey {
  id: string;
  hash: string;
  prefix: string;
  name: string;
  createdAt: number;
  /** Granted in the same transaction, with its ledger line; 0 for none. */
  credits: number;
}

/** API keys and their balances. */
export interface KeyStore {
  /** Stores a new key (and its starting credits, one transaction); answers its record. */
  insert(key: NewApiKey): Promise<ApiKeyRecord>;
  /** A key by id, revoked ones included. */
  get(id: string): Promise<ApiKeyRecord | undefined>;
  /** A key by the SHA-256 of its secret, revoked ones included, with the stored hash (to compare in constant time). */
  getByHash(hash: string): Promise<(ApiKeyRecord & { hash: string }) | undefined>;
  /** Every key, oldest first. */
  list(): Promise<ApiKeyRecord[]>;
  /** Revokes a key (it stops authenticating on every instance at once); false when no such key exists. */
  revoke(id: string, now: number): Promise<boolean>;
  /** Sets a key's own rate limits (every instance reads them on the key's next request); false when no such key exists. */
  setLimits(id: string, limits: KeyLimits): Promise<boolean>;
  /** Stores a key's sealed provider credentials (null: none) and its reroute choice; false when no such key exists. */
  setProviderCredentials(id: string, sealed: string | null, reroute: boolean): Promise<boolean>;
}

/** What a rate limit counts. */
export type RateLimitKind = 'requests' | 'images';

/**
 * Fixed-window counters per key, shared by every instance on the store: the one place a rate
 * limit's count is kept, so a limit holds across instances. The rule (which limit, which
 * window, what to answer) is decided above it, in limits/rate-limiter.ts.
 */
export interface RateLimitStore {
  /**
   * Adds `amount` to the count of (key, kind) in the window that starts at `windowStart`,
   * unless the count would then pass `limit`: one atomic statement, so concurrent takes on any
   * number of instances never let more than `limit` through. Answers true when taken, false
   * when refused (nothing added). `amount` is at most `limit` (checked above).
   */
  take(keyId: string, kind: RateLimitKind, windowStart: number, amount: number, limit: number): Promise<boolean>;
  /** Gives back `amount` taken in that window (the request it counted was refused for another reason). */
  giveBack(keyId: string, kind: RateLimitKind, windowStart: number, amount: number): Promise<void>;
  /** Deletes the counters of windows that started before `before` (epoch ms); answers how many. */
  purge(before: number): Promise<number>;
}

/** One line of a key's credit history. */
export interface LedgerEntry {
  id: number;
  jobId: string | null;
  kind: CreditMoveKind;
  amount: number;
  balanceAfter: number;
  note: string | null;
  createdAt: number;
}

/** The money record: grants by operators, and each key's history. Job reserves and refunds are written by JobStore in the job's own transaction. */
export interface Ledger {
  /**
   * Moves a key's balance by `amount` (a whole number, not 0, checked above the store: above 0
   * grants, below 0 is an operator's debit) with its reason; answers the new balance, or
   * undefined when no such key exists. A debit past the balance rejects, nothing moved (the
   * schema keeps every balance at 0 or more).
   */
  grant(keyId: string, amount: number, note: string): Promise<number | undefined>;
  /** A key's credit history, newest first. */
  history(keyId: string, limit: number): Promise<LedgerEntry[]>;
}

/** The gateway's storage: one per process, opened by store/open-store.ts. */
export interface Store {
  /** Which engine is behind it, for logs and the README's tables. */
  readonly engine: 'sqlite' | 'postgres';
  readonly jobs: JobStore;
  readonly keys: KeyStore;
  readonly ledger: Ledger;
  readonly rateLimits: RateLimitStore;
  /**
   * Calls `listener` with the id of every job that finishes (completed, failed, cancelled),
   * whichever instance sharing this store finished it, soon after its commit: long polls wake
   * on it (another process's finish only for a job watched here: see watchJob). SQLite:
   * in-process events (and between the workers of one machine); PostgreSQL: LISTEN/NOTIFY. `job` is the job as committed when this process completed it (a long poll
   * then answers without reading it back); absent otherwise. Answers a function that unsubscribes.
   */
  onJobFinished(listener: (jobId: string, job?: JobRecord) => void): () => void;
  /**
   * A long poll waits for this job: also announce its finish (through onJobFinished) when a
   * process this store hears nothing from finishes it. SQLite: another process on the data dir,
   * seen by `PRAGMA data_version`, looked at only while some job is watched; PostgreSQL: the job
   * is marked watched (after a moment, unless the watch ended first), and a finish NOTIFYs only
   * marked jobs. A job that finished before the watch is announced too. Answers a function that stops watching.
   */
  watchJob(jobId: string): () => void;
  /** Waits for queued writes, then closes the connection(s). */
  close(): Promise<void>;
}
