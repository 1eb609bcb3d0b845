// `pnpm start`: reads the configuration from the environment, starts the server (or, with
// OPENPIXELS_WORKERS above 1, a primary and its workers), prints a demo key on a local-only
// server, and shuts down gracefully on SIGTERM or Ctrl-C.
import cluster from 'node:cluster';
import { type ClusterMessage, isClusterMessage } from './cluster/cluster-messages.ts';
import { runPrimary } from './cluster/run-primary.ts';
import { ConfigError, loadConfig } from './config.ts';
import { issueDemoKey } from './keys/issue-demo-key.ts';
import { startBanner } from './start-banner.ts';
import { DatabaseUnusableError } from './store/postgres/database-unusable-error.ts';
import { DataDirUnusableError } from './store/sqlite/data-dir-unusable-error.ts';
import { startServer } from './server.ts';

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

if (config.workers > 1 && cluster.isPrimary) {
  await runPrimary(config).catch(cannotStart);
} else {
  await runInstance();
}

/** Stops a start that cannot use its store with one line an operator can act on; anything else is a bug and throws. */
function cannotStart(error: unknown): never {
  // The PostgreSQL store throws it already shaped (a data dir fault stays the data dir's below).
  if (error instanceof DatabaseUnusableError) {
    console.error(
      `openpixels: cannot start: ${error.message}. Check OPENPIXELS_DATABASE_URL and that the database is up.`,
    );
    process.exit(2);
  }
  const unusable = DataDirUnusableError.from(error, config.dataDir);
  if (!unusable) throw error;
  // One line naming the setting; no stack (nothing here is a bug).
  console.error(
    `openpixels: cannot start: ${unusable.message}. Set OPENPIXELS_DATA_DIR to a writable directory with free space, or fix this one.`,
  );
  process.exit(2);
}

/** The server in this process: alone, or as one worker of a cluster (which then announces itself to the primary). */
async function runInstance(): Promise<void> {
  let server: Awaited<ReturnType<typeof startServer>>;
  let demoKey: string | undefined;
  try {
    server = await startServer(config);
    if (config.demoKey.enabled) demoKey = await issueDemoKey(server.keys, config.demoKey.credits);
  } catch (error) {
    cannotStart(error);
  }
  if (cluster.isWorker) {
    const listening: ClusterMessage = { openpixels: 'listening', url: server.url, instance: server.instance };
    process.send?.(listening);
  } else {
    console.log(startBanner(server.url, config, demoKey));
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A worker hears Ctrl-C from the terminal and the primary's shutdown both: that is one request.
      if (signal === 'shutdown') return;
      console.error(`openpixels: ${signal} again, exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
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
  process.on('SIGINT', () => stop(cluster.isWorker ? 'shutdown' : 'SIGINT'));
  process.on('message', (message: unknown) => {
    if (isClusterMessage(message) && message.openpixels === 'shutdown') stop('shutdown');
  });
}
