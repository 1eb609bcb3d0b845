import type { ErrorCode } from '@openpixels/errors';

/** How loudly an error answer is logged: `error` carries its cause (with stack) for an operator to act on. */
export type ErrorLogLevel = 'error' | 'warn' | 'info';

// Keyed by every code, so a new catalog code fails to compile until someone decides how
// loud it is. Refusals of a client's request are routine (info); a gateway that cannot serve
// is something to watch (warn); only a failure nobody planned for is an error. A draining
// or overloaded server refusing work is expected (info); what made storage fail is logged where it failed.
const LOG_LEVELS: Record<ErrorCode, ErrorLogLevel> = {
  INVALID_API_KEY: 'info',
  MISSING_API_KEY: 'info',
  PROVIDER_ERROR: 'info',
  PROVIDER_HTTP_ERROR: 'info',
  PROVIDER_JOB_ERROR: 'info',
  PROVIDER_TIMEOUT: 'info',
  PROVIDER_NOT_FOUND: 'info',
  NO_PROVIDERS_WORKING: 'warn',
  NO_CREDITS: 'info',
  INVALID_ARGUMENTS: 'info',
  UNKNOWN_MODEL: 'info',
  JOB_NOT_FOUND: 'info',
  ROUTE_NOT_FOUND: 'info',
  METHOD_NOT_ALLOWED: 'info',
  PAYLOAD_TOO_LARGE: 'info',
  UNSUPPORTED_MEDIA_TYPE: 'info',
  HEADERS_TOO_LARGE: 'info',
  UNKNOWN_ERROR: 'error',
  INTERNAL_SERVER_ERROR: 'error',
  MODEL_UNAVAILABLE: 'warn',
  SERVICE_UNAVAILABLE: 'info',
  RATE_LIMITED: 'info',
};

/** The level an error answer with `code` is logged at. */
export function logLevelOf(code: ErrorCode): ErrorLogLevel {
  return LOG_LEVELS[code];
}
