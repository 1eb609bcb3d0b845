// The server's process entry, for `pnpm start` and for supervisors (`node apps/server/src/main.ts`):
// reads the configuration from the environment, starts the server (or, with OPENPIXELS_WORKERS
// above 1, a primary and its workers), prints the data dir's demo key on a local-only server,
// and shuts down gracefully on SIGTERM or Ctrl-C.
import cluster from 'node:cluster';
import { setFlagsFromString } from 'node:v8';
import { chooseAllocator } from './allocator.ts';
import { type ClusterMessage, isClusterMessage } from './cluster/cluster-messages.ts';
import { runPrimary } from './cluster/run-primary.ts';
import { ConfigError, loadConfig } from './config.ts';
import { execAgain } from './exec-again.ts';
import { type DemoKey, keepDemoKey } from './keys/keep-demo-key.ts';
import { reclaimAfterGrowth } from './reclaim-after-growth.ts';
import { startServer } from './server.ts';
import { lockWait } from './store/retry-storage-write.ts';
import { startBanner } from './start-banner.ts';
import { startFailureLine } from './start-failure-line.ts';
import { youngGenerationFlags } from './young-generation.ts';

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

// First, before anything is allocated worth keeping: an allocator that gives memory back.
const allocator = chooseAllocator(config.allocator, process.env);
if (allocator.action === 'missing') {
  console.error(
    `openpixels: cannot start: OPENPIXELS_ALLOCATOR=mimalloc, but ${allocator.why}; set OPENPIXELS_ALLOCATOR=auto or system`,
  );
  process.exit(2);
}
// And a young generation that stays small, unless the operator chose V8's own sizing.
const nodeFlags = config.memorySaver === 'auto' ? youngGenerationFlags(process.execArgv, process.env.NODE_OPTIONS) : [];
// A preload is chosen only where process.execve is there (Node >= 22.15; engines: >= 24); without
// it the flags are left out.
const preload = allocator.action === 'preload' ? allocator.preload : undefined;
if (preload !== undefined || (nodeFlags.length > 0 && typeof process.execve === 'function'))
  execAgain({ preload, nodeFlags });

// V8 otherwise keeps the heap a burst grew to (a 200-job burst left it 2 to 6 times its size
// for good; see the README's memory section) and collects by allocation, not by time. `auto`
// watches once the server is up (runInstance), so that loading the code is not counted as growth.
if (config.memorySaver === 'on') setFlagsFromString('--memory-saver-mode');

if (config.workers > 1 && cluster.isPrimary) {
  await runPrimary(config).catch(cannotStart);
} else {
  await runInstance();
}

/** Stops a start that cannot succeed (store, port, host) with one line naming the setting; anything else is a bug and throws. */
function cannotStart(error: unknown): never {
  const line = startFailureLine(error, config);
  if (line === undefined) throw error;
  // No stack: nothing here is a bug.
  console.error(`openpixels: cannot start: ${line}`);
  process.exit(2);
}

/** The server in this process: alone, or as one worker of a cluster (which then announces itself to the primary). */
async function runInstance(): Promise<void> {
  let server: Awaited<ReturnType<typeof startServer>>;
  let demoKey: DemoKey | undefined;
  try {
    server = await startServer(config);
    // Its writes meet other processes' locks like any other (the server's busy timeout is 1 ms).
    const { keys } = server;
    if (config.demoKey.enabled) {
      demoKey = await lockWait(config.lockWaitMs)(() => keepDemoKey(keys, config.dataDir, config.demoKey.credits));
    }
  } catch (error) {
    cannotStart(error);
  }
  if (config.memorySaver === 'auto') {
    // Read 4 times a second: a burst's buffers are freed within a second of its end. Usual over
    // 120 readings (30 s): slower than any burst, faster than a day's load changes. 1.3x and
    // 32 MiB: past the heap's own swings under light traffic with the young generation capped;
    // 10 s of the mode: the traffic after a burst of 200 jobs settles within it; 3 s between
    // collections: a collection of a working heap pauses for 10-16 ms, so steady traffic whose
    // heap swings more (PostgreSQL at 64 clients) pays at most that every 3 s; 0.9: never in the
    // middle of a burst, when the pause would queue requests.
    reclaimAfterGrowth({
      everyMs: 250,
      busyAbove: 0.9,
      usualOver: 120,
      grownAbove: 1.3,
      grownByBytes: 32 * 2 ** 20,
      saverMs: 10_000,
      cooldownMs: 3_000,
    });
  }
  // Before the line that says it listens: a supervisor may signal as soon as it reads it.
  let stopping = false;
  let stopRequestedAt = 0;
  const stop = (signal: string) => {
    if (stopping) {
      // A worker hears Ctrl-C from the terminal and the primary's shutdown both, and pnpm
      // forwards its copy of a Ctrl-C within milliseconds: each is the same request.
      if (signal === 'shutdown' || performance.now() - stopRequestedAt < SAME_REQUEST_MS) return;
      console.error(`openpixels: ${signal} again, exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
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
  process.on('SIGINT', () => stop(cluster.isWorker ? 'shutdown' : 'SIGINT'));
  process.on('message', (message: unknown) => {
    if (isClusterMessage(message) && message.openpixels === 'shutdown') stop('shutdown');
  });
  if (cluster.isWorker) {
    const listening: ClusterMessage = { openpixels: 'listening', url: server.url, instance: server.instance };
    process.send?.(listening);
  } else {
    console.log(startBanner(server.url, config, demoKey));
  }
}
