import { aliasesOf } from '@openpixels/wire';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { balanceAnswerSchema, modelsAnswerSchema, providersAnswerSchema } from '../http/api-schemas.ts';
import { modelCatalog, modelIds } from '../models/model-catalog.ts';

/** `GET /v2/models`, `GET /v2/providers` and `GET /v2/balance`: what is served, how healthy it is, and what a key has left. */
export function registerCatalogRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/v2/models',
    {
      schema: {
        summary: 'List models',
        description: 'The models served here, their price in credits and the providers that serve them.',
        tags: ['catalog'],
        response: { 200: modelsAnswerSchema },
      },
    },
    async () => ({
      models: modelIds.map((id) => ({
        id,
        aliases: aliasesOf(id),
        price: modelCatalog[id].price,
        description: modelCatalog[id].description,
        providers: deps.providers.filter((p) => p.models.includes(id)).map((p) => p.id),
      })),
    }),
  );

  app.get(
    '/v2/providers',
    {
      schema: {
        summary: 'List providers and their health',
        description:
          "Each provider's circuit breaker (closed, open or half_open) and what was measured per model since the server started. Routing reads the same numbers.",
        tags: ['catalog'],
        response: { 200: providersAnswerSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return {
        providers: deps.providers.map((provider) => {
          const { circuit, models } = deps.health.snapshot(provider.id);
          const stats = Object.fromEntries(
            Object.entries(models).map(([model, s]) => [
              model,
              {
                attempts: s.attempts,
                successes: s.successes,
                failures: s.failures,
                success_rate:
                  s.successes + s.failures === 0 ? null : Number((s.successes / (s.successes + s.failures)).toFixed(4)),
                latency_ms: s.latencyMs === null ? null : Math.round(s.latencyMs),
              },
            ]),
          );
          return {
            id: provider.id,
            models: [...provider.models],
            circuit,
            stats,
          };
        }),
      };
    },
  );

  app.get(
    '/v2/balance',
    {
      schema: {
        summary: "Show the key's credits",
        tags: ['account'],
        response: { 200: balanceAnswerSchema },
      },
      config: { auth: true },
    },
    async (request, reply) => {
      const key = request.apiKey as NonNullable<typeof request.apiKey>;
      reply.header('cache-control', 'no-store');
      // Read again: the key was loaded before any job of this request could have moved credits.
      const record = (await deps.keys.get(key.id)) ?? key;
      return { key_id: record.id, name: record.name, balance: record.balance };
    },
  );
}
