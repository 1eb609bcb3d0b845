import type { OpenPixelsErrorEnvelope } from '@openpixels/errors';
import type postgres from 'postgres';
import { type AttemptRecord, isFinished, type JobRecord } from '../../jobs/job-record.ts';
import type { UpstreamJob } from '../../providers/provider-adapter.ts';
import { jobFromRow, type JobRow as JobSqlRow } from '../job-from-row.ts';
import { newJobRecord } from '../new-job-record.ts';
import type { ClaimedJob, CreatedJob, JobStore, Lease, NewJob, CompleteOptions } from '../store.ts';
import type { Queryable, Sql } from './connect-postgres.ts';
import { moveCredits } from './postgres-ledger.ts';

/** The channel finished jobs are announced on; the payload is `<origin instance> <job id>`. */
export const JOB_FINISHED_CHANNEL = 'openpixels_job_finished';

/** jsonb columns arrive parsed (postgres.js). */
type JobRow = JobSqlRow<unknown>;

const toJob = (row: JobRow): JobRecord => jobFromRow(row, (column) => column);

/** A value for a jsonb parameter: postgres.js would send a string as a JSON string, so objects go through sql.json. */
function json(sql: Queryable, value: unknown): postgres.Parameter {
  return sql.json(value as postgres.JSONValue);
}

/**
 * Jobs in the shared PostgreSQL database, for any number of instances at once. What makes
 * that safe is in the SQL: a submit locks its key's row first (`FOR UPDATE`), so the
 * Idempotency-Key, active-job and balance facts its rules see stay true until it commits,
 * whichever instance the next submit of that key reaches; every state change is guarded by
 * the job's state (`WHERE status IN ('queued', 'processing')`), so one of two racing
 * finishes wins; take-overs skip rows another instance is taking (`SKIP LOCKED`).
 */
export class PostgresJobStore implements JobStore {
  readonly #sql: Sql;
  readonly #origin: string;
  readonly #finished: (id: string, job?: JobRecord) => void;
  #creating = 0;

  /**
   * `origin` names this instance in the finish notifications it sends; `finished` is told, right
   * after the commit, each job this instance finished (other instances learn through NOTIFY); a
   * completed one comes with its row as committed.
   */
  constructor(sql: Sql, origin: string, finished: (id: string, job?: JobRecord) => void) {
    this.#sql = sql;
    this.#origin = origin;
    this.#finished = finished;
  }

  /**
   * One transaction in two round trips on a connection of its own: BEGIN and the reads go out
   * together, then the writes and COMMIT together (postgres.js's begin() waits for BEGIN and
   * for COMMIT on their own, four round trips, each a socket write and a wake-up of the
   * database on both sides). A write that fails aborts the transaction, so the COMMIT sent
   * behind it rolls back and the write's own error is what this rejects with.
   */
  async create(input: NewJob): Promise<CreatedJob> {
    this.#creating++;
    try {
      const connection = await this.#sql.reserve();
      try {
        return await this.#createOn(connection, input);
      } finally {
        connection.release();
      }
    } finally {
      this.#creating--;
    }
  }

  async idle(): Promise<void> {
    while (this.#creating > 0) await new Promise((resolve) => setTimeout(resolve, 1));
  }

  async #createOn(tx: postgres.ReservedSql, input: NewJob): Promise<CreatedJob> {
    try {
      return await this.#createIn(tx, input);
    } catch (error) {
      // Whatever is still open (a refusal by the rules, a failed statement) is undone; after a
      // COMMIT that rolled back, PostgreSQL only warns that no transaction is in progress.
      await tx`ROLLBACK`.catch(() => undefined);
      throw error;
    }
  }

