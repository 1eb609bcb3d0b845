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
  fireAndForget,
  imageUrlOf,
  malformedAnswer,
  providerDetail,
  requestProviderJson,
  sameOriginUrl,
  withDetail,
} from './provider-http.ts';

/** Replicate's official model for each model we serve. */
export const replicateModels: Record<ModelId, string> = {
  'flux-schnell': 'black-forest-labs/flux-schnell',
  'flux-dev': 'black-forest-labs/flux-dev',
  'flux-pro-1.1': 'black-forest-labs/flux-1.1-pro',
};

export interface ReplicateProviderOptions extends AdapterIdentity {
  /** The API's base, `https://api.replicate.com` in production. */
  url: string;
  key: string;
  pollIntervalMs: number;
  /** Seconds to let Replicate hold the create call open (`Prefer: wait=N`, 1–60). */
  syncWaitSeconds: number;
}

type Prediction = {
  id?: unknown;
  status?: unknown;
  output?: unknown;
  error?: unknown;
  urls?: { get?: unknown; cancel?: unknown };
};

const ASPECT_RATIOS = ['1:1', '16:9', '21:9', '3:2', '2:3', '4:5', '5:4', '3:4', '4:3', '9:16', '9:21'];

/** The input each model takes: schnell and dev take an aspect ratio; 1.1 pro takes a size in steps of 32. */
export function replicateInput(request: GenerateRequest): Record<string, unknown> {
  const base = { prompt: request.prompt, output_format: 'png' };
  if (request.model === 'flux-pro-1.1') {
    const step = (n: number) => Math.min(1440, Math.max(256, Math.round(n / 32) * 32));
    return {
      ...base,
      aspect_ratio: 'custom',
      width: step(request.width),
      height: step(request.height),
    };
  }
  return {
    ...base,
    aspect_ratio: nearestAspectRatio(request.width, request.height),
    num_outputs: 1,
  };
}

function nearestAspectRatio(width: number, height: number): string {
  const target = Math.log(width / height);
  let best = '1:1';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const ratio of ASPECT_RATIOS) {
    const [w, h] = ratio.split(':').map(Number) as [number, number];
    const distance = Math.abs(Math.log(w / h) - target);
    if (distance < bestDistance) [best, bestDistance] = [ratio, distance];
  }
  return best;
}

/**
 * Replicate's predictions API: `POST /v1/models/{owner}/{name}/predictions` with
 * `Prefer: wait`, then `GET /v1/predictions/{id}` until succeeded, failed or canceled.
 * `output` is one URL or a list of them.
 */
export function createReplicateProvider(options: ReplicateProviderOptions): ProviderAdapter {
  const providerId = options.id;
  // The platform's token, or the API key's own (bring your own key) for one request; the
  // secret in the context is what error messages are scrubbed of.
  const authWith = (key: string) => ({
    context: { provider: providerId, secret: key, maxResponseBytes: options.maxResponseBytes },
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'application/json' },
  });
  const platform = authWith(options.key);

  return {
    ...adapterIdentity(options, Object.keys(replicateModels) as ModelId[]),
    kind: 'replicate',
    async generate(request: GenerateRequest, signal: AbortSignal): Promise<GenerateResult> {
      const { context, headers } = request.credential === undefined ? platform : authWith(request.credential);
      // A prediction Replicate accepted before a restart is polled again, never created twice.
      const resume = request.resume;
      let prediction = resume
        ? ((await requestProviderJson(
            context,
            sameOriginUrl(resume.urls?.get, options.url) ?? `${options.url}/v1/predictions/${resume.id}`,
            {
              headers,
              signal,
            },
          )) as Prediction | null)
        : ((await requestProviderJson(
            context,
            `${options.url}/v1/models/${replicateModels[request.model]}/predictions`,
            {
              method: 'POST',
              headers: { ...headers, prefer: `wait=${options.syncWaitSeconds}` },
              body: JSON.stringify({ input: replicateInput(request) }),
              signal,
            },
          )) as Prediction | null);
      const id = prediction?.id;
      if (typeof id !== 'string' || id === '') throw malformedAnswer(providerId);
      const getUrl = sameOriginUrl(prediction?.urls?.get, options.url) ?? `${options.url}/v1/predictions/${id}`;
      const cancelUrl = sameOriginUrl(prediction?.urls?.cancel, options.url) ?? `${getUrl}/cancel`;
      if (!resume) request.onAccepted?.({ provider: providerId, id, urls: { get: getUrl, cancel: cancelUrl } });

      try {
        for (;;) {
          switch (prediction?.status) {
            case 'succeeded': {
              const output = prediction.output;
              const url = imageUrlOf(Array.isArray(output) ? output[0] : output);
              if (!url) throw malformedAnswer(providerId);
              return { url, providerJobId: id };
            }
            case 'failed':
            case 'canceled':
              throw createError(
                'PROVIDER_JOB_ERROR',
                { provider: providerId, provider_job_id: id },
                {
                  message: withDetail(
                    `Provider ${providerId} ${prediction.status === 'canceled' ? 'canceled' : 'could not complete'} the job`,
                    providerDetail(context, prediction.error ?? ''),
                  ),
                },
              );
            case 'starting':
            case 'processing':
              await sleep(options.pollIntervalMs, undefined, { signal });
              prediction = (await requestProviderJson(context, getUrl, {
                headers,
                signal,
              })) as Prediction | null;
              break;
            default:
              throw malformedAnswer(providerId);
          }
        }
      } catch (error) {
        // Stopped for a shutdown, the prediction stays alive: the next start resumes it.
        if (signal.aborted && signal.reason !== KEEP_UPSTREAM) fireAndForget(cancelUrl, { method: 'POST', headers });
        throw error;
      }
    },
  };
}
