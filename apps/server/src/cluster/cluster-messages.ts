/**
 * What the primary and its workers tell each other over the cluster's IPC channel. Every
 * message carries `openpixels` so anything else on the channel (node:cluster's own) is ignored.
 */
export type ClusterMessage =
  /** Worker → primary, once it listens: its URL and its name in job leases. */
  | { openpixels: 'listening'; url: string; instance: string }
  /** Worker → primary → every other worker: jobs that finished, so their long polls wake. */
  | { openpixels: 'jobs-finished'; ids: string[] }
  /** Primary → worker: shut down gracefully (as SIGTERM would). */
  | { openpixels: 'shutdown' }
  /** Worker → primary, for a scrape of GET /metrics: gather the whole group's metrics. */
  | { openpixels: 'metrics-request'; id: number }
  /** Primary → that worker: the group's metrics text, or null when a worker did not answer in time. */
  | { openpixels: 'metrics'; id: number; body: string | null };

/** True for a message of ours (not node:cluster's internal ones). */
export function isClusterMessage(message: unknown): message is ClusterMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { openpixels?: unknown }).openpixels === 'string'
  );
}
