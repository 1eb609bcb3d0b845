import { OpenPixels } from 'openpixels';

/** A client for a self-hosted gateway and long batch jobs. */
export function createBatchClient(apiKey: string): OpenPixels {
  return new OpenPixels({
    apiKey,
    baseUrl: 'http://127.0.0.1:1729',
    // A whole run(), retries and polls included.
    timeout: 15 * 60_000,
    // One HTTP request; a long poll past it is simply sent again.
    requestTimeout: 90_000,
    maxRetries: 5,
    retryDelay: 1_000,
    maxRetryDelay: 30_000,
    onRetry: ({ request, attempt, delayMs }) =>
      console.warn(`retry ${attempt} of ${request} in ${delayMs} ms`),
  });
}
