/** One step of the schema: version N is the Nth entry, and its SQL runs once. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The SQLite schema, step by step; `PRAGMA user_version` records the last version applied.
 * Append new entries, never edit old ones: a data dir created by an older server must
 * upgrade (open-database.test.ts opens one made by version 1 and checks its data survives).
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'keys, ledger, jobs, idempotency keys',
    sql: `
  CREATE TABLE api_keys (
    id          TEXT PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,       -- sha256 of the key; the key itself is never stored
    prefix      TEXT NOT NULL,              -- first characters, to recognise a key in lists
    name        TEXT NOT NULL,
    balance     INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
  );

  -- Every change to a balance, so a balance can always be explained (and re-derived).
  CREATE TABLE ledger (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    key_id        TEXT NOT NULL REFERENCES api_keys(id),
    job_id        TEXT,
    kind          TEXT NOT NULL CHECK (kind IN ('grant', 'reserve', 'refund')),
    amount        INTEGER NOT NULL,         -- signed: grants and refunds add, reserves subtract
    balance_after INTEGER NOT NULL,
    note          TEXT,
    created_at    INTEGER NOT NULL
  );
  -- A job is charged once and refunded at most once, whatever code path runs twice.
  CREATE UNIQUE INDEX ledger_one_reserve_per_job ON ledger(job_id) WHERE kind = 'reserve';
  CREATE UNIQUE INDEX ledger_one_refund_per_job ON ledger(job_id) WHERE kind = 'refund';
  CREATE INDEX ledger_by_key ON ledger(key_id, id);

  CREATE TABLE jobs (
    id           TEXT PRIMARY KEY,
    key_id       TEXT NOT NULL REFERENCES api_keys(id),
    model        TEXT NOT NULL,
    prompt       TEXT NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    routing      TEXT NOT NULL,             -- JSON: { whitelist?, ordering?, strategy }
    price        INTEGER NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('queued', 'processing', 'completed', 'failed')),
    provider     TEXT,
    result_url   TEXT,
    error        TEXT,                      -- JSON error envelope when failed
    attempts     TEXT NOT NULL DEFAULT '[]',-- JSON: [{ provider, code, message, duration_ms }]
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    deadline_at  INTEGER NOT NULL,
    finished_at  INTEGER
  );
  CREATE INDEX jobs_active ON jobs(deadline_at) WHERE status IN ('queued', 'processing');
  CREATE INDEX jobs_active_by_key ON jobs(key_id) WHERE status IN ('queued', 'processing');

  CREATE TABLE idempotency_keys (
    key_id       TEXT NOT NULL REFERENCES api_keys(id),
    idem_key     TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    job_id       TEXT NOT NULL REFERENCES jobs(id),
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (key_id, idem_key)
  );
  CREATE INDEX idempotency_by_age ON idempotency_keys(created_at);
  `,
  },
  {
    version: 2,
    name: 'the upstream job a provider accepted, to resume it instead of submitting again',
    sql: `
  -- JSON: { provider, id, urls? } of the attempt the provider accepted last; a restarted server
  -- polls that job instead of paying for a second one.
  ALTER TABLE jobs ADD COLUMN upstream TEXT;
  `,
  },
  {
    // SQLite cannot change a CHECK in place, so the table is rebuilt (SQLite's documented way:
    // foreign keys off meanwhile, checked before COMMIT; see migrate()).
    version: 3,
    name: 'jobs may end cancelled',
    sql: `
  CREATE TABLE jobs_v2 (
    id           TEXT PRIMARY KEY,
    key_id       TEXT NOT NULL REFERENCES api_keys(id),
    model        TEXT NOT NULL,
    prompt       TEXT NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    routing      TEXT NOT NULL,
    price        INTEGER NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('queued', 'processing', 'completed', 'failed', 'cancelled')),
    provider     TEXT,
    result_url   TEXT,
    error        TEXT,
    attempts     TEXT NOT NULL DEFAULT '[]',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    deadline_at  INTEGER NOT NULL,
    finished_at  INTEGER,
    upstream     TEXT
  );
  INSERT INTO jobs_v2 SELECT * FROM jobs;
  DROP TABLE jobs;
  ALTER TABLE jobs_v2 RENAME TO jobs;
  CREATE INDEX jobs_active ON jobs(deadline_at) WHERE status IN ('queued', 'processing');
  CREATE INDEX jobs_active_by_key ON jobs(key_id) WHERE status IN ('queued', 'processing');
  `,
  },
  {
    version: 4,
    name: 'leases: the instance running a job, and until when it is theirs',
    sql: `
  -- owner: the instance (host:pid:random) running the job; lease_until: epoch ms the lease
  -- ends unless its heartbeat renews it. A job nobody holds (NULL, or a lapsed lease) is
  -- taken over by any live instance; a live instance's jobs never are.
  ALTER TABLE jobs ADD COLUMN owner TEXT;
  ALTER TABLE jobs ADD COLUMN lease_until INTEGER;
  CREATE INDEX jobs_active_by_lease ON jobs(lease_until) WHERE status IN ('queued', 'processing');
  CREATE INDEX jobs_finished_by_age ON jobs(finished_at) WHERE finished_at IS NOT NULL;
  CREATE INDEX idempotency_by_job ON idempotency_keys(job_id);
  `,
  },
  {
    version: 5,
    name: 'rate limits: per-key overrides and the fixed-window counters every instance shares',
    sql: `
  -- Per minute; NULL follows the server's default (OPENPIXELS_RATE_LIMIT_*), 0 is no limit.
  ALTER TABLE api_keys ADD COLUMN requests_per_minute INTEGER CHECK (requests_per_minute >= 0);
  ALTER TABLE api_keys ADD COLUMN images_per_minute INTEGER CHECK (images_per_minute >= 0);
  CREATE TABLE rate_windows (
    key_id       TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('requests', 'images')),
    window_start INTEGER NOT NULL,
    count        INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (key_id, kind, window_start)
  ) WITHOUT ROWID;
  CREATE INDEX rate_windows_by_age ON rate_windows(window_start);
  `,
  },
  {
    version: 6,
    name: 'bring your own provider key',
    sql: `
  -- Bring your own provider key: the key's fal/Replicate credentials, sealed (AES-256-GCM under
  -- OPENPIXELS_SECRET_KEY, never stored in clear), and whether its jobs may fall back to ours.
  ALTER TABLE api_keys ADD COLUMN provider_credentials TEXT;
  ALTER TABLE api_keys ADD COLUMN byo_reroute INTEGER NOT NULL DEFAULT 0 CHECK (byo_reroute IN (0, 1));
  `,
  },
];
