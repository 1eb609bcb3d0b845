import { createError } from '@openpixels/errors';
import { jobAnswerSchema } from '@openpixels/wire';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { jobIdParamsSchema, pollQuerySchema } from '../http/api-schemas.ts';
import { whileConnected } from '../http/while-connected.ts';
import { isFinished, type JobRecord } from '../jobs/job-record.ts';
import { jobView } from '../jobs/job-view.ts';

/** `GET /v2/poll/:id`: a long poll that answers as soon as the job finishes, or with its state after the wait. */
export function registerPollRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/v2/poll/:id',
    {
      schema: {
        summary: 'Wait for a job',
        description:
          'Holds the request open until the job finishes or the wait runs out, then answers with its state. Clients loop until `type` is `result`.',
        tags: ['jobs'],
        params: jobIdParamsSchema,
        querystring: pollQuerySchema,
        response: { 200: jobAnswerSchema },
      },
      config: {
        auth: true,
        // Jobs keep running while the server drains; their owners may still wait for them.
        duringShutdown: true,
        errorCodes: ['JOB_NOT_FOUND'],
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { wait_ms: askedWait } = request.query as { wait_ms?: number };
      const keyId = request.apiKey?.id;
      const find = async (): Promise<JobRecord> => {
        const job = await deps.jobs.get(id);
        // Another key's job is answered exactly like a missing one: ids reveal nothing.
        if (!job || job.keyId !== keyId) throw createError('JOB_NOT_FOUND', { id });
        return job;
      };
      reply.header('cache-control', 'no-store');
      const waitMs = Math.min(askedWait ?? deps.config.pollWaitMs, deps.config.pollWaitMs);
      return whileConnected(reply, async (gone) => {
        // Listening before the read: a job that finishes while it is read still wakes this poll.
        const woken = deps.events.wait(id, waitMs, gone);
        let job = await find();
        if (!isFinished(job.status)) {
          // This process finished it: the job as committed came with the wake-up, no second read.
          const finished = await woken;
          job = typeof finished === 'object' ? finished : await find();
        }
        return jobView(job, { docsBaseUrl: deps.config.docsUrl, requestId: request.id });
      });
    },
  );
}
