import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { OpenPixelsErrorEnvelope } from '@openpixels/errors';
import { moveCredits } from '../credits/credit-ledger.ts';
import { GroupCommit } from '../db/group-commit.ts';
import { immediateTransaction } from '../db/immediate-transaction.ts';
import { statementCache } from '../db/statement-cache.ts';
import { randomHex } from '../http/random-hex.ts';
import type { ModelId } from '../models/model-catalog.ts';
import type { UpstreamJob } from '../providers/provider-adapter.ts';
import type { RoutingPreferences } from '../routing/routing-preferences.ts';
import type { AdmissionRules } from './admission.ts';
import type { AttemptRecord, JobRecord, JobStatus } from './job-record.ts';

/** What a submit asks for, already validated and priced: the request's part of a JobRecord. */
export interface NewJob
  extends Pick<JobRecord, 'keyId' | 'model' | 'prompt' | 'width' | 'height' | 'routing' | 'price'> {
  deadlineMs: number;
  /** Decide, inside the storing transaction, whether the job may be stored (see jobs/admission.ts). */
  rules: AdmissionRules;
  idempotency?: { key: string; requestHash: string };
  /**
   * The caller starts the job as soon as it is stored: it is stored as `processing` rather
   * than `queued`, which saves the runner a commit of its own on the hot path.
   */
  startsNow?: boolean;
}

type CompleteArgs = [id: string, provider: string, url: string, attempt: AttemptRecord];

interface JobRow {
  id: string;
  key_id: string;
  model: string;
  prompt: string;
  width: number;
  height: number;
  routing: string;
  price: number;
  status: JobStatus;
  provider: string | null;
  result_url: string | null;
  error: string | null;
  attempts: string;
  upstream: string | null;
  created_at: number;
  updated_at: number;
  deadline_at: number;
  finished_at: number | null;
}

function toJob(row: JobRow): JobRecord {
  return {
    id: row.id,
    keyId: row.key_id,
    model: row.model as ModelId,
    prompt: row.prompt,
    width: row.width,
    height: row.height,
    routing: JSON.parse(row.routing) as RoutingPreferences,
    price: row.price,
    status: row.status,
    provider: row.provider,
    resultUrl: row.result_url,
    error: row.error === null ? null : (JSON.parse(row.error) as OpenPixelsErrorEnvelope),
    attempts: JSON.parse(row.attempts) as AttemptRecord[],
    upstream: row.upstream === null ? null : (JSON.parse(row.upstream) as UpstreamJob),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deadlineAt: row.deadline_at,
    finishedAt: row.finished_at,
  };
}

/** `job_` and 128 random bits: a job id (and the image URL built from it) cannot be guessed. */
function newJobId(): string {
  return `job_${randomHex(16)}`;
}

const ACTIVE = "status IN ('queued', 'processing')";

/** Jobs and the credits they hold, in the data dir's database. Every money move is one transaction. */
export class JobStore {
  readonly #db: DatabaseSync;

  readonly #sql: (sql: string) => StatementSync;

