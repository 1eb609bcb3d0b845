import { createError } from '@openpixels/errors';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { statusAnswerSchema } from '../http/api-schemas.ts';

/** `GET /status` (alive) and `GET /readyz` (accepting work): for load balancers and orchestrators. */
export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/status',
    {
      schema: {
        summary: 'Liveness',
        description: 'Answers `{ "status": "ok" }` while the process runs, draining or not.',
        tags: ['health'],
        response: { 200: statusAnswerSchema },
      },
      config: { duringShutdown: true, pastConnectionCap: true },
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        summary: 'Readiness',
        description: 'Answers 200 while new jobs are accepted, 503 SERVICE_UNAVAILABLE once shutdown has begun.',
        tags: ['health'],
        response: { 200: statusAnswerSchema },
      },
      config: { duringShutdown: true, pastConnectionCap: true, errorCodes: ['SERVICE_UNAVAILABLE'] },
    },
    async () => {
      if (deps.lifecycle.draining) throw createError('SERVICE_UNAVAILABLE', { retry_after_ms: 5000 });
      return { status: 'ready' };
    },
  );
}
