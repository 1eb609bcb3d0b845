import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { ownProviderKeysAnswerSchema, ownProviderKeysBodySchema } from '../http/api-schemas.ts';
import type { OwnProviderKeysChange } from '../keys/own-provider-keys.ts';
import type { ApiKeyRecord } from '../store/store.ts';

/** `GET` and `PUT /v2/provider-keys`: the calling key's own fal and Replicate credentials (bring your own key). */
export function registerProviderKeysRoute(app: FastifyInstance, deps: Pick<AppDeps, 'ownProviderKeys'>): void {
  const description =
    "Bring your own provider key: with a fal or Replicate credential here, this key's jobs on that provider run on your account and cost no credits (the ledger says so). `reroute: true` lets a job move to the platform's providers (charged) when your credential fails; otherwise it fails with that provider's error. Credentials are stored encrypted and never shown again, only whether each is set. Off (INVALID_ARGUMENTS saying so) when the gateway has no `OPENPIXELS_SECRET_KEY`.";
  const key = (request: { apiKey: ApiKeyRecord | null }) => request.apiKey as ApiKeyRecord;
  app.get(
    '/v2/provider-keys',
    {
      schema: {
        summary: 'Read your own provider keys',
        description,
        tags: ['account'],
        response: { 200: ownProviderKeysAnswerSchema },
      },
      config: { auth: true },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return deps.ownProviderKeys.view(key(request));
    },
  );
  app.put(
    '/v2/provider-keys',
    {
      schema: {
        summary: 'Set your own provider keys',
        description,
        tags: ['account'],
        body: ownProviderKeysBodySchema,
        response: { 200: ownProviderKeysAnswerSchema },
      },
      config: { auth: true },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return deps.ownProviderKeys.set(key(request), request.body as OwnProviderKeysChange);
    },
  );
}
