import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { OpenPixelsErrorEnvelope } from '@openpixels/errors';
import { type AttemptRecord, isFinished, type JobRecord } from '../../jobs/job-record.ts';
import type { UpstreamJob } from '../../providers/provider-adapter.ts';
import { jobFromRow, type JobRow as JobSqlRow } from '../job-from-row.ts';
import { newJobRecord } from '../new-job-record.ts';
import type { ClaimedJob, CreatedJob, JobStore, Lease, NewJob, CompleteOptions } from '../store.ts';
import { GroupCommit } from './group-commit.ts';
import { immediateTransaction } from './immediate-transaction.ts';
import { moveCredits } from './sqlite-ledger.ts';
import { statementCache } from './statement-cache.ts';

type JobRow = JobSqlRow<string>;

/** SQLite keeps JSON columns as text. */
const toJob = (row: JobRow): JobRecord => jobFromRow(row, JSON.parse);

const ACTIVE = "status IN ('queued', 'processing')";

/**
 * Jobs in the data dir's database. node:sqlite is synchronous: each method does its work at
 * once and answers a settled Promise, except the writes of the hot path (create, the provider
 * job id, complete), which share each event-loop turn's commit (group-commit.ts).
 */
export class SqliteJobStore implements JobStore {
  readonly #db: DatabaseSync;
  readonly #sql: (sql: string) => StatementSync;
  readonly #finished: (id: string, job?: JobRecord) => void;

  /** Submits, provider job ids and completions waiting for this turn's shared commit. */
  readonly #batch: GroupCommit;

  /** `finished` is told each job that finished, after its commit (Store.onJobFinished); a completed one comes with its row. */
  constructor(db: DatabaseSync, finished: (id: string, job?: JobRecord) => void) {
    this.#db = db;
    this.#sql = statementCache(db);
    this.#finished = finished;
    this.#batch = new GroupCommit(db);
  }

  create(input: NewJob): Promise<CreatedJob> {
    return this.#batch.push(() => this.#createIn(input));
  }

