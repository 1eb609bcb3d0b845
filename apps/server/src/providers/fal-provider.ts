import { setTimeout as sleep } from 'node:timers/promises';
import { createError } from '@openpixels/errors';
import type { ModelId } from '../models/model-catalog.ts';
import {
  type AdapterIdentity,
  adapterIdentity,
  type GenerateRequest,
  type GenerateResult,
  KEEP_UPSTREAM,
  type ProviderAdapter,
} from './provider-adapter.ts';
import {
  callProvider,
  fireAndForget,
  httpError,
  imageUrlOf,
  malformedAnswer,
  providerDetail,
  requestProviderJson,
  sameOriginUrl,
  withDetail,
} from './provider-http.ts';

/** fal's endpoint id for each model we serve. */
export const falModelPaths: Record<ModelId, string> = {
  'flux-schnell': 'fal-ai/flux/schnell',
  'flux-dev': 'fal-ai/flux/dev',
  'flux-pro-1.1': 'fal-ai/flux-pro/v1.1',
};

export interface FalProviderOptions extends AdapterIdentity {
  /** The queue API's base, `https://queue.fal.run` in production. */
  url: string;
  key: string;
  pollIntervalMs: number;
}

type FalJob = {
  request_id?: unknown;
  status_url?: unknown;
  response_url?: unknown;
  cancel_url?: unknown;
};
type FalStatus = { status?: unknown; error?: unknown };

/** Statuses of a result fetch that say the job itself failed, not fal or our request. */
function isJobFailureStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 408 && status !== 429;
}

/**
 * fal's queue API: submit to `POST {url}/{endpoint}`, poll the status URL until COMPLETED,
 * then fetch the result from the response URL and take `images[0].url`.
 */
export function createFalProvider(options: FalProviderOptions): ProviderAdapter {
  const id = options.id;
  // The platform's key, or the API key's own (bring your own key) for one request; the secret
  // in the context is what error messages are scrubbed of.
  const authWith = (key: string) => ({
    context: { provider: id, secret: key, maxResponseBytes: options.maxResponseBytes },
    headers: { authorization: `Key ${key}`, 'content-type': 'application/json', accept: 'application/json' },
  });
  const platform = authWith(options.key);

  return {
    ...adapterIdentity(options, Object.keys(falModelPaths) as ModelId[]),
    kind: 'fal',
    async generate(request: GenerateRequest, signal: AbortSignal): Promise<GenerateResult> {
      const { context, headers } = request.credential === undefined ? platform : authWith(request.credential);
      const endpoint = falModelPaths[request.model];
      // A job fal accepted before a restart is polled again, never submitted twice.
      const submitted: FalJob | null = request.resume
        ? { request_id: request.resume.id, ...request.resume.urls }
        : ((await requestProviderJson(context, `${options.url}/${endpoint}`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              prompt: request.prompt,
              image_size: { width: request.width, height: request.height },
              num_images: 1,
            }),
            signal,
          })) as FalJob | null);
      const requestId = submitted?.request_id;
      if (typeof requestId !== 'string' || requestId === '') throw malformedAnswer(id);

      // Status and result live under the app id, without the endpoint's sub-path
      // (`fal-ai/flux`, not `fal-ai/flux/dev`). fal sends the URLs; we only follow them
      // while they stay on the configured origin, because our key goes with every call.
      const appBase = `${options.url}/${endpoint.split('/').slice(0, 2).join('/')}/requests/${requestId}`;
      const statusUrl = sameOriginUrl(submitted?.status_url, options.url) ?? `${appBase}/status`;
      const responseUrl = sameOriginUrl(submitted?.response_url, options.url) ?? appBase;
      const cancelUrl = sameOriginUrl(submitted?.cancel_url, options.url) ?? `${appBase}/cancel`;
      if (!request.resume) {
        request.onAccepted?.({
          provider: id,
          id: requestId,
          urls: { status_url: statusUrl, response_url: responseUrl, cancel_url: cancelUrl },
        });
      }
      const jobError = (detail: string) =>
        createError(
          'PROVIDER_JOB_ERROR',
          { provider: id, provider_job_id: requestId },
          {
            message: withDetail(`Provider ${id} could not complete the job`, detail),
          },
        );

      try {
        for (;;) {
          const status = (await requestProviderJson(context, statusUrl, {
            headers,
            signal,
          })) as FalStatus | null;
          if (status?.status === 'COMPLETED') {
            if (status.error !== undefined && status.error !== null) {
              throw jobError(providerDetail(context, status.error));
            }
            break;
          }
          if (status?.status !== 'IN_QUEUE' && status?.status !== 'IN_PROGRESS') {
            // FAILED and CANCELED are not in fal's documented set, but a newer fal may send them.
            if (typeof status?.status === 'string')
              throw jobError(providerDetail(context, status.error ?? status.status));
            throw malformedAnswer(id);
          }
          await sleep(options.pollIntervalMs, undefined, { signal });
        }

        const result = await callProvider(context, responseUrl, {
          headers,
          signal,
        });
        if (!result.ok) {
          // After COMPLETED, a 4xx result is the job's own failure (e.g. 422 for an input the
          // model rejected). A 5xx, a redirect (not followed: our key would go along), or a 4xx
          // about us (auth, rate, timeout) is fal being unwell and stays an HTTP error, retried.
          throw isJobFailureStatus(result.status) ? jobError(result.detail) : httpError(id, result);
        }
        const images = (result.body as { images?: Array<{ url?: unknown }> } | null)?.images;
        const url = imageUrlOf(Array.isArray(images) ? images[0]?.url : undefined);
        if (!url) throw malformedAnswer(id);
        return { url, providerJobId: requestId };
      } catch (error) {
        // Stopped for a shutdown, the job stays alive at fal: the next start resumes it.
        if (signal.aborted && signal.reason !== KEEP_UPSTREAM) fireAndForget(cancelUrl, { method: 'PUT', headers });
        throw error;
      }
    },
  };
}