  async #createIn(tx: postgres.ReservedSql, input: NewJob): Promise<CreatedJob> {
    const now = Date.now();
    const idem = input.idempotency;
    // Sent together (pipelined) behind BEGIN; the facts are read by a statement that starts
    // after the lock is held, so they include every submit of this key that committed before it.
    const [, locked, [facts]] = await Promise.all([
      tx`BEGIN`,
      tx`SELECT 1 FROM api_keys WHERE id = ${input.keyId} FOR UPDATE`,
      tx<
        {
          balance: number;
          revoked_at: number | null;
          active: number;
          request_hash: string | null;
          job_id: string | null;
          idem_at: number | null;
        }[]
      >`
        SELECT k.balance, k.revoked_at,
               (SELECT count(*)::int FROM jobs j WHERE j.key_id = k.id AND j.status IN ('queued', 'processing')) AS active,
               i.request_hash, i.job_id, i.created_at AS idem_at
          FROM api_keys k
          LEFT JOIN idempotency_keys i ON i.key_id = k.id AND i.idem_key = ${idem?.key ?? null}
         WHERE k.id = ${input.keyId}`,
    ]);
    if (locked.length === 0 || !facts) throw new Error(`No API key with id ${input.keyId}.`);

    if (idem && facts.job_id !== null && facts.request_hash !== null && facts.idem_at !== null) {
      const earlier = { requestHash: facts.request_hash, jobId: facts.job_id, createdAt: facts.idem_at };
      if (input.rules.idempotency(earlier, idem.requestHash, now) === 'replay') {
        const [[row]] = await Promise.all([tx<JobRow[]>`SELECT * FROM jobs WHERE id = ${facts.job_id}`, tx`COMMIT`]);
        return { job: toJob(row as JobRow), replayed: true };
      }
    }
    input.rules.capacity({
      revoked: facts.revoked_at !== null,
      activeJobs: facts.active,
      balance: facts.balance,
      price: input.price,
    });

