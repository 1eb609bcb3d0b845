import cluster from 'node:cluster';
import { isClusterMessage } from './cluster-messages.ts';

/**
 * In a cluster worker, shares job finishes with the other workers (through the primary): a
 * long poll may be held by another worker than the one running its job. Answers the function
 * to call for each job this worker finished; `emit` is called for every job another worker
 * finished. The ids of one event-loop turn travel in one message. Outside a cluster worker
 * nothing is sent (a test runner's forked process has an IPC channel too, and it is not ours).
 */
export function relayJobFinishes(emit: (id: string) => void): { finished(id: string): void; stop(): void } {
  const send = cluster.isWorker ? process.send?.bind(process) : undefined;
  if (!send) return { finished() {}, stop() {} };
  let pending: string[] = [];
  const flush = () => {
    const ids = pending;
    pending = [];
    // The channel may be closing (shutdown): a lost wake-up costs that poll its wait, never a result.
    if (process.connected) send({ openpixels: 'jobs-finished', ids }, undefined, {}, () => {});
  };
  const receive = (message: unknown) => {
    if (isClusterMessage(message) && message.openpixels === 'jobs-finished') for (const id of message.ids) emit(id);
  };
  process.on('message', receive);
  return {
    finished(id) {
      pending.push(id);
      if (pending.length === 1) setImmediate(flush);
    },
    stop() {
      process.off('message', receive);
    },
  };
}
