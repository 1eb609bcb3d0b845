import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { toOpenPixelsError } from '../http/error-response.ts';
import { isStorageUnavailable, storageProblemOf } from './storage-unavailable.ts';

const dir = mkdtempSync(join(tmpdir(), 'openpixels-storage-class-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error `fn` throws (real errors from node:sqlite and node:fs, not hand-made ones). */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('storageProblemOf', () => {
  const file = join(dir, 'db.sqlite');
  const writer = new DatabaseSync(file);
  writer.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER UNIQUE)');

  it('a write lock held by another connection is SQLITE_BUSY', () => {
    const other = new DatabaseSync(file);
    other.exec('PRAGMA busy_timeout = 0');
    writer.exec('BEGIN IMMEDIATE');
    try {
      expect(storageProblemOf(thrownBy(() => other.exec('BEGIN IMMEDIATE')))).toMatch(/SQLITE_BUSY/);
    } finally {
      writer.exec('COMMIT');
      other.close();
    }
  });

  it('a read-only connection, a file that cannot be opened, a file where a dir should be', () => {
    const reader = new DatabaseSync(file, { readOnly: true });
    expect(storageProblemOf(thrownBy(() => reader.exec('INSERT INTO t VALUES (1)')))).toMatch(/SQLITE_READONLY/);
    reader.close();
    expect(storageProblemOf(thrownBy(() => new DatabaseSync(join(dir, 'missing', 'x.sqlite'))))).toMatch(
      /SQLITE_CANTOPEN/,
    );
    writeFileSync(join(dir, 'a-file'), '');
    expect(storageProblemOf(thrownBy(() => mkdirSync(join(dir, 'a-file', 'sub'), { recursive: true })))).toMatch(
      /not a directory/,
    );
  });

  it('a PostgreSQL server that is down, shutting down or out of space', () => {
    expect(storageProblemOf(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toMatch(/unreachable/);
    for (const code of ['57P01', '53100', '08006']) {
      expect(storageProblemOf(Object.assign(new Error('pg'), { code }))).toMatch(/PostgreSQL/);
    }
    expect(storageProblemOf(Object.assign(new Error('pg'), { code: '23505' }))).toBeUndefined(); // unique violation
  });

  it('a bug is not a storage fault: constraint, syntax, anything else', () => {
    writer.exec('INSERT INTO t VALUES (1)');
    expect(isStorageUnavailable(thrownBy(() => writer.exec('INSERT INTO t VALUES (1)')))).toBe(false);
    expect(isStorageUnavailable(thrownBy(() => writer.exec('SELEC 1')))).toBe(false);
    expect(isStorageUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isStorageUnavailable(null)).toBe(false);
  });

  it('maps to SERVICE_UNAVAILABLE 503 with a retry hint and without the driver message', () => {
    const reader = new DatabaseSync(file, { readOnly: true });
    const fault = thrownBy(() => reader.exec('INSERT INTO t VALUES (2)'));
    reader.close();
    const error = toOpenPixelsError(
      fault,
      { method: 'POST', url: '/v2/submit', headers: {} },
      { bodyLimitBytes: 1024, allowedMethods: () => [] },
    );
    expect(error.status).toBe(503);
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.params).toEqual({ retry_after_ms: 2000 });
    expect(JSON.stringify(error.toJSON())).not.toMatch(/readonly|SQLITE/i);
  });
});