    const job = newJobRecord(input, now);
    const { id, status, deadlineAt } = job;
    const lease = input.startsNow;
    const expiredIdempotencyKey = idem !== undefined && facts.job_id !== null;
    await Promise.all([
      expiredIdempotencyKey &&
        tx`DELETE FROM idempotency_keys WHERE key_id = ${input.keyId} AND idem_key = ${idem.key}`,
      // The job row goes in with its reserve, in the ledger's one statement.
      moveCredits(
        tx,
        { keyId: input.keyId, jobId: id, kind: 'reserve', amount: 0 - input.price, note: input.reserveNote ?? null, now },
        tx`INSERT INTO jobs (id, key_id, model, prompt, width, height, routing, price, status, created_at, updated_at, deadline_at, owner, lease_until)
           VALUES (${id}, ${input.keyId}, ${input.model}, ${input.prompt}, ${input.width}, ${input.height},
                   ${json(tx, input.routing)}, ${input.price}, ${status}, ${now}, ${now}, ${deadlineAt},
                   ${lease?.owner ?? null}, ${lease?.until ?? null})`,
      ),
      idem &&
        tx`INSERT INTO idempotency_keys (key_id, idem_key, request_hash, job_id, created_at)
           VALUES (${input.keyId}, ${idem.key}, ${idem.requestHash}, ${id}, ${now})`,
      tx`COMMIT`,
    ]);
    return { job, replayed: false };
  }

  /**
   * Marks the job as waited for by another instance than the one running it, so that its
   * finish is NOTIFYed; false when it already finished (or does not exist): the caller then
   * reads it instead of waiting. The UPDATE and a finish lock the same row, so either this
   * mark is committed before the finish (which then sees it and NOTIFYs) or it finds the job
   * finished: no finish goes unheard.
   */
  async watch(id: string): Promise<boolean> {
    const marked = await this.#sql`
      UPDATE jobs SET watched = true WHERE id = ${id} AND status IN ('queued', 'processing') RETURNING 1`;
    return marked.length > 0;
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const [row] = await this.#sql<JobRow[]>`SELECT * FROM jobs WHERE id = ${id}`;
    return row && toJob(row);
  }

  async markProcessing(id: string, lease: Lease): Promise<boolean> {
    const result = await this.#sql`
      UPDATE jobs SET status = 'processing', owner = ${lease.owner}, lease_until = ${lease.until}, updated_at = ${Date.now()}
       WHERE id = ${id} AND status = 'queued'`;
    return result.count === 1;
  }

  async recordUpstream(id: string, upstream: UpstreamJob): Promise<boolean> {
    const result = await this.#sql`
      UPDATE jobs SET upstream = ${json(this.#sql, upstream)}, updated_at = ${Date.now()}
       WHERE id = ${id} AND status IN ('queued', 'processing')`;
    return result.count === 1;
  }

  async recordAttempt(id: string, attempt: AttemptRecord): Promise<void> {
    await this.#sql`
      UPDATE jobs SET attempts = attempts || ${json(this.#sql, [attempt])}, updated_at = ${Date.now()}
       WHERE id = ${id} AND status IN ('queued', 'processing')`;
  }

  async complete(
    id: string,
    provider: string,
    url: string,
    attempt: AttemptRecord,
    options: CompleteOptions = {},
  ): Promise<boolean> {
    const now = Date.now();
    if (options.notCharged) return this.#completeNotCharged(id, provider, url, attempt, options.notCharged.note, now);
    // One statement, so the NOTIFY is sent exactly when the completion commits (and only when
    // another instance waits for the job: `watched`, as locked by this UPDATE); it answers the
    // row, so that this instance's long polls for the job need not read it back.
    const [row] = await this.#sql<JobRow[]>`
      WITH done AS (
        UPDATE jobs SET status = 'completed', provider = ${provider}, result_url = ${url},
               attempts = attempts || ${json(this.#sql, [attempt])}, updated_at = ${now}, finished_at = ${now}, lease_until = NULL
         WHERE id = ${id} AND status IN ('queued', 'processing')
        RETURNING *)
      SELECT done.*, CASE WHEN done.watched THEN pg_notify(${JOB_FINISHED_CHANNEL}, ${this.#origin} || ' ' || done.id) END
        FROM done`;
    if (row) this.#finished(id, toJob(row));
    return row !== undefined;
  }

  /** A completion whose reserve goes back (bring your own key): the update, the refund and the NOTIFY in one transaction. */
  async #completeNotCharged(
    id: string,
    provider: string,
    url: string,
    attempt: AttemptRecord,
    note: string,
    now: number,
  ): Promise<boolean> {
    // The row comes back whole, as the charged completion's does, so this instance's long polls need not read it back.
    const completed = await this.#sql.begin(async (tx) => {
      const [row] = await tx<JobRow[]>`
        UPDATE jobs SET status = 'completed', provider = ${provider}, result_url = ${url},
               attempts = attempts || ${json(tx, [attempt])}, updated_at = ${now}, finished_at = ${now}, lease_until = NULL
         WHERE id = ${id} AND status IN ('queued', 'processing')
        RETURNING *`;
      if (!row) return undefined;
      await moveCredits(tx, { keyId: row.key_id, jobId: id, kind: 'refund', amount: row.price, note, now });
      if ((row as { watched?: boolean }).watched)
        await tx`SELECT pg_notify(${JOB_FINISHED_CHANNEL}, ${this.#origin} || ' ' || ${id})`;
      return row;
    });
    if (completed) this.#finished(id, toJob(completed));
    return completed !== undefined;
  }

  async fail(id: string, error: OpenPixelsErrorEnvelope, provider: string | null): Promise<boolean> {
    const failed = await this.#sql.begin((tx) => this.#finishRefunded(tx, id, 'failed', error, provider));
    if (failed) this.#finished(id);
    return failed;
  }

  async cancel(
    id: string,
    keyId: string,
    error: (job: JobRecord) => OpenPixelsErrorEnvelope,
  ): Promise<{ cancelled: boolean; job: JobRecord } | undefined> {
    const outcome = await this.#sql.begin(async (tx) => {
      // Locked, so a completion racing this cancel waits and then finds the job finished.
      const [row] = await tx<JobRow[]>`SELECT * FROM jobs WHERE id = ${id} FOR UPDATE`;
      if (!row || row.key_id !== keyId) return undefined;
      const job = toJob(row);
      if (isFinished(job.status)) return { cancelled: false, job };
      await this.#finishRefunded(tx, id, 'cancelled', error(job), job.provider);
      const [after] = await tx<JobRow[]>`SELECT * FROM jobs WHERE id = ${id}`;
      return { cancelled: true, job: toJob(after as JobRow) };
    });
    if (outcome?.cancelled) this.#finished(id);
    return outcome;
  }

  /** The one way a job ends unpaid: its final status and error, its price given back, and the announcement. */
  async #finishRefunded(
    tx: postgres.TransactionSql,
    id: string,
    status: 'failed' | 'cancelled',
    error: OpenPixelsErrorEnvelope,
    provider: string | null,
  ): Promise<boolean> {
    const now = Date.now();
    const [job] = await tx<{ key_id: string; price: number; watched: boolean }[]>`
      UPDATE jobs SET status = ${status}, error = ${json(tx, error)}, provider = ${provider}, updated_at = ${now},
             finished_at = ${now}, lease_until = NULL
       WHERE id = ${id} AND status IN ('queued', 'processing')
      RETURNING key_id, price, watched`;
    if (!job) return false;
    await Promise.all([
      job.price > 0 &&
        moveCredits(tx, { keyId: job.key_id, jobId: id, kind: 'refund', amount: job.price, note: null, now }),
      job.watched && tx`SELECT pg_notify(${JOB_FINISHED_CHANNEL}, ${`${this.#origin} ${id}`})`,
    ]);
    return true;
  }

  async listOverdue(time: number): Promise<JobRecord[]> {
    const rows = await this.#sql<JobRow[]>`
      SELECT * FROM jobs WHERE status IN ('queued', 'processing') AND deadline_at < ${time} ORDER BY deadline_at`;
    return rows.map(toJob);
  }

  async listUnfinished(keyId: string): Promise<JobRecord[]> {
    const rows = await this.#sql<JobRow[]>`
      SELECT * FROM jobs WHERE key_id = ${keyId} AND status IN ('queued', 'processing') ORDER BY created_at`;
    return rows.map(toJob);
  }

  async claimLapsed(lease: Lease, now: number, limit: number): Promise<ClaimedJob[]> {
    // SKIP LOCKED: two instances claiming at once take disjoint jobs instead of waiting on each
    // other. The locked subquery still sees the owner before the take-over.
    const rows = await this.#sql<Array<JobRow & { previous_owner: string | null }>>`
      UPDATE jobs SET status = 'processing', owner = ${lease.owner}, lease_until = ${lease.until}, updated_at = ${now}
        FROM (SELECT id, owner AS previous_owner FROM jobs
               WHERE status IN ('queued', 'processing') AND (lease_until IS NULL OR lease_until < ${now})
               ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) lapsed
       WHERE jobs.id = lapsed.id
      RETURNING jobs.*, lapsed.previous_owner`;
    return rows
      .map((row) => ({ ...toJob(row), previousOwner: row.previous_owner }))
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  async renewLeases(lease: Lease): Promise<string[]> {
    const rows = await this.#sql<{ id: string }[]>`
      UPDATE jobs SET lease_until = ${lease.until}
       WHERE owner = ${lease.owner} AND status IN ('queued', 'processing') RETURNING id`;
    return rows.map((row) => row.id);
  }

  async releaseLeases(owner: string): Promise<number> {
    const result = await this.#sql`
      UPDATE jobs SET lease_until = 0 WHERE owner = ${owner} AND status IN ('queued', 'processing')`;
    return result.count;
  }

  async deleteFinished(before: number, limit: number): Promise<number> {
    // One statement; the foreign key from idempotency_keys is checked at its end, after both deletes.
    const rows = await this.#sql`
      WITH doomed AS (
        SELECT id FROM jobs WHERE finished_at IS NOT NULL AND finished_at < ${before}
         ORDER BY finished_at LIMIT ${limit} FOR UPDATE SKIP LOCKED),
      keys AS (DELETE FROM idempotency_keys WHERE job_id IN (SELECT id FROM doomed))
      DELETE FROM jobs WHERE id IN (SELECT id FROM doomed) RETURNING id`;
    return rows.length;
  }

  async purgeIdempotencyKeys(before: number): Promise<number> {
    const result = await this.#sql`DELETE FROM idempotency_keys WHERE created_at < ${before}`;
    return result.count;
  }
}
