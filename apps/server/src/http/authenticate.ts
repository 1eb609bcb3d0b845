import { createError } from '@openpixels/errors';
import type { FastifyRequest } from 'fastify';
import { authenticateApiKey } from '../keys/find-api-key.ts';
import { authorizationToken } from './authorization-token.ts';
import type { ApiKeyRecord, KeyStore } from '../store/store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The key that authenticated this request; set by `authenticate` on routes that need one. */
    apiKey: ApiKeyRecord | null;
  }
}

/**
 * For an onRequest hook: reads `Authorization: Key <key>` (the published clients' scheme;
 * `Bearer` and a bare key are accepted too) and rejects the request with MISSING_API_KEY or
 * INVALID_API_KEY before its body is even read. A revoked key stops working at once.
 */
export function authenticateWith(keys: KeyStore) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const token = authorizationToken(request.headers.authorization);
    if (token === '') throw createError('MISSING_API_KEY');
    const record = await authenticateApiKey(keys, token);
    if (!record) throw createError('INVALID_API_KEY');
    request.apiKey = record;
  };
}
