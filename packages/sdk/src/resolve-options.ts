import { createError, type DecodedErrorEnvelope } from '@openpixels/errors';
import { readEnv } from './read-env.ts';

/** The fetch the client calls; the global `fetch` fits, and so does any function of this shape. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** Told before each retry or reconnection, e.g. for logs. */
export interface RetryEvent {
  /** Which request is sent again. */
  request: 'submit' | 'poll';
  /** 1 for the first retry. */
  attempt: number;
  /** How long the client waits before sending it. */
  delayMs: number;
  /** The server's error, when it answered with a retryable one. */
  error?: DecodedErrorEnvelope;
  /** What the fetch threw, when the request never got an answer. */
  cause?: unknown;
}

/** Everything `new OpenPixels({...})` accepts. */
export interface OpenPixelsOptions {
  /** Your key (`sk-op-…`); defaults to the `OPENPIXELS_API_KEY` environment variable. */
  apiKey?: string;
  /** The gateway; defaults to `OPENPIXELS_BASE_URL`, then `https://worker.openpixels.ai`. */
  baseUrl?: string;
  /** Milliseconds a whole call (`run`, `submit`, `poll`) may take, retries included. Default 600000; `Infinity` waits forever. */
  timeout?: number;
  /** Milliseconds one HTTP request may take before it is dropped and sent again. Default 90000. */
  requestTimeout?: number;
  /** How often a failed request is sent again (submit retries, poll reconnections in a row). Default 3. */
  maxRetries?: number;
  /** The first retry's delay in milliseconds, doubled each time, with jitter. Default 500. */
  retryDelay?: number;
  /** The longest backoff delay in milliseconds (a server's `Retry-After` may ask for more). Default 8000. */
  maxRetryDelay?: number;
  /** The fetch to use; defaults to the global one, looked up at each call. */
  fetch?: FetchFunction;
  /** Called before each retry or reconnection. */
  onRetry?: (event: RetryEvent) => void;
}

/** The options with every default filled in. */
export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  timeout: number;
  requestTimeout: number;
  maxRetries: number;
  retryDelay: number;
  maxRetryDelay: number;
  fetch: FetchFunction;
  onRetry: ((event: RetryEvent) => void) | undefined;
}

const DEFAULT_BASE_URL = 'https://worker.openpixels.ai';

/** Fills in defaults (from the environment where there is one) and rejects what cannot work. */
export function resolveOptions(input: string | OpenPixelsOptions = {}): ResolvedOptions {
  const options = typeof input === 'string' ? { apiKey: input } : input;
  const apiKey = options.apiKey ?? readEnv('OPENPIXELS_API_KEY');
  if (!apiKey) {
    throw createError('MISSING_API_KEY', {}, {
      message: 'No API key: pass one as new OpenPixels("sk-op-…") or { apiKey }, or set OPENPIXELS_API_KEY.',
    });
  }
  const baseUrl = (options.baseUrl ?? readEnv('OPENPIXELS_BASE_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const issues: { path: string; message: string }[] = [];
  if (!/^https?:\/\/[^/]/.test(baseUrl)) issues.push({ path: 'baseUrl', message: 'must be an http(s) URL' });
  const numbers = {
    timeout: options.timeout ?? 600_000,
    requestTimeout: options.requestTimeout ?? 90_000,
    maxRetries: options.maxRetries ?? 3,
    retryDelay: options.retryDelay ?? 500,
    maxRetryDelay: options.maxRetryDelay ?? 8_000,
  };
  for (const [path, value] of Object.entries(numbers)) {
    // A zero time limit would end every call, or spin the long poll, at once.
    const positive = path === 'timeout' || path === 'requestTimeout';
    if (!(positive ? value > 0 : value >= 0)) issues.push({ path, message: `must be a number ${positive ? '>' : '>='} 0` });
  }
  const customFetch = options.fetch;
  if (!customFetch && typeof globalThis.fetch !== 'function') {
    issues.push({ path: 'fetch', message: 'this runtime has no global fetch; pass one' });
  }
  if (issues.length > 0) throw createError('INVALID_ARGUMENTS', { issues });
  return {
    apiKey,
    baseUrl,
    ...numbers,
    // Looked up per call, so a fetch installed after construction is used, and called on
    // globalThis because some browsers reject a detached `fetch`.
    fetch: customFetch ?? ((url, init) => globalThis.fetch(url, init)),
    onRetry: options.onRetry,
  };
}
