import { jobAnswerSchema } from '@openpixels/wire';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { jobIdParamsSchema } from '../http/api-schemas.ts';
import { cancelJob } from '../jobs/cancel-job.ts';
import { jobView } from '../jobs/job-view.ts';

/** `POST /v2/cancel/:id`: stops an unfinished job of the caller's key and refunds it. */
export function registerCancelRoute(app: FastifyInstance, deps: AppDeps): void {
  app.post(
    '/v2/cancel/:id',
    {
      schema: {
        summary: 'Cancel a job',
        description:
          "Stops a job that has not finished: it ends with status `cancelled` and the error `JOB_CANCELLED`, its credits are refunded, and the provider is asked to cancel its own job (best effort). The answer is the job's result. A job that had already finished is left as it was and answered with `JOB_ALREADY_FINISHED` (409): a completed job stays charged, even when the cancel and the image crossed on the wire. Only the key that submitted a job can cancel it.",
        tags: ['jobs'],
        params: jobIdParamsSchema,
        response: { 200: jobAnswerSchema },
      },
      config: {
        auth: true,
        // Jobs keep running while the server drains; their owners may still stop them.
        duringShutdown: true,
        errorCodes: ['JOB_NOT_FOUND', 'JOB_ALREADY_FINISHED'],
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const keyId = request.apiKey?.id as string;
      const job = await cancelJob(deps.runner, id, keyId);
      reply.header('cache-control', 'no-store');
      return jobView(job, { docsBaseUrl: deps.config.docsUrl, requestId: request.id });
    },
  );
}