  /** Submits and completions waiting for this turn's shared commit (see createSoon, completeSoon). */
  readonly #creates: GroupCommit<NewJob, { job: JobRecord; replayed: boolean }>;
  readonly #completions: GroupCommit<CompleteArgs, boolean>;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#sql = statementCache(db);
    this.#creates = new GroupCommit(db, (input) => this.#createIn(input));
    this.#completions = new GroupCommit(db, (args) => this.complete(...args));
  }

  /**
   * Accepts a job: replays an earlier job with the same Idempotency-Key, or reserves the price
   * from the key's balance and stores the job, all in one transaction; `input.rules` decide
   * (and throw the refusal) on the facts read inside it.
   */
  create(input: NewJob): { job: JobRecord; replayed: boolean } {
    return immediateTransaction(this.#db, () => this.#createIn(input));
  }

  /**
   * `create`, committed together with the other submits of this event-loop turn (group
   * commit, see db/group-commit.ts): each sees the credits and jobs of the ones before it.
   * Resolves (or rejects with create's error) after the COMMIT, so nothing is answered or
   * started before it is stored.
   */
  createSoon(input: NewJob): Promise<{ job: JobRecord; replayed: boolean }> {
    return this.#creates.push(input);
  }

  /**
   * Resolves once every `createSoon` queued so far is committed and answered (shutdown waits
   * for it, after refusing new submits). Completions are not waited for here: each running
   * job awaits its own, and shutdown drains the jobs.
   */
  async idle(): Promise<void> {
    while (this.#creates.pending) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  #createIn(input: NewJob): { job: JobRecord; replayed: boolean } {
    const now = Date.now();
    if (input.idempotency) {
      const earlier = this.#sql(
        'SELECT request_hash, job_id, created_at FROM idempotency_keys WHERE key_id = ? AND idem_key = ?',
      ).get(input.keyId, input.idempotency.key) as
        | { request_hash: string; job_id: string; created_at: number }
        | undefined;
      if (earlier) {
        const found = { requestHash: earlier.request_hash, jobId: earlier.job_id, createdAt: earlier.created_at };
        if (input.rules.idempotency(found, input.idempotency.requestHash, now) === 'replay') {
          return { job: this.get(earlier.job_id) as JobRecord, replayed: true };
        }
        this.#sql('DELETE FROM idempotency_keys WHERE key_id = ? AND idem_key = ?').run(
          input.keyId,
          input.idempotency.key,
        );
      }
    }

    const { active } = this.#sql(`SELECT COUNT(*) AS active FROM jobs WHERE key_id = ? AND ${ACTIVE}`).get(
      input.keyId,
    ) as { active: number };
    const { balance } = this.#sql('SELECT balance FROM api_keys WHERE id = ?').get(input.keyId) as {
      balance: number;
    };
    input.rules.capacity({ activeJobs: active, balance, price: input.price });

    const id = newJobId();
    const status = input.startsNow ? 'processing' : 'queued';
    this.#sql(
      `INSERT INTO jobs (id, key_id, model, prompt, width, height, routing, price, status, created_at, updated_at, deadline_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.keyId,
      input.model,
      input.prompt,
      input.width,
      input.height,
      JSON.stringify(input.routing),
      input.price,
      status,
      now,
      now,
      now + input.deadlineMs,
    );
    moveCredits(this.#sql, { keyId: input.keyId, jobId: id, kind: 'reserve', amount: -input.price, note: null, now });
    if (input.idempotency) {
      this.#sql(
        'INSERT INTO idempotency_keys (key_id, idem_key, request_hash, job_id, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(input.keyId, input.idempotency.key, input.idempotency.requestHash, id, now);
    }
    // The row just written, built here rather than read back: the same values, one query fewer.
    const job: JobRecord = {
      id,
      keyId: input.keyId,
      model: input.model,
      prompt: input.prompt,
      width: input.width,
      height: input.height,
      routing: input.routing,
      price: input.price,
      status,
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
    return { job, replayed: false };
  }

  /** A job by id, or undefined. */
  get(id: string): JobRecord | undefined {
    const row = this.#sql('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row && toJob(row);
  }

  /** Marks a queued job as running; false when it is no longer queued. */
  markProcessing(id: string): boolean {
    const result = this.#sql(
      "UPDATE jobs SET status = 'processing', updated_at = ? WHERE id = ? AND status = 'queued'",
    ).run(Date.now(), id);
    return result.changes === 1;
  }

  /** Remembers the provider job a running job waits for, so a restart resumes it; false when the job finished. */
  recordUpstream(id: string, upstream: UpstreamJob): boolean {
    const result = this.#sql(`UPDATE jobs SET upstream = ?, updated_at = ? WHERE id = ? AND ${ACTIVE}`).run(
      JSON.stringify(upstream),
      Date.now(),
      id,
    );
    return result.changes === 1;
  }

  /** Appends one provider attempt to a running job. */
  recordAttempt(id: string, attempt: AttemptRecord): void {
    this.#sql(
      `UPDATE jobs SET attempts = json_insert(attempts, '$[#]', json(?)), updated_at = ? WHERE id = ? AND ${ACTIVE}`,
    ).run(JSON.stringify(attempt), Date.now(), id);
  }

  /**
   * Finishes a job with its image and records the attempt that made it, in one statement (one
   * commit on the hot path instead of two); false when the job had already finished. The
   * reserve becomes the charge.
   */
  complete(id: string, provider: string, url: string, attempt: AttemptRecord): boolean {
    const now = Date.now();
    const result = this.#sql(
      `UPDATE jobs SET status = 'completed', provider = ?, result_url = ?,
           attempts = json_insert(attempts, '$[#]', json(?)), updated_at = ?, finished_at = ?
         WHERE id = ? AND ${ACTIVE}`,
    ).run(provider, url, JSON.stringify(attempt), now, now, id);
    return result.changes === 1;
  }

  /**
   * `complete`, committed together with the other completions of this event-loop turn (group
   * commit). Resolves after the commit, so whoever is told the job finished can read it back.
   */
  completeSoon(id: string, provider: string, url: string, attempt: AttemptRecord): Promise<boolean> {
    return this.#completions.push([id, provider, url, attempt]);
  }

  /**
   * Finishes a job with an error and refunds its price, in one transaction; false when the
   * job had already finished (so a second failure path can never refund twice).
   */
  fail(id: string, error: OpenPixelsErrorEnvelope, provider: string | null = null): boolean {
    return immediateTransaction(this.#db, () => {
      const now = Date.now();
      const job = this.#sql(
        `UPDATE jobs SET status = 'failed', error = ?, provider = ?, updated_at = ?, finished_at = ?
           WHERE id = ? AND ${ACTIVE} RETURNING key_id, price`,
      ).get(JSON.stringify(error), provider, now, now, id) as { key_id: string; price: number } | undefined;
      if (!job) return false;
      if (job.price > 0)
        moveCredits(this.#sql, { keyId: job.key_id, jobId: id, kind: 'refund', amount: job.price, note: null, now });
      return true;
    });
  }

  /** Puts a running job back in the queue (after a restart), keeping its deadline and attempts. */
  requeue(id: string): boolean {
    const result = this.#sql(`UPDATE jobs SET status = 'queued', updated_at = ? WHERE id = ? AND ${ACTIVE}`).run(
      Date.now(),
      id,
    );
    return result.changes === 1;
  }

  /** Every job not yet finished, oldest first. */
  listActive(): JobRecord[] {
    return (this.#sql(`SELECT * FROM jobs WHERE ${ACTIVE} ORDER BY created_at`).all() as unknown as JobRow[]).map(
      toJob,
    );
  }

  /** Unfinished jobs whose deadline is before `time`. */
  listOverdue(time: number): JobRecord[] {
    return (
      this.#sql(`SELECT * FROM jobs WHERE ${ACTIVE} AND deadline_at < ? ORDER BY deadline_at`).all(
        time,
      ) as unknown as JobRow[]
    ).map(toJob);
  }

  /** Forgets Idempotency-Keys stored before `before` (epoch ms); returns how many. */
  purgeIdempotencyKeys(before: number): number {
    return Number(this.#sql('DELETE FROM idempotency_keys WHERE created_at < ?').run(before).changes);
  }
}
