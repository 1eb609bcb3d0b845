import cluster, { type Worker } from 'node:cluster';
import type { ServerConfig } from '../config.ts';
import { type DemoKey, keepDemoKey } from '../keys/keep-demo-key.ts';
import { startBanner } from '../start-banner.ts';
import { openStore } from '../store/open-store.ts';
import { AggregatorRegistry, type PrometheusContentType } from 'prom-client';
import { isClusterMessage } from './cluster-messages.ts';
import { answerGroupMetrics } from './group-metrics.ts';

/** A worker that dies this soon after its start is failing to start, not crashing: restarting it would loop. */
const STARTING = Symbol('starting');

/**
 * OPENPIXELS_WORKERS=N: this process forks N workers that each run the server on the same
 * port (node:cluster hands them the connections in turn) over the same store, relays job
 * finishes between them (so a long poll on one wakes when another finishes the job), and
 * replaces a worker that dies, ending its leases first so its jobs are resumed at once, and
 * gathers every worker's metrics for a scrape that landed on one of them.
 * SIGTERM or Ctrl-C shuts every worker down gracefully; the primary exits when they have.
 */
export async function runPrimary(config: ServerConfig): Promise<void> {
  // The demo key is made once, here, rather than by each worker (each would revoke the other's).
  let demoKey: DemoKey | undefined;
  if (config.demoKey.enabled) {
    const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    try {
      demoKey = await keepDemoKey(store.keys, config.dataDir, config.demoKey.credits);
    } finally {
      await store.close();
    }
  }

  const instances = new Map<Worker, string | typeof STARTING>();
  // Gathers the workers' metrics for a scrape, whichever worker it landed on.
  const aggregator = new AggregatorRegistry<PrometheusContentType>();
  let stopping = false;
  let exitCode = 0;
  let announced = false;
  const fork = () => {
    const worker = cluster.fork({ OPENPIXELS_DEMO_KEY: 'off' });
    instances.set(worker, STARTING);
    worker.on('message', (message: unknown) => {
      if (!isClusterMessage(message)) return;
      if (message.openpixels === 'listening') {
        instances.set(worker, message.instance);
        if (!announced && [...instances.values()].every((i) => i !== STARTING)) {
          announced = true;
          console.log(startBanner(message.url, config, demoKey));
        }
      } else if (message.openpixels === 'jobs-finished') {
        for (const other of instances.keys()) if (other !== worker && other.isConnected()) other.send(message);
      } else if (message.openpixels === 'metrics-request') {
        answerGroupMetrics(aggregator, worker, message.id);
      }
    });
    worker.on('exit', (code, signal) => void onExit(worker, code, signal));
  };

  const onExit = async (worker: Worker, code: number | null, signal: string | null) => {
    const instance = instances.get(worker);
    instances.delete(worker);
    if (stopping) {
      if (code !== 0) exitCode = 1;
      if (instances.size === 0) process.exit(exitCode);
      return;
    }
    if (instance === STARTING || instance === undefined) {
      // It never listened (a data dir it cannot use, a port taken): its own message said why.
      console.error(`openpixels: a worker could not start (exit ${code ?? signal}); stopping`);
      stopAll(code === 0 || code === null ? 1 : code);
      return;
    }
    console.error(`openpixels: worker ${worker.process.pid} died (${signal ?? `exit ${code}`}); starting another`);
    // The process is gone, so its leases can end now: its jobs are taken over by the next claim, not after a lease.
    try {
      const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
      try {
        await store.jobs.releaseLeases(instance);
      } finally {
        await store.close();
      }
    } catch (error) {
      console.error(
        `openpixels: could not end the dead worker's leases (${(error as Error).message}); its jobs wait for them to lapse`,
      );
    }
    if (!stopping) fork();
  };

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (instances.size === 0) process.exit(exitCode);
    for (const worker of instances.keys()) {
      if (worker.isConnected()) worker.send({ openpixels: 'shutdown' });
      else worker.process.kill('SIGTERM');
    }
    // A worker stuck past its own drain budget is killed rather than waited for forever.
    setTimeout(() => {
      for (const worker of instances.keys()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, config.shutdownTimeoutMs + 15_000).unref();
  };
  process.on('SIGTERM', () => stopAll(0));
  process.on('SIGINT', () => stopAll(0));
  for (let i = 0; i < config.workers; i++) fork();
}
