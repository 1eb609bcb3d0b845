import { createError, type OpenPixelsError } from '@openpixels/errors';
import { AnswerTooLargeError } from './answer-too-large-error.ts';
import { type OutgoingRequest, sendHttpRequest } from './send-http-request.ts';

const DETAIL_LIMIT = 200;

/** What a provider call needs to say who failed and to keep its secret out of messages. */
export interface ProviderCallContext {
  provider: string;
  secret: string;
  /** The largest answer read from this provider (default 1 MiB). */
  maxResponseBytes?: number | undefined;
}

/** A provider's answer: its status, its parsed JSON body, and its explanation when it failed. */
export interface ProviderAnswer {
  status: number;
  ok: boolean;
  body: unknown;
  /** For a non-2xx answer: the provider's own words, shortened and scrubbed of the key. */
  detail: string;
}

/**
 * Calls a provider and reads its JSON answer, whatever its status. A failed connection
 * becomes PROVIDER_ERROR, and so does a 2xx answer that is not JSON. Aborts propagate
 * unchanged so the caller can tell a timeout from a failure.
 */
export async function callProvider(
  context: ProviderCallContext,
  url: string,
  init: OutgoingRequest,
): Promise<ProviderAnswer> {
  let answer: { status: number; text: string };
  try {
    answer = await sendHttpRequest(url, init, context.maxResponseBytes);
  } catch (error) {
    if (init.signal.aborted) throw init.signal.reason;
    if (error instanceof AnswerTooLargeError) {
      throw createError(
        'PROVIDER_ERROR',
        { provider: context.provider },
        {
          message: `Provider ${context.provider} sent an answer larger than the ${error.limitBytes} bytes this gateway reads from it; it was not read.`,
        },
      );
    }
    throw createError(
      'PROVIDER_ERROR',
      { provider: context.provider },
      { message: `Provider ${context.provider} could not be reached.`, cause: error },
    );
  }
  const ok = answer.status >= 200 && answer.status < 300;
  if (!ok) return { status: answer.status, ok, body: answer.text, detail: providerDetail(context, answer.text) };
  try {
    return { status: answer.status, ok, body: answer.text === '' ? null : JSON.parse(answer.text), detail: '' };
  } catch (error) {
    throw malformedAnswer(context.provider, error);
  }
}

/** `callProvider`, with a non-2xx answer thrown as PROVIDER_HTTP_ERROR; resolves with the JSON body. */
export async function requestProviderJson(
  context: ProviderCallContext,
  url: string,
  init: OutgoingRequest,
): Promise<unknown> {
  const answer = await callProvider(context, url, init);
  if (!answer.ok) throw httpError(context.provider, answer);
  return answer.body;
}

/** The PROVIDER_HTTP_ERROR for a non-2xx answer. */
export function httpError(provider: string, answer: ProviderAnswer): OpenPixelsError {
  return createError(
    'PROVIDER_HTTP_ERROR',
    { provider, status: answer.status },
    {
      message: withDetail(`Provider ${provider} answered with HTTP ${answer.status}`, answer.detail),
    },
  );
}

/** A message with the provider's explanation appended when there is one. */
export function withDetail(message: string, detail: string): string {
  return detail ? `${message}: ${detail.replace(/[.\s]+$/, '')}.` : `${message}.`;
}

/** The error for an answer that does not have the shape the provider's API documents. */
export function malformedAnswer(provider: string, cause?: unknown): OpenPixelsError {
  return createError(
    'PROVIDER_ERROR',
    { provider },
    {
      message: `Provider ${provider} sent an answer this gateway could not read.`,
      cause,
    },
  );
}

/** A provider's explanation of a failure, short, one line, and without the provider key. */
export function providerDetail(context: ProviderCallContext, raw: unknown): string {
  let text = '';
  if (typeof raw === 'string') {
    try {
      text = describe(JSON.parse(raw));
    } catch {
      text = raw.startsWith('<') ? '' : raw;
    }
  } else {
    text = describe(raw);
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (context.secret) text = text.split(context.secret).join('[redacted]');
  return text.length > DETAIL_LIMIT ? `${text.slice(0, DETAIL_LIMIT)}…` : text;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return '';
  const record = value as Record<string, unknown>;
  for (const field of ['detail', 'error', 'message', 'title']) {
    const inner = record[field];
    if (typeof inner === 'string') return inner;
    if (Array.isArray(inner) && inner.length > 0) return describe(inner[0]) || JSON.stringify(inner[0]);
    if (typeof inner === 'object' && inner !== null) return describe(inner);
  }
  return '';
}

/** The URL the provider gave, if it stays on the provider's configured origin; our key is sent there. */
export function sameOriginUrl(candidate: unknown, base: string): string | undefined {
  if (typeof candidate !== 'string') return undefined;
  try {
    return new URL(candidate).origin === originOf(base) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

// A provider's configured base URL is parsed once, not on every job (bases are a handful).
const baseOrigins = new Map<string, string>();
function originOf(base: string): string {
  let origin = baseOrigins.get(base);
  if (origin === undefined) {
    origin = new URL(base).origin;
    baseOrigins.set(base, origin);
  }
  return origin;
}

/** The first http(s) URL in a provider's output, or undefined. */
export function imageUrlOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Best-effort call whose failure does not matter (cancelling a job we gave up on). */
export function fireAndForget(url: string, init: Omit<OutgoingRequest, 'signal'>): void {
  sendHttpRequest(url, { ...init, signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
}
