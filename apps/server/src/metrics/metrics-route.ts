import type { FastifyInstance } from 'fastify';
import { checkOperatorToken } from '../http/check-operator-token.ts';
import { routeNotFound } from '../http/route-not-found.ts';
import type { GatewayMetrics } from './gateway-metrics.ts';

/** How `GET /metrics` is served on one Fastify instance. */
export interface MetricsRouteOptions {
  metrics: GatewayMetrics;
  /** False: the route answers ROUTE_NOT_FOUND, as if it did not exist (metrics off, or on their own port). */
  enabled: boolean;
  /** The bearer token a scrape must send; null asks for none (only on a metrics port of its own). */
  token: string | null;
}

/**
 * `GET /metrics`: the Prometheus text format. Always registered, so the OpenAPI document is
 * the same however the server is configured; while off it is answered exactly like a path
 * that has no route, so a scan learns nothing from it.
 */
export function registerMetricsRoute(app: FastifyInstance, options: MetricsRouteOptions): void {
  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics',
        description:
          'Errors by catalog type and code (every code from the start, at 0), jobs by model, provider and outcome, attempt latency per provider and model, reroutes, circuit state per provider, credits reserved and refunded, and HTTP requests by route and status. Needs `Authorization: Bearer <OPENPIXELS_METRICS_TOKEN>`; off (404 `ROUTE_NOT_FOUND`) when no token is set, or when `OPENPIXELS_METRICS_PORT` serves them on a port of their own.',
        tags: ['ops'],
        response: {
          200: {
            description: 'The Prometheus text exposition format (version 0.0.4).',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
      },
      config: {
        duringShutdown: true,
        errorCodes: ['ROUTE_NOT_FOUND', 'MISSING_API_KEY', 'INVALID_API_KEY', 'SERVICE_UNAVAILABLE'],
      },
    },
    async (request, reply) => {
      if (!options.enabled) throw routeNotFound(request);
      if (options.token !== null) checkOperatorToken(request.headers.authorization, options.token);
      const { contentType, body } = await options.metrics.render();
      return reply
        .header('cache-control', 'no-store')
        .type(contentType)
        .serializer((text: string) => text)
        .send(body);
    },
  );
}
