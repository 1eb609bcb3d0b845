import { jobAnswerSchema, type SubmitBody, submitBodySchema } from '@openpixels/wire';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { submitHeadersSchema, submitQuerySchema } from '../http/api-schemas.ts';
import { whileConnected } from '../http/while-connected.ts';
import { admitJob } from '../jobs/admission.ts';
import { finishedWithin } from '../jobs/finished-within.ts';
import { jobView } from '../jobs/job-view.ts';

/** `POST /v2/submit`: checks, prices and reserves, stores the job and starts it. */
export function registerSubmitRoute(app: FastifyInstance, deps: AppDeps): void {
  app.post(
    '/v2/submit',
    {
      schema: {
        summary: 'Submit an image job',
        description:
          "Validates the payload, reserves the model's price from the key's credits and starts the job. Answers with the job's result when it finishes within the hold: a few milliseconds (`OPENPIXELS_SUBMIT_WAIT_MS`), longer (up to `OPENPIXELS_SUBMIT_HOLD_MAX_MS`) while 9 in 10 of the model's latest jobs finished within it, or `wait_ms` when asked; otherwise with its state: then poll `/v2/poll/{id}` until `type` is `result`. A failed job is refunded.",
        tags: ['jobs'],
        body: submitBodySchema,
        headers: submitHeadersSchema,
        querystring: submitQuerySchema,
        response: { 200: jobAnswerSchema },
      },
      config: {
        auth: true,
        errorCodes: [
          'NO_CREDITS',
          'UNKNOWN_MODEL',
          'PROVIDER_NOT_FOUND',
          'NO_PROVIDERS_WORKING',
          'PROVIDER_ERROR',
          'MODEL_UNAVAILABLE',
          'RATE_LIMITED',
          'SERVICE_UNAVAILABLE',
        ],
      },
    },
    async (request, reply) => {
      const body = request.body as SubmitBody;
      const idempotencyKey = request.headers['idempotency-key'];
      const { wait_ms: askedWait } = request.query as { wait_ms?: number };
      const { job, replayed } = await admitJob(deps, request.apiKey as NonNullable<typeof request.apiKey>, {
        model: body.model,
        prompt: body.prompt,
        width: body.width,
        height: body.height,
        ...(body.config?.routing ? { routing: body.config.routing } : {}),
        ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
      });
      if (replayed) reply.header('idempotent-replayed', 'true');
      reply.header('cache-control', 'no-store');
      // The brief default needs no watch on the connection; a longer hold, learned or asked for, ends if the client leaves.
      const holdMs = askedWait === undefined ? deps.submitHold.ms(job.model) : Math.min(askedWait, deps.config.pollWaitMs);
      const answered =
        holdMs <= deps.config.submitWaitMs
          ? await finishedWithin(deps, job, holdMs)
          : await whileConnected(reply, (gone) => finishedWithin(deps, job, holdMs, gone));
      return jobView(answered, { docsBaseUrl: deps.config.docsUrl, requestId: request.id });
    },
  );
}
