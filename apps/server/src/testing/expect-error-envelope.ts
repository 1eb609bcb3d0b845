import { AssertionError } from 'node:assert';
import { type ErrorCode, errorCatalog, type OpenPixelsErrorEnvelope } from '@openpixels/errors';
import { Ajv } from 'ajv';
import { loadErrorEnvelopeSchema } from '../openapi/build-openapi-document.ts';

const validate = new Ajv({ strict: false, allErrors: true }).compile(loadErrorEnvelopeSchema());

/**
 * The one check every test makes of an error: the value validates against the errors
 * package's JSON Schema, has the expected code, carries `retry_after_ms` when the catalog
 * says its code does, and leaks nothing (no stack, no secret).
 * Pass `secrets` (keys, provider keys) that must not appear anywhere in it.
 */
export function expectErrorEnvelope(
  value: unknown,
  code?: ErrorCode,
  options: { secrets?: readonly string[] } = {},
): OpenPixelsErrorEnvelope {
  if (!validate(value)) {
    throw new AssertionError({
      message: `not an OpenPixels error envelope: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}\n${JSON.stringify(value)}`,
      actual: value,
    });
  }
  const envelope = value as OpenPixelsErrorEnvelope;
  if (code !== undefined && envelope.code !== code) {
    throw new AssertionError({
      message: `expected ${code}, got ${envelope.code}: ${envelope.message}`,
      actual: envelope.code,
      expected: code,
    });
  }
  if (errorCatalog[envelope.code].retryHint) {
    // Wherever it appears (an HTTP answer or a job's result), a hinted code says how long to wait.
    const ms = (envelope.params as { retry_after_ms?: unknown }).retry_after_ms;
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0) {
      throw new AssertionError({ message: `${envelope.code} must carry params.retry_after_ms, got ${String(ms)}` });
    }
  }
  const text = JSON.stringify(value);
  if (/\n\s+at |\bat [\w.<>]+ \(|node:internal|\.ts:\d+/.test(text)) {
    throw new AssertionError({
      message: `error envelope carries a stack trace: ${text}`,
    });
  }
  for (const secret of options.secrets ?? []) {
    if (secret && text.includes(secret))
      throw new AssertionError({
        message: `error envelope leaks a secret: ${text}`,
      });
  }
  return envelope;
}

/** What `expectErrorResponse` checks beyond the envelope. */
export interface ErrorResponseOptions {
  /** Keys and provider keys that must appear nowhere in the answer. */
  secrets?: readonly string[];
  /**
   * For a route family that speaks another protocol (fal's): the HTTP status it must send for
   * the code, and a function that checks its extra fields beside the envelope and returns the
   * envelope without them. Without it, the status is the catalog's and there are no extras.
   */
  protocol?: { status: number; envelopeOf: (body: Record<string, unknown>) => unknown };
}

/**
 * Reads an HTTP error answer and checks it through `expectErrorEnvelope`: JSON, the HTTP
 * status the catalog gives its code (there is no other, except where a `protocol` says), and a
 * `request_id` equal to the `X-Request-Id` header.
 */
export async function expectErrorResponse(
  response: Response,
  code: ErrorCode,
  options: ErrorResponseOptions = {},
): Promise<OpenPixelsErrorEnvelope> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AssertionError({
      message: `error answer is not JSON (HTTP ${response.status}): ${text.slice(0, 200)}`,
    });
  }
  const unwrapped = options.protocol ? options.protocol.envelopeOf(body as Record<string, unknown>) : body;
  const envelope = expectErrorEnvelope(unwrapped, code, options);
  // The protocol's extra fields leak nothing either.
  for (const secret of options.secrets ?? []) {
    if (secret && text.includes(secret)) throw new AssertionError({ message: `error answer leaks a secret: ${text}` });
  }
  const expected = options.protocol?.status ?? errorCatalog[code].status;
  if (response.status !== expected) {
    throw new AssertionError({
      message: `${code} came with HTTP ${response.status}, expected ${expected}`,
      actual: response.status,
      expected,
    });
  }
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
    throw new AssertionError({
      message: `error answer has content-type ${response.headers.get('content-type')}`,
    });
  }
  if (errorCatalog[code].retryHint) {
    // Both forms of the hint, and the same wait: the header in whole seconds, rounded up.
    const ms = (envelope.params as { retry_after_ms?: unknown }).retry_after_ms;
    const header = response.headers.get('retry-after');
    if (
      typeof ms !== 'number' ||
      !Number.isInteger(ms) ||
      ms < 0 ||
      header !== String(Math.max(1, Math.ceil(ms / 1000)))
    ) {
      throw new AssertionError({
        message: `${code} must carry a retry hint: params.retry_after_ms ${String(ms)}, Retry-After ${String(header)}`,
      });
    }
  }
  if (typeof envelope.request_id !== 'string' || envelope.request_id !== response.headers.get('x-request-id')) {
    throw new AssertionError({
      message: `request_id ${envelope.request_id} does not match X-Request-Id ${response.headers.get('x-request-id')}`,
    });
  }
  return envelope;
}
