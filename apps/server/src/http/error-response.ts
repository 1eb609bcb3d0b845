import { createError, OpenPixelsError } from '@openpixels/errors';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { storageProblemOf, storageUnavailableError } from '../db/storage-unavailable.ts';
import { FORBIDDEN_JSON_KEY } from './parse-json-body.ts';
import { validationIssues, type SchemaError } from './validation-issues.ts';

/** An error to send, and the HTTP status to send it with. */
export interface ErrorResponse {
  status: number;
  error: OpenPixelsError;
}

/**
 * The one place that decides what an error looks like on the wire. Our own errors keep
 * their catalog status; Fastify's protocol errors (no route, body too large, wrong content
 * type, bad JSON) become INVALID_ARGUMENTS with the HTTP status the protocol calls for;
 * anything else is INTERNAL_SERVER_ERROR, and its cause goes to the log, never the client.
 */
export function toErrorResponse(
  thrown: unknown,
  request: { method: string; url: string },
  bodyLimitBytes: number,
): ErrorResponse {
  if (OpenPixelsError.isInstance(thrown)) return { status: thrown.status, error: thrown };
  // Full, read-only, locked or down: the client may retry; this is not a bug of ours.
  if (storageProblemOf(thrown)) {
    const error = storageUnavailableError(thrown);
    return { status: error.status, error };
  }
  const error = thrown as Partial<FastifyError> & {
    validation?: SchemaError[];
    validationContext?: string;
  };
  if (Array.isArray(error.validation)) {
    const issues = validationIssues(error.validation, error.validationContext);
    return { status: 400, error: createError('INVALID_ARGUMENTS', { issues }) };
  }
  const invalid = (status: number, message: string) => ({
    status,
    error: createError('INVALID_ARGUMENTS', {
      issues: [{ path: '', message }],
    }),
  });
  switch (error.code) {
    case 'FST_ERR_NOT_FOUND': {
      const route = `${request.method} ${request.url.split('?')[0]}`;
      return {
        status: 404,
        error: createError(
          'INVALID_ARGUMENTS',
          { issues: [{ path: '', message: `no route ${route}` }] },
          {
            message: `No route matches ${route}. The API is described at /openapi.json.`,
          },
        ),
      };
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return invalid(413, `the body is larger than the limit of ${bodyLimitBytes} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return invalid(415, 'send the body as JSON, with Content-Type: application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalid(400, 'the body is empty; send a JSON object');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalid(400, 'the body is not valid JSON');
    case FORBIDDEN_JSON_KEY:
      return invalid(
        400,
        'the body has a "__proto__" or "constructor.prototype" key, which is refused (it could change the prototype of objects it is merged into)',
      );
    case 'OP_NOT_A_PREFLIGHT':
      return invalid(
        400,
        'OPTIONS is answered as a CORS preflight only: send Origin and Access-Control-Request-Method (a browser does)',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return invalid(400, 'the Content-Length header does not match the body');
    case 'FST_ERR_BAD_URL':
      return invalid(400, 'the URL is not valid');
  }
  // Other 4xx from Fastify or Node describe the request, but their wording is not ours to promise.
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) return invalid(status, 'the request could not be read');
  return {
    status: 500,
    error: createError('INTERNAL_SERVER_ERROR', {}, { cause: thrown }),
  };
}

/** Sends an error as its envelope, with the request's id, and logs it (with the cause for 5xx). */
export function sendError(thrown: unknown, request: FastifyRequest, reply: FastifyReply, bodyLimitBytes: number) {
  const { status, error } = toErrorResponse(thrown, request, bodyLimitBytes);
  const storage = storageProblemOf(thrown);
  if (storage) {
    // The classified problem, not the driver's message: it says what an operator must fix.
    request.log.error({ storage, code: error.code }, `storage unavailable: the database is ${storage}`);
  } else if (status >= 500 && !error.type.startsWith('PROVIDER')) {
    request.log.error({ err: thrown, code: error.code }, 'request failed');
  } else {
    request.log.info({ code: error.code, status }, 'request rejected');
  }
  const retryAfter = (error.params as { retry_after_ms?: number }).retry_after_ms;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter / 1000))));
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('x-request-id', request.id)
    .type('application/json; charset=utf-8')
    .send({ ...error.toJSON(), request_id: request.id });
}

/** The envelope of a malformed HTTP request, written straight to the socket (there is no request object yet). */
export function clientErrorBody(requestId: string): string {
  return JSON.stringify({
    ...createError('INVALID_ARGUMENTS', {
      issues: [{ path: '', message: 'the HTTP request is malformed' }],
    }).toJSON(),
    request_id: requestId,
  });
}
