import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** Prepares each SQL text once per connection: on the hot path, parsing SQL costs more than running it. */
export function statementCache(db: DatabaseSync): (sql: string) => StatementSync {
  const cache = new Map<string, StatementSync>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
