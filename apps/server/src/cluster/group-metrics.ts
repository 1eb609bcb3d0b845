import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type PrometheusContentType, type Registry } from 'prom-client';
import { isClusterMessage } from './cluster-messages.ts';

/** How long a worker waits for the primary's answer: past prom-client's own 5 s wait for the workers. */
const ANSWER_WAIT_MS = 7_000;

/**
 * In a cluster worker: offers `registry` to the primary's aggregation (prom-client's
 * AggregatorRegistry answers its requests), and answers the function that asks the primary
 * for the whole group's metrics text (null when it could not gather them). Outside a cluster
 * worker, undefined: the process's own registry is the whole story.
 */
export function groupMetrics(registry: Registry): { gather(): Promise<string | null>; stop(): void } | undefined {
  const send = cluster.isWorker ? process.send?.bind(process) : undefined;
  if (!send) return undefined;
  // Constructing one installs the worker's answer to the primary's requests; it answers from these.
  new AggregatorRegistry<PrometheusContentType>();
  AggregatorRegistry.setRegistries([registry]);
  let next = 0;
  const waiting = new Map<number, (body: string | null) => void>();
  const receive = (message: unknown) => {
    if (isClusterMessage(message) && message.openpixels === 'metrics') waiting.get(message.id)?.(message.body);
  };
  process.on('message', receive);
  return {
    gather() {
      const id = next++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => settle(null), ANSWER_WAIT_MS);
        const settle = (body: string | null) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(body);
        };
        waiting.set(id, settle);
        if (!process.connected) return settle(null);
        send({ openpixels: 'metrics-request', id }, undefined, {}, (error: Error | null) => error && settle(null));
      });
    },
    stop() {
      process.off('message', receive);
      for (const settle of waiting.values()) settle(null);
    },
  };
}

/**
 * In the primary: answers a worker's request for the group's metrics, gathered from every
 * connected worker and aggregated per metric (counters and histograms summed, circuit states
 * by their `aggregator`, see metrics/gateway-metrics.ts); `body: null` when a worker did not
 * answer in time.
 */
export function answerGroupMetrics(aggregator: AggregatorRegistry<PrometheusContentType>, worker: Worker, id: number): void {
  aggregator.clusterMetrics().then(
    (body: string) => reply(body),
    () => reply(null),
  );
  function reply(body: string | null) {
    if (worker.isConnected()) worker.send({ openpixels: 'metrics', id, body });
  }
}
