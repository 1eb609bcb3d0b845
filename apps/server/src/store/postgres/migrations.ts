/** One step of the PostgreSQL schema: version N is the Nth entry, and its SQL runs once. */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The PostgreSQL schema, step by step; `schema_migrations` records each version applied (see
 * migrate-postgres.ts). Append new entries, never edit old ones. Version 1 is the SQLite
 * schema as it stands at its version 4 (no PostgreSQL database predates it), with the same
 * meaning: a balance never below 0, one reserve and at most one refund per job, five job
 * states, leases. JSON columns are jsonb; times are epoch ms (bigint), as in SQLite.
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'keys, ledger, jobs with their upstream job and lease, idempotency keys',
    sql: `
  CREATE TABLE api_keys (
    id          text PRIMARY KEY,
    hash        text NOT NULL UNIQUE,       -- sha256 of the key; the key itself is never stored
    prefix      text NOT NULL,
    name        text NOT NULL,
    balance     bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),
    created_at  bigint NOT NULL,
    revoked_at  bigint
  );

  -- Every change to a balance, so a balance can always be explained (and re-derived). It
  -- outlives the jobs it names (retention deletes jobs, never ledger lines): no foreign key.
  CREATE TABLE ledger (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_id        text NOT NULL REFERENCES api_keys(id),
    job_id        text,
    kind          text NOT NULL CHECK (kind IN ('grant', 'reserve', 'refund')),
    amount        bigint NOT NULL,
    balance_after bigint NOT NULL,
    note          text,
    created_at    bigint NOT NULL
  );
  CREATE UNIQUE INDEX ledger_one_reserve_per_job ON ledger(job_id) WHERE kind = 'reserve';
  CREATE UNIQUE INDEX ledger_one_refund_per_job ON ledger(job_id) WHERE kind = 'refund';
  CREATE INDEX ledger_by_key ON ledger(key_id, id);

  CREATE TABLE jobs (
    id           text PRIMARY KEY,
    key_id       text NOT NULL REFERENCES api_keys(id),
    model        text NOT NULL,
    prompt       text NOT NULL,
    width        integer NOT NULL,
    height       integer NOT NULL,
    routing      jsonb NOT NULL,
    price        integer NOT NULL,
    status       text NOT NULL CHECK (status IN ('queued', 'processing', 'completed', 'failed', 'cancelled')),
    provider     text,
    result_url   text,
    error        jsonb,
    attempts     jsonb NOT NULL DEFAULT '[]',
    upstream     jsonb,                     -- { provider, id, urls? }: the provider job to resume
    owner        text,                      -- the instance running it (host:pid:random)
    lease_until  bigint,                    -- until when it is theirs without a heartbeat
    created_at   bigint NOT NULL,
    updated_at   bigint NOT NULL,
    deadline_at  bigint NOT NULL,
    finished_at  bigint
  );
  CREATE INDEX jobs_active ON jobs(deadline_at) WHERE status IN ('queued', 'processing');
  CREATE INDEX jobs_active_by_key ON jobs(key_id) WHERE status IN ('queued', 'processing');
  CREATE INDEX jobs_active_by_lease ON jobs(lease_until) WHERE status IN ('queued', 'processing');
  CREATE INDEX jobs_finished_by_age ON jobs(finished_at) WHERE finished_at IS NOT NULL;

  CREATE TABLE idempotency_keys (
    key_id       text NOT NULL REFERENCES api_keys(id),
    idem_key     text NOT NULL,
    request_hash text NOT NULL,
    job_id       text NOT NULL REFERENCES jobs(id),
    created_at   bigint NOT NULL,
    PRIMARY KEY (key_id, idem_key)
  );
  CREATE INDEX idempotency_by_age ON idempotency_keys(created_at);
  CREATE INDEX idempotency_by_job ON idempotency_keys(job_id);
  `,
  },
  {
    version: 2,
    name: 'rate limits: per-key overrides and the fixed-window counters every instance shares',
    sql: `
  -- Per minute; NULL follows the server's default (OPENPIXELS_RATE_LIMIT_*), 0 is no limit.
  ALTER TABLE api_keys ADD COLUMN requests_per_minute integer CHECK (requests_per_minute >= 0);
  ALTER TABLE api_keys ADD COLUMN images_per_minute integer CHECK (images_per_minute >= 0);
  CREATE TABLE rate_windows (
    key_id       text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('requests', 'images')),
    window_start bigint NOT NULL,
    count        integer NOT NULL CHECK (count >= 0),
    PRIMARY KEY (key_id, kind, window_start)
  );
  CREATE INDEX rate_windows_by_age ON rate_windows(window_start);
  `,
  },
  {
    version: 3,
    name: 'bring your own provider key',
    sql: `
  -- Bring your own provider key: the key's fal/Replicate credentials, sealed (AES-256-GCM under
  -- OPENPIXELS_SECRET_KEY, never stored in clear), and whether its jobs may fall back to ours.
  ALTER TABLE api_keys ADD COLUMN provider_credentials text;
  ALTER TABLE api_keys ADD COLUMN byo_reroute boolean NOT NULL DEFAULT false;
  `,
  },
  {
    version: 4,
    name: 'finishes are announced only for jobs some instance waits for',
    sql: `
  -- Set by an instance whose long poll waits for a job it does not run; a finish NOTIFYs only
  -- such jobs (NOTIFY takes a global lock at commit, and most jobs are polled where they run).
  ALTER TABLE jobs ADD COLUMN watched boolean NOT NULL DEFAULT false;
  `,
  },
];