  async idle(): Promise<void> {
    while (this.#batch.pending) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  #createIn(input: NewJob): CreatedJob {
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
          return { job: this.#get(earlier.job_id) as JobRecord, replayed: true };
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
    const { balance, revoked_at } = this.#sql('SELECT balance, revoked_at FROM api_keys WHERE id = ?').get(
      input.keyId,
    ) as { balance: number; revoked_at: number | null };
    input.rules.capacity({ revoked: revoked_at !== null, activeJobs: active, balance, price: input.price });

    const job = newJobRecord(input, now);
    const { id, status, deadlineAt } = job;
    const lease = input.startsNow;
    this.#sql(
      `INSERT INTO jobs (id, key_id, model, prompt, width, height, routing, price, status, created_at, updated_at, deadline_at, owner, lease_until)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      deadlineAt,
      lease?.owner ?? null,
      lease?.until ?? null,
    );
    moveCredits(this.#sql, { keyId: input.keyId, jobId: id, kind: 'reserve', amount: 0 - input.price, note: input.reserveNote ?? null, now });
    if (input.idempotency) {
      this.#sql(
        'INSERT INTO idempotency_keys (key_id, idem_key, request_hash, job_id, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(input.keyId, input.idempotency.key, input.idempotency.requestHash, id, now);
    }
    return { job, replayed: false };
  }

  async get(id: string): Promise<JobRecord | undefined> {
    return this.#get(id);
  }

  #get(id: string): JobRecord | undefined {
    const row = this.#sql('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row && toJob(row);
  }

  async markProcessing(id: string, lease: Lease): Promise<boolean> {
    const result = this.#sql(
      "UPDATE jobs SET status = 'processing', owner = ?, lease_until = ?, updated_at = ? WHERE id = ? AND status = 'queued'",
    ).run(lease.owner, lease.until, Date.now(), id);
    return result.changes === 1;
  }

  /** In the turn's shared commit: on its own, one commit per job cost more than the rest of the job's SQL. */
  recordUpstream(id: string, upstream: UpstreamJob): Promise<boolean> {
    const text = JSON.stringify(upstream);
    return this.#batch.push(
      () =>
        this.#sql(`UPDATE jobs SET upstream = ?, updated_at = ? WHERE id = ? AND ${ACTIVE}`).run(text, Date.now(), id)
          .changes === 1,
    );
  }

  async recordAttempt(id: string, attempt: AttemptRecord): Promise<void> {
    this.#sql(
      `UPDATE jobs SET attempts = json_insert(attempts, '$[#]', json(?)), updated_at = ? WHERE id = ? AND ${ACTIVE}`,
    ).run(JSON.stringify(attempt), Date.now(), id);
  }

  /** Committed together with the other completions of this event-loop turn (one commit on the hot path). */
  async complete(
    id: string,
    provider: string,
    url: string,
    attempt: AttemptRecord,
    options: CompleteOptions = {},
  ): Promise<boolean> {
    const completed = await this.#batch.push(() => this.#completeIn(id, provider, url, attempt, options));
    if (completed) this.#finished(id, completed);
    return completed !== undefined;
  }

  /** The image and the attempt that made it, in one statement that answers the row; the lease goes with the job's end. */
  #completeIn(
    id: string,
    provider: string,
    url: string,
    attempt: AttemptRecord,
    options: CompleteOptions,
  ): JobRecord | undefined {
    const now = Date.now();
    const row = this.#sql(
      `UPDATE jobs SET status = 'completed', provider = ?, result_url = ?,
           attempts = json_insert(attempts, '$[#]', json(?)), updated_at = ?, finished_at = ?, lease_until = NULL
         WHERE id = ? AND ${ACTIVE} RETURNING *`,
    ).get(provider, url, JSON.stringify(attempt), now, now, id) as JobRow | undefined;
    if (!row) return undefined;
    if (options.notCharged) {
      const refund = { keyId: row.key_id, jobId: id, kind: 'refund', amount: row.price, note: options.notCharged.note } as const;
      moveCredits(this.#sql, { ...refund, now });
    }
    return toJob(row);
  }

  async fail(id: string, error: OpenPixelsErrorEnvelope, provider: string | null): Promise<boolean> {
    const failed = immediateTransaction(this.#db, () => this.#finishRefunded(id, 'failed', error, provider));
    if (failed) this.#finished(id);
    return failed;
  }

  async cancel(
    id: string,
    keyId: string,
    error: (job: JobRecord) => OpenPixelsErrorEnvelope,
  ): Promise<{ cancelled: boolean; job: JobRecord } | undefined> {
    const outcome = immediateTransaction(this.#db, () => {
      const job = this.#get(id);
      if (!job || job.keyId !== keyId) return undefined;
      if (isFinished(job.status)) return { cancelled: false, job };
      this.#finishRefunded(id, 'cancelled', error(job), job.provider);
      return { cancelled: true, job: this.#get(id) as JobRecord };
    });
    if (outcome?.cancelled) this.#finished(id);
    return outcome;
  }

  /** The one way a job ends unpaid: its final status and error, and its price given back. */
  #finishRefunded(
    id: string,
    status: 'failed' | 'cancelled',
    error: OpenPixelsErrorEnvelope,
    provider: string | null,
  ): boolean {
    const now = Date.now();
    const job = this.#sql(
      `UPDATE jobs SET status = ?, error = ?, provider = ?, updated_at = ?, finished_at = ?, lease_until = NULL
         WHERE id = ? AND ${ACTIVE} RETURNING key_id, price`,
    ).get(status, JSON.stringify(error), provider, now, now, id) as { key_id: string; price: number } | undefined;
    if (!job) return false;
    if (job.price > 0) {
      moveCredits(this.#sql, { keyId: job.key_id, jobId: id, kind: 'refund', amount: job.price, note: null, now });
    }
    return true;
  }

  async listOverdue(time: number): Promise<JobRecord[]> {
    return (
      this.#sql(`SELECT * FROM jobs WHERE ${ACTIVE} AND deadline_at < ? ORDER BY deadline_at`).all(
        time,
      ) as unknown as JobRow[]
    ).map(toJob);
  }

  async listUnfinished(keyId: string): Promise<JobRecord[]> {
    return (
      this.#sql(`SELECT * FROM jobs WHERE key_id = ? AND ${ACTIVE} ORDER BY created_at`).all(
        keyId,
      ) as unknown as JobRow[]
    ).map(toJob);
  }

  async claimLapsed(lease: Lease, now: number, limit: number): Promise<ClaimedJob[]> {
    // Read and take over in one write transaction: across processes, the write lock makes it one step.
    return immediateTransaction(this.#db, () => {
      const rows = this.#sql(
        `SELECT * FROM jobs WHERE ${ACTIVE} AND (lease_until IS NULL OR lease_until < ?) ORDER BY created_at LIMIT ?`,
      ).all(now, limit) as unknown as Array<JobRow & { owner: string | null }>;
      const take = this.#sql(
        "UPDATE jobs SET status = 'processing', owner = ?, lease_until = ?, updated_at = ? WHERE id = ?",
      );
      return rows.map((row) => {
        take.run(lease.owner, lease.until, now, row.id);
        return { ...toJob(row), status: 'processing', updatedAt: now, previousOwner: row.owner };
      });
    });
  }

  async renewLeases(lease: Lease): Promise<string[]> {
    const rows = this.#sql(`UPDATE jobs SET lease_until = ? WHERE owner = ? AND ${ACTIVE} RETURNING id`).all(
      lease.until,
      lease.owner,
    ) as unknown as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  async releaseLeases(owner: string): Promise<number> {
    return Number(this.#sql(`UPDATE jobs SET lease_until = 0 WHERE owner = ? AND ${ACTIVE}`).run(owner).changes);
  }

  async deleteFinished(before: number, limit: number): Promise<number> {
    return immediateTransaction(this.#db, () => {
      const ids = this.#sql(
        'SELECT id FROM jobs WHERE finished_at IS NOT NULL AND finished_at < ? ORDER BY finished_at LIMIT ?',
      ).all(before, limit) as unknown as Array<{ id: string }>;
      for (const { id } of ids) {
        this.#sql('DELETE FROM idempotency_keys WHERE job_id = ?').run(id);
        this.#sql('DELETE FROM jobs WHERE id = ?').run(id);
      }
      return ids.length;
    });
  }

  async purgeIdempotencyKeys(before: number): Promise<number> {
    return Number(this.#sql('DELETE FROM idempotency_keys WHERE created_at < ?').run(before).changes);
  }
}
