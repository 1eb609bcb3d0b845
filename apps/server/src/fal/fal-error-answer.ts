import { type ErrorCode, errorCatalog, hasErrorCode } from '@openpixels/errors';
import type { ErrorAnswerShape } from '../http/error-response.ts';

/**
 * fal's own status for a request whose input fails validation; fal's client turns a 422 into a
 * `ValidationError` whose `fieldErrors` are read from the body's `detail`.
 */
const FAL_VALIDATION_STATUS = 422;

/**
 * fal's `status` word beside the envelope for the codes its cancel answers with, so an app that
 * reads fal's cancel body (`ALREADY_COMPLETED`, `NOT_FOUND`) finds it.
 */
const FAL_CANCEL_STATUS: Partial<Record<ErrorCode, string>> = {
  JOB_ALREADY_FINISHED: 'ALREADY_COMPLETED',
  JOB_NOT_FOUND: 'NOT_FOUND',
};

/** fal's cancel `status` word the fal route puts beside this code's envelope, if any. */
export function falStatusWordOf(code: ErrorCode): string | undefined {
  return FAL_CANCEL_STATUS[code];
}

/** The HTTP status the fal route answers a request refused with `code`: the catalog's, but fal's 422 for INVALID_ARGUMENTS. */
export function falErrorStatus(code: ErrorCode): number {
  return code === 'INVALID_ARGUMENTS' ? FAL_VALIDATION_STATUS : errorCatalog[code].status;
}

/**
 * How the fal route answers an error: the envelope as the body (fal's client exposes it as
 * `ApiError.body` and uses its `message`), with the catalog's status, except INVALID_ARGUMENTS,
 * which gets fal's 422 and a `detail` list in fal's (FastAPI's) shape beside the envelope.
 * JOB_ALREADY_FINISHED and JOB_NOT_FOUND carry fal's cancel `status` word beside it.
 */
export const falErrorAnswer: ErrorAnswerShape = (error, envelope) => {
  const falStatus = FAL_CANCEL_STATUS[error.code];
  if (falStatus !== undefined) return { status: falErrorStatus(error.code), body: { ...envelope, status: falStatus } };
  if (!hasErrorCode(error, 'INVALID_ARGUMENTS')) return { status: falErrorStatus(error.code), body: envelope };
  const detail = error.params.issues.map((issue) => ({
    loc: ['body', ...(issue.path === '' ? [] : issue.path.split('.'))],
    msg: issue.message,
    type: 'value_error',
  }));
  return { status: falErrorStatus(error.code), body: { ...envelope, detail } };
};

/** Statuses fal's client (1.x) retries with backoff on submit, result and run; it retries 500 too on a status call. */
export const RETRIED_BY_FAL_CLIENT: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * The status of a finished job's failure on fal's result (and synchronous run) calls. fal's
 * client retries 429/502/503/504 there with backoff, but a finished job's answer never
 * changes, so those are sent as 500; the envelope in the body keeps the real code.
 */
export function falFailedJobStatus(code: ErrorCode): number {
  const status = errorCatalog[code].status;
  return RETRIED_BY_FAL_CLIENT.has(status) ? 500 : status;
}
