import { STATUS_CODES, maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import { createError, docUrl, type ErrorCode, hasErrorCode, OpenPixelsError } from '@openpixels/errors';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { storageProblemOf, storageUnavailableError } from '../store/storage-unavailable.ts';
import { logLevelOf } from './log-level.ts';
import { FORBIDDEN_JSON_KEY } from './parse-json-body.ts';
import { validationIssues, type SchemaError } from './validation-issues.ts';

/** What the error mapping needs to know about the server it answers for. */
export interface ErrorContext {
  /** The body limit, reported in PAYLOAD_TOO_LARGE. */
  bodyLimitBytes: number;
  /** The methods a path answers to (empty when no route has the path), for METHOD_NOT_ALLOWED. */
  allowedMethods: (path: string) => string[];
  /** The docs site every `doc_url` points into (OPENPIXELS_DOCS_URL, or where the server serves its docs). */
  docsBaseUrl: () => string;
  /** Told the code of every error answered (the metrics count them). */
  onError?: (code: ErrorCode) => void;
}

/** The only media type the API reads a body in. */
const SUPPORTED_MEDIA_TYPES = ['application/json'];

/**
 * The one place that decides which error answers a request. Our own errors pass through;
 * Fastify's protocol refusals get their own catalog codes (no route, wrong method, body too
 * large, not JSON); other unreadable requests are INVALID_ARGUMENTS; anything else is
 * INTERNAL_SERVER_ERROR, and its cause goes to the log, never the client. The HTTP status is
 * always the catalog's status of the code chosen here.
 */
export function toOpenPixelsError(
  thrown: unknown,
  request: { method: string; url: string; headers: Record<string, unknown> },
  context: Pick<ErrorContext, 'bodyLimitBytes' | 'allowedMethods'>,
): OpenPixelsError {
  if (OpenPixelsError.isInstance(thrown)) return thrown;
  // Full, read-only, locked or down: the client may retry; this is not a bug of ours.
  if (storageProblemOf(thrown)) return storageUnavailableError(thrown);
  const error = thrown as Partial<FastifyError> & {
    validation?: SchemaError[];
    validationContext?: string;
  };
  if (Array.isArray(error.validation)) {
    return createError('INVALID_ARGUMENTS', { issues: validationIssues(error.validation, error.validationContext) });
  }
  const invalid = (message: string) => createError('INVALID_ARGUMENTS', { issues: [{ path: '', message }] });
  switch (error.code) {
    case 'FST_ERR_NOT_FOUND': {
      const path = request.url.split('?')[0] ?? '/';
      const allowed = context.allowedMethods(path);
      // A wildcard route that takes this method but has nothing there (a docs page that does not exist) is a wrong path.
      return allowed.length > 0 && !allowed.includes(request.method)
        ? createError('METHOD_NOT_ALLOWED', { method: request.method, path, allowed })
        : createError('ROUTE_NOT_FOUND', { method: request.method, path });
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return createError('PAYLOAD_TOO_LARGE', { limit_bytes: context.bodyLimitBytes });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const sent = request.headers['content-type'];
      return createError(
        'UNSUPPORTED_MEDIA_TYPE',
        typeof sent === 'string' && sent !== ''
          ? { content_type: sent.slice(0, 200), supported: SUPPORTED_MEDIA_TYPES }
          : { supported: SUPPORTED_MEDIA_TYPES },
      );
    }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalid('the body is empty; send a JSON object');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalid('the body is not valid JSON');
    case FORBIDDEN_JSON_KEY:
      return invalid(
        'the body has a "__proto__" or "constructor.prototype" key, which is refused (it could change the prototype of objects it is merged into)',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return invalid('the Content-Length header does not match the body');
    case 'FST_ERR_BAD_URL':
      return invalid('the URL is not valid');
  }
  // Other 4xx from Fastify or Node describe the request, but their wording is not ours to promise.
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return invalid('the request could not be read');
  }
  return createError('INTERNAL_SERVER_ERROR', {}, { cause: thrown });
}

/**
 * How a route family that speaks another protocol (fal's queue API) answers an envelope: the
 * HTTP status it sends, and the body (the envelope, plus what that protocol's clients read).
 */
export type ErrorAnswerShape = (
  error: OpenPixelsError,
  envelope: Record<string, unknown>,
) => { status: number; body: Record<string, unknown> };

/** Sends an error as its envelope with the catalog's status and the request's id, and logs it. */
export function sendError(
  thrown: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  context: ErrorContext,
  shape?: ErrorAnswerShape,
) {
  const error = toOpenPixelsError(thrown, request, context);
  context.onError?.(error.code);
  const storage = storageProblemOf(thrown);
  const level = logLevelOf(error.code);
  if (storage) {
    // The classified problem, not the driver's message: it says what an operator must fix.
    request.log.error({ storage, code: error.code }, `storage unavailable: the database is ${storage}`);
  } else if (level === 'error') {
    request.log.error({ err: thrown, code: error.code }, 'request failed');
  } else {
    request.log[level]({ code: error.code, status: error.status }, 'request rejected');
  }
  const retryAfter = (error.params as { retry_after_ms?: number }).retry_after_ms;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter / 1000))));
  if (hasErrorCode(error, 'METHOD_NOT_ALLOWED')) reply.header('allow', error.params.allowed.join(', '));
  const envelope = { ...error.toJSON(), request_id: request.id, doc_url: docUrl(error.code, context.docsBaseUrl()) };
  const answer = shape ? shape(error, envelope) : { status: error.status, body: envelope };
  return reply
    .code(answer.status)
    .header('cache-control', 'no-store')
    .header('x-request-id', request.id)
    .type('application/json; charset=utf-8')
    .send(answer.body);
}

/**
 * Answers a request Node could not parse as HTTP, straight on the socket (there is no request
 * object yet): headers over Node's limit are HEADERS_TOO_LARGE, anything else INVALID_ARGUMENTS.
 */
export function sendClientError(
  thrown: NodeJS.ErrnoException,
  socket: Socket,
  requestId: string,
  context: Pick<ErrorContext, 'docsBaseUrl' | 'onError'>,
): void {
  const error =
    thrown.code === 'HPE_HEADER_OVERFLOW'
      ? createError('HEADERS_TOO_LARGE', { limit_bytes: maxHeaderSize })
      : createError('INVALID_ARGUMENTS', { issues: [{ path: '', message: 'the HTTP request is malformed' }] });
  context.onError?.(error.code);
  const body = JSON.stringify({
    ...error.toJSON(),
    request_id: requestId,
    doc_url: docUrl(error.code, context.docsBaseUrl()),
  });
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\n` +
      'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
      body,
  );
}
