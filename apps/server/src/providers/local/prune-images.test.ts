import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectErrorResponse } from '../../testing/expect-error-envelope.ts';
import { startTestServer } from '../../testing/start-test-server.ts';
import { pruneImages } from './prune-images.ts';

const HOUR = 3_600_000;
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function image(name: string, ageMs: number, now: number): string {
  const path = join(dir, name);
  writeFileSync(path, 'png');
  const time = new Date(now - ageMs);
  utimesSync(path, time, time);
  return path;
}

describe('pruneImages', () => {
  it('deletes only job images older than the retention, and leaves everything else alone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'openpixels-images-'));
    const now = Date.now();
    const old = image(`job_${'a'.repeat(32)}.png`, 49 * HOUR, now);
    const fresh = image(`job_${'b'.repeat(32)}.png`, 47 * HOUR, now);
    const foreign = image('notes.png', 100 * HOUR, now);
    mkdirSync(join(dir, `job_${'c'.repeat(32)}.png`));

    expect(await pruneImages(dir, 48 * HOUR, now)).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(foreign)).toBe(true);
    expect(existsSync(join(dir, `job_${'c'.repeat(32)}.png`))).toBe(true);
  });

  it('treats a missing folder as empty', async () => {
    dir = mkdtempSync(join(tmpdir(), 'openpixels-images-'));
    expect(await pruneImages(join(dir, 'never-created'), HOUR)).toBe(0);
  });
});

describe('the server', () => {
  it('deletes images past their retention when it starts, and the old URL answers JOB_NOT_FOUND', async () => {
    dir = mkdtempSync(join(tmpdir(), 'openpixels-data-'));
    mkdirSync(join(dir, 'images'));
    const now = Date.now();
    const name = `job_${'d'.repeat(32)}.png`;
    const path = join(dir, 'images', name);
    writeFileSync(path, 'png');
    utimesSync(path, new Date(now - 3 * HOUR), new Date(now - 3 * HOUR));

    const server = await startTestServer({ dataDir: dir, imageRetentionHours: 2 });
    try {
      await vi.waitFor(() => expect(existsSync(path)).toBe(false), { timeout: 5_000, interval: 20 });
      await expectErrorResponse(await server.call(`/v2/images/${name}`, { auth: false }), 'JOB_NOT_FOUND');
    } finally {
      await server.close();
    }
  });
});
