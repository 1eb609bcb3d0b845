import type {
  ErrorParams,
  InvalidArgumentsParams,
  JobAlreadyFinishedParams,
  JobCancelledParams,
  HeadersTooLargeParams,
  JobNotFoundParams,
  MethodNotAllowedParams,
  ModelUnavailableParams,
  NoCreditsParams,
  NoParams,
  NoProvidersWorkingParams,
  PayloadTooLargeParams,
  ProviderHttpErrorParams,
  ProviderJobErrorParams,
  ProviderNotFoundParams,
  ProviderParams,
  ProviderTimeoutParams,
  RateLimitedParams,
  RouteNotFoundParams,
  ServiceUnavailableParams,
  UnknownErrorParams,
  UnknownModelParams,
  UnsupportedMediaTypeParams,
} from './params.ts';

/** What the catalog says about one code; `P` is the code's params. */
export interface CatalogEntry<P> {
  readonly type: keyof typeof errorTypes;
  readonly status: number;
  readonly retryable: boolean;
  readonly reroutable: boolean;
  readonly addition: boolean;
  /**
   * True when every HTTP answer with this code says when to try again, twice: the
   * `Retry-After` header (seconds) and `params.retry_after_ms`. Only codes whose params
   * have `retry_after_ms` can say true (the compiler checks).
   */
  readonly retryHint: 'retry_after_ms' extends keyof P ? boolean : false;
  readonly description: string;
  /** What the caller should do about it, in one line (the docs show it under the code). */
  readonly message: (params: P) => string;
  readonly exampleParams: P;
}

/**
 * The six broad error types, in the order of the public error page. `status` is the HTTP
 * status a client should assume for a code of this type that its version does not know yet.
 */
export const errorTypes = {
  PROVIDER_ERROR: { description: 'Errors related to third-party model providers', status: 502 },
  INTERNAL_SERVER_ERROR: { description: 'Unexpected internal system errors', status: 500 },
  BAD_REQUEST_ERROR: { description: 'Errors due to invalid input or parameters', status: 400 },
  AUTHENTICATION_ERROR: { description: 'Errors with API keys or authentication', status: 401 },
  BILLING_ERROR: { description: 'Errors related to credits or payment issues', status: 402 },
  AVAILABILITY_ERROR: { description: 'Errors when services or models are unavailable', status: 503 },
} as const;

/**
 * Every error code, the only place one is written. Each entry says:
 * - `type`: the broad category (a key of `errorTypes`);
 * - `status`: the HTTP status when the error answers a request;
 * - `retryable`: whether the same request may succeed if the client sends it again later;
 * - `reroutable`: whether the gateway may move the job to another provider after this error;
 * - `retryHint`: whether every answer with it carries `Retry-After` and `params.retry_after_ms`;
 * - `description`: one line for the docs, as on the public page where the page has the code;
 * - `message`: the default message, built from the params;
 * - `exampleParams`: realistic params, used by the docs and tests;
 * - `addition`: true for codes this contract adds to the public error page.
 */
