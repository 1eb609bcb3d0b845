import type { Sql } from './connect-postgres.ts';
import { type PostgresMigration, postgresMigrations } from './migrations.ts';

/**
 * The advisory lock every instance takes to migrate: any fixed 64-bit number, the same in
 * every version of the server ("openpixels" in ASCII, truncated).
 */
const MIGRATION_LOCK = 0x6f70656e70697865n;

/**
 * Brings the database's schema up to date, in one transaction (PostgreSQL's DDL is
 * transactional: all or none) under a transaction-scoped advisory lock, so N instances
 * starting at once migrate once: the first applies, the others wait and find nothing to do.
 * Refuses, untouched, a database a newer server migrated. Answers the versions it applied.
 */
export async function migratePostgres(
  sql: Sql,
  migrations: readonly PostgresMigration[] = postgresMigrations,
): Promise<number[]> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK.toString()}::bigint)`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`;
    const [row] = await tx<
      { applied: number }[]
    >`SELECT coalesce(max(version), 0)::int AS applied FROM schema_migrations`;
    const applied = row?.applied ?? 0;
    if (applied > migrations.length) {
      throw new Error(
        `The database was migrated by a newer server (schema ${applied}, this one knows ${migrations.length}).`,
      );
    }
    const done: number[] = [];
    for (const migration of migrations.slice(applied)) {
      await tx.unsafe(migration.sql);
      await tx`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`;
      done.push(migration.version);
    }
    return done;
  });
}
