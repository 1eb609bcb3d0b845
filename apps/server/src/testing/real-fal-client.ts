import { ApiError, createFalClient, type RequestMiddleware } from '@fal-ai/client';
import { expect } from 'vitest';
import type { TestServer } from './start-test-server.ts';

// Not exported from the testing index: @fal-ai/client is a devDependency of this app only.

/** fal's documented way to send its calls elsewhere: a request middleware rewriting fal's hosts to our prefix. */
export const toPathPrefix =
  (base: string): RequestMiddleware =>
  async (request) => ({
    ...request,
    url: request.url
      .replace('https://queue.fal.run/', `${base}/fal/queue/`)
      .replace('https://fal.run/', `${base}/fal/run/`),
  });

/** How a test points the real fal client at a server: its key (or none), by path prefix or as fal's proxy, extra headers. */
export interface RealFalClientOptions {
  key?: string | undefined;
  via?: 'prefix' | 'proxy';
  headers?: Record<string, string>;
}

/** The unmodified `@fal-ai/client`, configured the way fal's docs tell users to point it elsewhere. */
export function realFalClient(server: TestServer, options: RealFalClientOptions = {}) {
  const { via = 'prefix', headers } = options;
  const key = 'key' in options ? options.key : server.key;
  const extra: RequestMiddleware = async (request) => ({ ...request, headers: { ...request.headers, ...headers } });
  const prefix = toPathPrefix(server.url);
  return createFalClient({
    ...(key === undefined ? {} : { credentials: key }),
    ...(via === 'proxy'
      ? { proxyUrl: { url: `${server.url}/fal/proxy`, when: 'always' }, requestMiddleware: extra }
      : { requestMiddleware: async (request) => prefix(await extra(request)) }),
    // Retries would only slow a failing test down; what is retried is asserted where it matters.
    retry: { maxRetries: 0 },
  });
}

/** What the fal client threw, as the ApiError it must be. */
export async function thrownByFal(promise: Promise<unknown>): Promise<ApiError<Record<string, unknown>>> {
  const error = await promise.then(
    () => {
      throw new Error('expected the fal client to throw');
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError<Record<string, unknown>>;
}
