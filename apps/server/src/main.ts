// The server's process entry, for `pnpm start` and for supervisors (`node apps/server/src/main.ts`):
// reads the configuration from the environment, starts the server, prints the data dir's demo
// key on a local-only server, and shuts down gracefully on SIGTERM or Ctrl-C.
import { ConfigError, loadConfig } from './config.ts';
import { type DemoKey, keepDemoKey } from './keep-demo-key.ts';
import { startServer } from './server.ts';
import { startFailureLine } from './start-failure-line.ts';

/**
 * A second signal this soon after the first is the same request: Ctrl-C reaches both pnpm and
 * this process, and pnpm forwards its copy. Only a later one means "stop now, do not wait".
 */
const SAME_REQUEST_MS = 1_000;

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`openpixels: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

let server: Awaited<ReturnType<typeof startServer>> | undefined;
let demoKey: DemoKey | undefined;
try {
  server = await startServer(config);
  if (config.demoKey.enabled) demoKey = await keepDemoKey(server.keys, config.dataDir, config.demoKey.credits);
} catch (error) {
  const line = startFailureLine(error, config);
  if (line === undefined) throw error;
  // One line an operator can act on, naming the setting; no stack (nothing here is a bug).
  console.error(`openpixels: cannot start: ${line}`);
  process.exit(2);
}
// Before the line that says it listens: a supervisor may signal as soon as it reads it.
let stopRequestedAt: number | undefined;
const stop = (signal: string) => {
  if (stopRequestedAt !== undefined) {
    if (performance.now() - stopRequestedAt < SAME_REQUEST_MS) return;
    console.error(`openpixels: ${signal} again, exiting without waiting`);
    process.exit(1);
  }
  stopRequestedAt = performance.now();
  server.app.log.info({ signal }, 'shutdown requested');
  // Past the drain budget plus a margin, something is stuck: leave rather than hang forever.
  setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 15_000).unref();
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      server.app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

const lines = [`OpenPixels listening on ${server.url} (providers: ${config.providers.map((p) => p.id).join(', ')})`];
if (demoKey !== undefined) {
  const { key, balance, created } = demoKey;
  lines.push(
    `Demo API key (${balance} credits; ${created ? 'new, kept for the next starts of this data dir' : 'the same as on the last start'}): ${key}`,
    'Try it:',
    `  curl -s ${server.url}/v2/submit -H 'Authorization: Key ${key}' -H 'Content-Type: application/json' \\`,
    `    -d '{"model":"flux-schnell","prompt":"a lighthouse at dusk","width":512,"height":512}'`,
    `  curl -s ${server.url}/v2/poll/<id> -H 'Authorization: Key ${key}'`,
  );
}
console.log(lines.join('\n'));
