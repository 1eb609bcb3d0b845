import type { ErrorCode } from './envelope.ts';

/**
 * What a caller should do about each code, one line each, rendered in the docs under the code.
 * Kept out of `errorCatalog` on purpose: the decoder and guards read the catalog, so every byte
 * in it ships in the SDK's browser bundle, while these lines are only read by docs and tools
 * (this table is dropped by tree-shaking when unused). Keyed by every code, so a new code does
 * not compile until it says what to do.
 */
export const errorActions: Readonly<Record<ErrorCode, string>> = {
  INVALID_API_KEY: 'Check the key you send as `Authorization: Key <key>`; a revoked key stays invalid, so create a new one.',
  MISSING_API_KEY: 'Send your key as `Authorization: Key <key>` (the clients read `OPENPIXELS_API_KEY`).',
  PROVIDER_ERROR: 'The gateway already tried the other providers it was allowed to; submit again later, or allow more providers in `config.routing`.',
  PROVIDER_HTTP_ERROR: 'Submit again later, or allow more providers in `config.routing`; the job was refunded.',
  PROVIDER_JOB_ERROR: 'The provider refused this job itself (often its content policy): change the prompt or size before submitting again.',
  PROVIDER_TIMEOUT: 'Submit again later, or allow more providers in `config.routing`; the job was refunded.',
  PROVIDER_NOT_FOUND: 'Fix the provider name in `config.routing`: `params.available` lists the ones this gateway runs. Sending it again fails the same way.',
  NO_PROVIDERS_WORKING: 'Wait a little and submit again (the job was refunded); `params.attempts` says why each provider failed.',
  NO_CREDITS: 'Add credits to the key (`params.required` is the price, `params.available` the balance), then submit again.',
  INVALID_ARGUMENTS: 'Fix each field listed in `params.issues`; the same request is refused again.',
  UNKNOWN_MODEL: 'Use one of the models in `params.available` (`GET /v2/models` lists them with their prices).',
  JOB_NOT_FOUND: 'Check the job id, and that you ask with the key that submitted the job.',
  JOB_CANCELLED: 'Nothing to fix: the job was cancelled and refunded. Submit again for a new image.',
  JOB_ALREADY_FINISHED: 'Nothing changed: poll the job for its result; `params.status` says how it ended.',
  ROUTE_NOT_FOUND: 'Check the path against the API description at `/openapi.json`.',
  METHOD_NOT_ALLOWED: 'Use one of the methods in `params.allowed` (also in the `Allow` header).',
  PAYLOAD_TOO_LARGE: 'Send a body of at most `params.limit_bytes` bytes.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the body as JSON with `Content-Type: application/json`.',
  HEADERS_TOO_LARGE: 'Send fewer or shorter headers, at most `params.limit_bytes` bytes in all.',
  UNKNOWN_ERROR: 'Send the request again later; if it persists, log `params.raw` and the `request_id` and contact support.',
  INTERNAL_SERVER_ERROR: 'Send the request again later; if it keeps happening, quote the `request_id` to support.',
  MODEL_UNAVAILABLE: 'Wait `params.retry_after_ms` (the `Retry-After` header says the same in seconds) and submit again, or pick another model.',
  SERVICE_UNAVAILABLE: 'Wait `params.retry_after_ms` (the `Retry-After` header says the same in seconds) and send the request again.',
  RATE_LIMITED: 'Wait `params.retry_after_ms` (the `Retry-After` header says the same in seconds), or for one of your running jobs to finish, then submit again.',
};
