import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import { connectPostgres, socketDirectory } from './connect-postgres.ts';
import { openPostgresStore } from './open-postgres-store.ts';

describe('socketDirectory', () => {
  it('takes a libpq-style socket directory out of the URL, keeping the rest', () => {
    expect(socketDirectory('postgres://app:pw@localhost:6543/jobs?host=/var/run/postgresql&sslmode=disable')).toEqual({
      url: 'postgres://app:pw@localhost:6543/jobs?sslmode=disable',
      host: '/var/run/postgresql',
    });
  });

  it('leaves a TCP host, a host parameter that is not a path and an unparsable URL alone', () => {
    for (const url of [
      'postgres://app@db.internal:5432/jobs',
      'postgres://app@localhost/jobs?host=db.internal',
      'not a url',
    ]) {
      expect(socketDirectory(url)).toEqual({ url });
    }
  });
});

describe('connectPostgres through a Unix socket', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('a URL with ?host=<socket dir> connects through the socket, and the store starts on it', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const tcp = connectPostgres(database.url, { max: 1 });
    cleanups.push(() => tcp.end());
    const [setting] = await tcp<{ dirs: string }[]>`SELECT current_setting('unix_socket_directories') AS dirs`;
    const dir = (setting?.dirs ?? '').split(',')[0]?.trim() as string;
    expect(dir).toMatch(/^\//);
    const [overTcp] = await tcp<{ addr: string | null }[]>`SELECT inet_client_addr() AS addr`;
    expect(overTcp?.addr).toBe('127.0.0.1');

    const url = `${database.url}?host=${encodeURIComponent(dir)}`;
    const socket = connectPostgres(url, { max: 1 });
    cleanups.push(() => socket.end());
    // No client address: the connection came through the socket, not TCP.
    const [overSocket] = await socket<{ addr: string | null; db: string }[]>`
      SELECT inet_client_addr() AS addr, current_database() AS db`;
    expect(overSocket).toEqual({ addr: null, db: new URL(database.url).pathname.slice(1) });

    const store = await openPostgresStore(url);
    cleanups.push(() => store.close());
    expect(await store.keys.list()).toEqual([]);
  });
});
