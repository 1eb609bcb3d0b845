import { OpenPixels } from 'openpixels';

/** A client for a self-hosted gateway, tuned for a batch job that may wait a long time. */
export function createBatchClient(apiKey: string): OpenPixels {
  return new OpenPixels({
    apiKey,
    baseUrl: 'http://127.0.0.1:1729',
    timeout: 15 * 60_000, // a whole run(), retries and polls included
    requestTimeout: 90_000, // one HTTP request; a long poll is simply sent again after it
    maxRetries: 5,
    retryDelay: 1_000,
    maxRetryDelay: 30_000,
    onRetry: (event) => console.warn(`retrying ${event.request} (attempt ${event.attempt}) in ${event.delayMs} ms`),
  });
}
