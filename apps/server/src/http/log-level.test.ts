import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { issueKeyInDataDir } from '../testing/issue-key-in-data-dir.ts';
import { keyHeaders } from '../testing/process-client.ts';
import { type ServerProcess, startServerProcess } from '../testing/start-server-process.ts';

// SQLite only: the log lines checked here come from the HTTP layer, the same whatever the store;
// the server runs as `node src/main.ts` on a data dir, so its real stdout is what is read.

// pino's numeric levels.
const INFO = 30;
const WARN = 40;

const dirs: string[] = [];
const servers: ServerProcess[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every JSON line the process wrote (the start banner and other plain lines are skipped). */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('refusals during a graceful shutdown, as the server logs them', () => {
  it('are info lines with their code, without a stack or a key; nothing above warn is logged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'openpixels-drain-log-'));
    dirs.push(dataDir);
    const { key } = await issueKeyInDataDir(dataDir, { credits: 100, name: 'drain-log' });
    const server = await startServerProcess(dataDir, {
      OPENPIXELS_LOG_LEVEL: 'info',
      // Long enough that the drain is still going when the late requests arrive.
      OPENPIXELS_LOCAL_DELAY_MS: '1500',
      OPENPIXELS_SUBMIT_WAIT_MS: '0',
      OPENPIXELS_SHUTDOWN_TIMEOUT_MS: '10000',
    });
    servers.push(server);
    const submit = (prompt: string) =>
      fetch(`${server.url}/v2/submit`, {
        method: 'POST',
        headers: keyHeaders(key),
        body: JSON.stringify({ model: 'flux-schnell', prompt, width: 256, height: 256 }),
      });
    const running = (await (await submit('a lighthouse')).json()) as { id: string };

    server.child.kill('SIGTERM');
    // Readiness turns 503 once the signal is handled: from then on the server is draining.
    for (let i = 0; i < 200; i++) {
      if ((await fetch(`${server.url}/readyz`)).status === 503) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const refusals = [
      await submit('too late'),
      await fetch(`${server.url}/v2/submit`, {
        method: 'POST',
        headers: keyHeaders(key),
        body: JSON.stringify({ model: 'flux-dev', prompt: 'also too late' }),
      }),
    ];
    for (const refused of refusals) await expectErrorResponse(refused, 'SERVICE_UNAVAILABLE', { secrets: [key] });
    // The job it was running still finishes; the process then exits 0.
    const result = (await (
      await fetch(`${server.url}/v2/poll/${running.id}?wait_ms=10000`, { headers: keyHeaders(key) })
    ).json()) as { status: string };
    expect(result.status).toBe('completed');
    expect(await server.exited).toBe(0);

    const output = server.output();
    const lines = logLines(output);
    const shutdownAt = lines.findIndex((line) => line.msg === 'shutdown requested');
    expect(shutdownAt, output).toBeGreaterThanOrEqual(0);
    const drainLines = lines.slice(shutdownAt);
    const refusedLines = drainLines.filter((line) => line.code === 'SERVICE_UNAVAILABLE');
    // One line per refused submit (the 503s of /readyz are not errors and are not logged as such).
    expect(refusedLines.length, output).toBeGreaterThanOrEqual(refusals.length);
    for (const line of refusedLines) {
      expect(line).toMatchObject({ level: INFO, msg: 'request rejected', status: 503 });
      expect(line.reqId).toEqual(expect.any(String));
      expect(line).not.toHaveProperty('err');
    }
    // Nothing of the drain is an error or carries a stack; the key appears nowhere in the output.
    expect(drainLines.filter((line) => (line.level as number) > WARN), output).toEqual([]);
    expect(output).not.toMatch(/"stack"|\n\s+at /);
    expect(output).not.toContain(key);
  });
});
