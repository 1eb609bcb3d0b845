import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_ROOT } from '../src/site-paths.ts';

// The quickstart's first step, as a reader does it: start the server's entry point from the
// environment alone (on an ephemeral port and a temp data dir), read the demo key it prints,
// then run the quickstart sample with that key.
const serverRoot = dirname(createRequire(import.meta.url).resolve('@openpixels/server/package.json'));

describe('the quickstart, with the server started as `pnpm start` starts it', () => {
  let dataDir: string;
  let server: ChildProcess;
  let url: string;
  let demoKey: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'openpixels-docs-quickstart-'));
    server = spawn(process.execPath, [join(serverRoot, 'src', 'main.ts')], {
      env: { ...process.env, OPENPIXELS_PORT: '0', OPENPIXELS_DATA_DIR: dataDir, OPENPIXELS_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`The server exited with ${code}: ${output}`)));
      server.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const listening = /listening on (http:\/\/\S+)/.exec(output)?.[1];
        const key = /(sk-op-[\w-]+)/.exec(output)?.[1];
        if (listening && key) {
          url = listening;
          demoKey = key;
          resolve();
        }
      });
    });
  });

  afterAll(async () => {
    if (server?.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('prints a demo key that the quickstart sample can use at once', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await runQuickstart(demoKey)).toMatch(new RegExp(`^Image ready: ${url}/\\S+$`, 'm'));
  });

  it('makes a working key with the `keys create --credits 100` command', async () => {
    // What `pnpm --filter @openpixels/server keys create --credits 100` runs, on the same data dir.
    const cli = [join(serverRoot, 'src', 'cli.ts'), 'create', '--credits', '100'];
    const printed = await runNode(cli, { ...process.env, OPENPIXELS_DATA_DIR: dataDir });
    const key = /^(sk-op-[\w-]+)$/m.exec(printed)?.[1] ?? '';
    expect(key).not.toBe(demoKey);
    expect(await runQuickstart(key)).toMatch(new RegExp(`^Image ready: ${url}/\\S+$`, 'm'));
  });

  function runQuickstart(apiKey: string): Promise<string> {
    const env = { ...process.env, OPENPIXELS_API_KEY: apiKey, OPENPIXELS_BASE_URL: url };
    return runNode([join(DOCS_ROOT, 'samples', 'quickstart.ts')], env);
  }
});

// Runs a Node script and resolves with its standard output.
function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env, timeout: 60_000 }, (error, out) => (error ? reject(error) : resolve(out)));
  });
}
