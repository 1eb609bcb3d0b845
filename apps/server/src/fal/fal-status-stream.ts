import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { isFinished, type JobRecord } from '../jobs/job-record.ts';
import { storageProblemOf } from '../store/storage-unavailable.ts';
import { type FalUrls, falStatusView } from './fal-views.ts';

/** The shortest quiet spell between two keep-alives, so `OPENPIXELS_POLL_WAIT_MS=0` (no long polls) cannot make the loop spin. */
const MIN_KEEP_ALIVE_MS = 1_000;

/**
 * fal's `GET {app}/requests/{id}/status/stream`, as the client's `streamStatus` and
 * `subscribe({ mode: 'streaming' })` read it: server-sent events, one `data:` line with the
 * status view each time it changes (with `logs`, only the lines new since the last event),
 * ending the stream once the request is COMPLETED. While
 * nothing changes a comment line goes out every `pollWaitMs` (at least 1 s), so proxies keep the connection
 * and a job finished by another process on the same data dir is still seen. A client that
 * goes away stops the loop at once: its wait and timer are cleared, nothing is left behind.
 */
export function streamFalStatus(
  deps: AppDeps,
  reply: FastifyReply,
  job: JobRecord,
  urls: FalUrls,
  logs: boolean,
): FastifyReply {
  const stream = new PassThrough();
  const gone = new AbortController();
  const stop = () => gone.abort();
  reply.raw.once('close', stop);
  const keepAliveMs = Math.max(deps.config.pollWaitMs, MIN_KEEP_ALIVE_MS);
  const run = async () => {
    let sent = '';
    let logsSent = 0;
    for (;;) {
      // Waiting starts before the read, so a change that lands while reading is not missed.
      const changed = deps.events.wait(job.id, keepAliveMs, gone.signal);
      const current = (await deps.jobs.get(job.id)) ?? job;
      const view = falStatusView(current, urls, logs);
      const state = JSON.stringify(view);
      if (state !== sent) {
        sent = state;
        if (Array.isArray(view.logs)) {
          // Each event carries the lines since the last one: fal's client adds them up itself.
          const all = view.logs;
          view.logs = all.slice(logsSent);
          logsSent = all.length;
        }
        stream.write(`data: ${JSON.stringify(view)}\n\n`);
      }
      if (isFinished(current.status)) return;
      const woken = await changed;
      // Shutdown wakes every waiter once its jobs have drained; the stream ends with what it has.
      if (gone.signal.aborted || deps.lifecycle.draining) return;
      if (!woken) stream.write(': waiting\n\n');
    }
  };
  run()
    .catch((error: unknown) => {
      // The client sees the stream end before COMPLETED and asks for the status again.
      const storage = storageProblemOf(error);
      if (storage) reply.log.error({ storage }, `storage unavailable: the database is ${storage}`);
      else reply.log.error({ err: error }, 'status stream stopped');
    })
    .finally(() => {
      reply.raw.off('close', stop);
      gone.abort();
      stream.end();
    });
  return reply
    .code(200)
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-accel-buffering', 'no')
    .send(stream);
}
