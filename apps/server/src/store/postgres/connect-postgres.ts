import postgres from 'postgres';

/** A pool of connections to the store's PostgreSQL database (postgres.js). */
export type Sql = postgres.Sql;

/** What runs a query: the pool itself, or one transaction's connection (a money move takes either). */
export type Queryable = postgres.ISql;

/** Connections one instance keeps: enough for a burst of submits and completions, few enough that many instances fit in max_connections. */
export const DEFAULT_POOL_SIZE = 10;

/**
 * A connection pool for `url`. int8 columns (epoch ms, balances) come back as numbers: each
 * is far below 2^53, and every caller works in numbers. Connections are opened lazily;
 * `connect_timeout` bounds how long a down or unreachable database holds a caller.
 */
export function connectPostgres(url: string, options: { max?: number; applicationName?: string } = {}): Sql {
  const target = socketDirectory(url);
  return postgres(target.url, {
    ...(target.host ? { host: target.host } : {}),
    max: options.max ?? DEFAULT_POOL_SIZE,
    connect_timeout: 5,
    idle_timeout: 60,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? 'openpixels' },
    types: {
      // Serialized whole: a time computed from fractional hours (a retention cutoff) is still an
      // epoch-ms bigint; money amounts are whole numbers checked before any store sees them.
      int8AsNumber: {
        to: 20,
        from: [20],
        serialize: (value: number) => String(Math.floor(value)),
        parse: (raw: string) => Number(raw),
      },
    },
  }) as unknown as Sql;
}

/**
 * A libpq-style socket directory in the URL's `host` parameter
 * (`postgres://user@localhost/db?host=/var/run/postgresql`) taken out as postgres.js's `host`
 * option, which it reads as a socket directory; left in the URL, postgres.js would send it to
 * the server as a setting and the server would refuse the connection.
 */
export function socketDirectory(url: string): { url: string; host?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url };
  }
  const dir = parsed.searchParams.get('host');
  if (!dir?.startsWith('/')) return { url };
  parsed.searchParams.delete('host');
  return { url: parsed.toString(), host: dir };
}