export const errorCatalog = {
  INVALID_API_KEY: {
    type: 'AUTHENTICATION_ERROR',
    status: 401,
    retryable: false,
    reroutable: false,
    addition: false,
    retryHint: false,
    description: 'The API key provided is not valid',
    message: (_: NoParams) => 'The API key is not valid. Check it, or create a new one.',
    exampleParams: {},
  },
  MISSING_API_KEY: {
    type: 'AUTHENTICATION_ERROR',
    status: 401,
    retryable: false,
    reroutable: false,
    addition: false,
    retryHint: false,
    description: 'No API key was provided with the request',
    message: (_: NoParams) => 'No API key was sent. Send it as `Authorization: Key <key>`.',
    exampleParams: {},
  },
  PROVIDER_ERROR: {
    type: 'PROVIDER_ERROR',
    status: 502,
    retryable: true,
    reroutable: true,
    addition: false,
    retryHint: false,
    description: 'Generic error when interacting with a provider',
    message: (p: ProviderParams) => `Provider ${p.provider} failed.`,
    exampleParams: { provider: 'fal' },
  },
  PROVIDER_HTTP_ERROR: {
    type: 'PROVIDER_ERROR',
    status: 502,
    retryable: true,
    reroutable: true,
    addition: false,
    retryHint: false,
    description: 'HTTP error when communicating with a provider',
    message: (p: ProviderHttpErrorParams) => `Provider ${p.provider} answered with HTTP ${p.status}.`,
    exampleParams: { provider: 'replicate', status: 503 },
  },
  PROVIDER_JOB_ERROR: {
    type: 'PROVIDER_ERROR',
    status: 502,
    retryable: false,
    reroutable: true,
    addition: false,
    retryHint: false,
    description: 'Error during job execution by a provider',
    message: (p: ProviderJobErrorParams) => `Provider ${p.provider} could not complete the job.`,
    exampleParams: { provider: 'fal', provider_job_id: 'req_8f2c1e' },
  },
  PROVIDER_TIMEOUT: {
    type: 'PROVIDER_ERROR',
    status: 504,
    retryable: true,
    reroutable: true,
    addition: false,
    retryHint: false,
    description: 'Provider took too long to respond',
    message: (p: ProviderTimeoutParams) => `Provider ${p.provider} did not answer within ${p.timeout_ms} ms.`,
    exampleParams: { provider: 'replicate', timeout_ms: 60000 },
  },
  PROVIDER_NOT_FOUND: {
    type: 'PROVIDER_ERROR',
    status: 404,
    retryable: false,
    reroutable: false,
    addition: false,
    retryHint: false,
    description: 'The requested provider was not found',
    message: (p: ProviderNotFoundParams) =>
      `Provider ${p.provider} is not known here. Known providers: ${p.available.join(', ')}.`,
    exampleParams: { provider: 'acme', available: ['fal', 'replicate', 'local'] },
  },
  NO_PROVIDERS_WORKING: {
    type: 'PROVIDER_ERROR',
    status: 502,
    retryable: true,
    reroutable: false,
    addition: false,
    retryHint: false,
    description: 'No providers are available to handle the request',
    message: (p: NoProvidersWorkingParams) => {
      if (p.attempts.length === 0) return `No provider is available for ${p.model}.`;
      const list = p.attempts.map((a) => `${a.provider} (${a.code})`).join(', ');
      // One provider retried is not "all N providers": count the providers apart from the attempts.
      const providers = new Set(p.attempts.map((a) => a.provider)).size;
      return providers === p.attempts.length
        ? `All ${providers} providers tried for ${p.model} failed: ${list}.`
        : `${p.attempts.length} attempts at ${providers} provider${providers === 1 ? '' : 's'} for ${p.model} all failed: ${list}.`;
    },
    exampleParams: {
      model: 'flux-dev',
      attempts: [
        { provider: 'fal', code: 'PROVIDER_TIMEOUT', message: 'Provider fal did not answer within 60000 ms.' },
        { provider: 'replicate', code: 'PROVIDER_HTTP_ERROR', message: 'Provider replicate answered with HTTP 503.' },
      ],
    },
  },
  NO_CREDITS: {
    type: 'BILLING_ERROR',
    status: 402,
    retryable: false,
    reroutable: false,
    addition: false,
    retryHint: false,
    description: 'User has insufficient credits for the requested operation',
    message: (p: NoCreditsParams) => `This job costs ${p.required} credits but the balance is ${p.available}.`,
    exampleParams: { required: 25, available: 10 },
  },
  INVALID_ARGUMENTS: {
    type: 'BAD_REQUEST_ERROR',
    status: 400,
    retryable: false,
    reroutable: false,
    addition: false,
    retryHint: false,
    description: 'The request contains invalid arguments',
    message: (p: InvalidArgumentsParams) =>
      `Invalid arguments: ${p.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}.`,
    exampleParams: {
      issues: [{ path: 'width', message: 'must be a multiple of 8 between 256 and 2048' }],
    },
  },
  UNKNOWN_MODEL: {
    type: 'BAD_REQUEST_ERROR',
    status: 404,
    retryable: false,
    reroutable: false,
    addition: false,
    retryHint: false,
    description: 'The requested model does not exist or is not supported',
    message: (p: UnknownModelParams) => `Model ${p.model} is not supported. Available: ${p.available.join(', ')}.`,
    exampleParams: { model: 'flux-ultra', available: ['flux-dev', 'flux-schnell', 'flux-pro-1.1'] },
  },
  JOB_NOT_FOUND: {
    type: 'BAD_REQUEST_ERROR',
    status: 404,
    retryable: false,
    reroutable: false,
    addition: true,
    retryHint: false,
    description: 'No job with this id exists for this API key',
    message: (p: JobNotFoundParams) => `Job ${p.id} was not found.`,
    exampleParams: { id: 'job_01hx3k9v2m' },
  },
  JOB_CANCELLED: {
    type: 'BAD_REQUEST_ERROR',
    status: 409,
    retryable: false,
    reroutable: false,
    addition: true,
    retryHint: false,
    description: 'The job was cancelled by its owner before it finished',
    message: (p: JobCancelledParams) => `Job ${p.id} was cancelled; ${p.refunded} credits were refunded.`,
    exampleParams: { id: 'job_01hx3k9v2m', refunded: 3 },
  },
  JOB_ALREADY_FINISHED: {
    type: 'BAD_REQUEST_ERROR',
    status: 409,
    retryable: false,
    reroutable: false,
    addition: true,
    retryHint: false,
    description: 'The job had already finished, so it could not be cancelled',
    message: (p: JobAlreadyFinishedParams) => `Job ${p.id} had already finished (${p.status}) and was not changed.`,
    exampleParams: { id: 'job_01hx3k9v2m', status: 'completed' },
  },
  ROUTE_NOT_FOUND: {
    type: 'BAD_REQUEST_ERROR',
    status: 404,
    retryable: false,
    reroutable: false,
    addition: true,
    retryHint: false,
    description: 'No API route matches the request path',
    message: (p: RouteNotFoundParams) =>
      `No route matches ${p.method} ${p.path}. The API is described at /openapi.json.`,
    exampleParams: { method: 'POST', path: '/v2/sumbit' },
  },
  METHOD_NOT_ALLOWED: {
    type: 'BAD_REQUEST_ERROR',
    status: 405,
    retryable: false,
    reroutable: false,
    addition: true,
    retryHint: false,
    description: 'The route exists but does not accept this HTTP method',
    message: (p: MethodNotAllowedParams) =>
      `Method ${p.method} is not allowed on ${p.path}; it accepts ${p.allowed.join(', ')}.`,
    exampleParams: { method: 'GET', path: '/v2/submit', allowed: ['POST'] },
  },
  PAYLOAD_TOO_LARGE: {
    type: 'BAD_REQUEST_ERROR',
    status: 413,
    retryable: false,
    reroutable: false,
    addition: true,
    retryHint: false,
    description: 'The request body is larger than the server accepts',
    message: (p: PayloadTooLargeParams) => `The request body is larger than the limit of ${p.limit_bytes} bytes.`,
    exampleParams: { limit_bytes: 65536 },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    type: 'BAD_REQUEST_ERROR',
    status: 415,
    retryable: false,
    reroutable: false,
    addition: true,
    retryHint: false,
    description: 'The request body is not in a media type the API reads',
    message: (p: UnsupportedMediaTypeParams) =>
      `Send the body as ${p.supported.join(' or ')} (the request said ${p.content_type === undefined ? 'no Content-Type' : `Content-Type: ${p.content_type}`}).`,
    exampleParams: { content_type: 'text/plain', supported: ['application/json'] },
  },
  HEADERS_TOO_LARGE: {
    type: 'BAD_REQUEST_ERROR',
    status: 431,
    retryable: false,
    reroutable: false,
    addition: true,
    retryHint: false,
    description: 'The request headers are larger than the server reads',
    message: (p: HeadersTooLargeParams) => `The request headers are larger than the limit of ${p.limit_bytes} bytes.`,
    exampleParams: { limit_bytes: 16384 },
  },
  UNKNOWN_ERROR: {
    type: 'INTERNAL_SERVER_ERROR',
    status: 500,
    retryable: true,
    reroutable: false,
    addition: false,
    retryHint: false,
    description: 'Generic error when the cause is not known',
    message: (_: UnknownErrorParams) => 'An unknown error occurred.',
    exampleParams: {},
  },
  INTERNAL_SERVER_ERROR: {
    type: 'INTERNAL_SERVER_ERROR',
    status: 500,
    retryable: true,
    reroutable: false,
    addition: false,
    retryHint: false,
    description: 'Internal server error',
    message: (_: NoParams) => 'Something went wrong on our side. Quote the request_id when you contact support.',
    exampleParams: {},
  },
  MODEL_UNAVAILABLE: {
    type: 'AVAILABILITY_ERROR',
    status: 503,
    retryable: true,
    reroutable: false,
    addition: true,
    retryHint: true,
    description: 'The model exists but no provider can serve it right now',
    message: (p: ModelUnavailableParams) =>
      `Model ${p.model} is temporarily unavailable. Try again in ${p.retry_after_ms} ms.`,
    exampleParams: { model: 'flux-pro-1.1', retry_after_ms: 30000 },
  },
  SERVICE_UNAVAILABLE: {
    type: 'AVAILABILITY_ERROR',
    status: 503,
    retryable: true,
    reroutable: false,
    addition: true,
    retryHint: true,
    description: 'The service is starting, shutting down or overloaded',
    message: (p: ServiceUnavailableParams) =>
      p.retry_after_ms === undefined
        ? 'The service is unavailable. Try again shortly.'
        : `The service is unavailable. Try again in ${p.retry_after_ms} ms.`,
    exampleParams: { retry_after_ms: 5000 },
  },
  RATE_LIMITED: {
    type: 'AVAILABILITY_ERROR',
    status: 429,
    retryable: true,
    reroutable: false,
    addition: true,
    retryHint: true,
    description:
      'This key is at one of its limits: unfinished jobs at once, requests a minute or images a minute',
    message: (p: RateLimitedParams) => `This key is at one of its limits. Retry in ${p.retry_after_ms} ms.`,
    exampleParams: { retry_after_ms: 1200 },
  },
} as const satisfies { [C in keyof ErrorParams]: CatalogEntry<ErrorParams[C]> };
