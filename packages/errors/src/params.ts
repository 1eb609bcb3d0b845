// The params each error code carries on the wire. These are plain types on purpose:
// ts-json-schema-generator reads them to write the JSON Schema, and the catalog refers to
// them, so a code's params are declared exactly once.

/** Params of a code that carries no extra context. */
export type NoParams = Record<string, never>;

/** Names the provider an error came from. */
export interface ProviderParams {
  /** Provider id, e.g. `fal` or `replicate`. */
  provider: string;
}

/** A provider answered with a non-2xx HTTP status. */
export interface ProviderHttpErrorParams extends ProviderParams {
  /**
   * The HTTP status the provider answered with.
   * @asType integer
   */
  status: number;
}

/** A provider accepted the job but reported that it failed. */
export interface ProviderJobErrorParams extends ProviderParams {
  /** The provider's own id for the job, when it gave one. */
  provider_job_id?: string;
}

/** A provider did not answer within the attempt's time budget. */
export interface ProviderTimeoutParams extends ProviderParams {
  /**
   * The budget that ran out, in milliseconds.
   * @asType integer
   */
  timeout_ms: number;
}

/** A request named a provider this gateway does not know. */
export interface ProviderNotFoundParams extends ProviderParams {
  /** Provider ids this gateway knows. */
  available: string[];
}

/** One provider tried for a job, and how it failed. */
export interface ProviderAttempt {
  /** Provider id. */
  provider: string;
  /** The error code of that attempt (a provider code, or another code of this catalog). */
  code: string;
  /** The attempt's error message. */
  message: string;
}

/** Every candidate provider failed; `attempts` lists them in the order they were tried. */
export interface NoProvidersWorkingParams {
  /** The model the job asked for. */
  model: string;
  /** Each attempt, in order. Empty when no provider was healthy enough to try. */
  attempts: ProviderAttempt[];
}

/** The balance is short of the job's price. */
export interface NoCreditsParams {
  /**
   * Credits the job costs.
   * @asType integer
   */
  required: number;
  /**
   * Credits the account has.
   * @asType integer
   */
  available: number;
}

/** One problem with one field of the request. */
export interface ArgumentIssue {
  /** Dotted path of the field, e.g. `width` or `config.routing.strategy`; empty for the body itself. */
  path: string;
  /** What is wrong with it. */
  message: string;
}

/** The request's arguments failed validation; one issue per bad field. */
export interface InvalidArgumentsParams {
  /** Every problem found, not only the first. */
  issues: ArgumentIssue[];
}

/** The requested model is not served here. */
export interface UnknownModelParams {
  /** The model id the request named. */
  model: string;
  /** Model ids that are served. */
  available: string[];
}

/** No job with this id exists for this API key. */
export interface JobNotFoundParams {
  /** The job id that was asked for. */
  id: string;
}

/** A job stopped by its owner before it finished. */
export interface JobCancelledParams {
  /** The job that was cancelled. */
  id: string;
  /**
   * The credits given back to the key.
   * @asType integer
   */
  refunded: number;
}

/** A cancel for a job that had already finished; the job was left as it was. */
export interface JobAlreadyFinishedParams {
  /** The job that was asked to be cancelled. */
  id: string;
  /** How the job had finished. */
  status: 'completed' | 'failed' | 'cancelled';
}

/** No route of the API matches the request's path. */
export interface RouteNotFoundParams {
  /** The HTTP method of the request. */
  method: string;
  /** The path that was asked for, without its query string. */
  path: string;
}

/** The path is a route of the API, but not for this HTTP method. */
export interface MethodNotAllowedParams {
  /** The HTTP method of the request. */
  method: string;
  /** The path that was asked for, without its query string. */
  path: string;
  /** The methods this path accepts (also sent in the `Allow` header). */
  allowed: string[];
}

/** The request body is larger than the server reads. */
export interface PayloadTooLargeParams {
  /**
   * The largest body the server reads, in bytes.
   * @asType integer
   */
  limit_bytes: number;
}

/** The request body is in a media type the API does not read. */
export interface UnsupportedMediaTypeParams {
  /** The `Content-Type` the request sent; absent when it sent none. */
  content_type?: string;
  /** The media types the API reads. */
  supported: string[];
}

/** The request's headers are larger than the server reads. */
export interface HeadersTooLargeParams {
  /**
   * The largest header section the server reads, in bytes.
   * @asType integer
   */
  limit_bytes: number;
}

/** The cause is unknown; a decoder may keep the undecodable value for logs. */
export interface UnknownErrorParams {
  /** The value that could not be understood, kept for logging only. */
  raw?: unknown;
}

/** A model is known but cannot be served right now. */
export interface ModelUnavailableParams {
  /** The model id. */
  model: string;
  /**
   * How long to wait before submitting again, in milliseconds: until the first of its
   * providers may be tried again.
   * @asType integer
   */
  retry_after_ms: number;
}

/** The service is down or draining; try again later. */
export interface ServiceUnavailableParams {
  /**
   * When to try again, in milliseconds, if the server knows.
   * @asType integer
   */
  retry_after_ms?: number;
}

/** Too many requests; wait before the next one. */
export interface RateLimitedParams {
  /**
   * How long to wait before retrying, in milliseconds.
   * @asType integer
   */
  retry_after_ms: number;
}

/**
 * The params of every code. The catalog must have exactly these keys (the compiler checks
 * both ways), so this map is how a code's params get a name the JSON Schema can use.
 */
export interface ErrorParams {
  INVALID_API_KEY: NoParams;
  MISSING_API_KEY: NoParams;
  PROVIDER_ERROR: ProviderParams;
  PROVIDER_HTTP_ERROR: ProviderHttpErrorParams;
  PROVIDER_JOB_ERROR: ProviderJobErrorParams;
  PROVIDER_TIMEOUT: ProviderTimeoutParams;
  PROVIDER_NOT_FOUND: ProviderNotFoundParams;
  NO_PROVIDERS_WORKING: NoProvidersWorkingParams;
  NO_CREDITS: NoCreditsParams;
  INVALID_ARGUMENTS: InvalidArgumentsParams;
  UNKNOWN_MODEL: UnknownModelParams;
  JOB_NOT_FOUND: JobNotFoundParams;
  JOB_CANCELLED: JobCancelledParams;
  JOB_ALREADY_FINISHED: JobAlreadyFinishedParams;
  ROUTE_NOT_FOUND: RouteNotFoundParams;
  METHOD_NOT_ALLOWED: MethodNotAllowedParams;
  PAYLOAD_TOO_LARGE: PayloadTooLargeParams;
  UNSUPPORTED_MEDIA_TYPE: UnsupportedMediaTypeParams;
  HEADERS_TOO_LARGE: HeadersTooLargeParams;
  UNKNOWN_ERROR: UnknownErrorParams;
  INTERNAL_SERVER_ERROR: NoParams;
  MODEL_UNAVAILABLE: ModelUnavailableParams;
  SERVICE_UNAVAILABLE: ServiceUnavailableParams;
  RATE_LIMITED: RateLimitedParams;
}
