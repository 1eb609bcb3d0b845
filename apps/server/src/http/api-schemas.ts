// JSON Schemas of the API's requests and answers. Routes validate with them and the OpenAPI
// document is built from them, so the two cannot disagree.
// The job wire shapes (submit body, routing, job answers) are in `@openpixels/wire`, shared with
// the SDK; these are the gateway's own.

/** The optional request headers of `POST /v2/submit`. */
export const submitHeadersSchema = {
  type: 'object',
  properties: {
    'idempotency-key': {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      pattern: '^[\\x21-\\x7E]+$',
      description:
        'Makes a retried submit safe: the same key with the same body within 24 hours returns the first job instead of starting (and charging) another.',
    },
  },
} as const;

/** A `wait_ms` in a query string: how long a request may be held waiting for its job. */
const WAIT_MS = { type: 'integer', minimum: 0, maximum: 85000 } as const;

/** `POST /v2/submit`'s query string. */
export const submitQuerySchema = {
  type: 'object',
  properties: {
    wait_ms: {
      ...WAIT_MS,
      description:
        "How long to hold the answer waiting for the job to finish, instead of the server's brief default (`OPENPIXELS_SUBMIT_WAIT_MS`); capped like a poll's wait (25 s by default). A job that finishes within it is answered as its result, saving the poll. Until submit answers the client does not know the job's id: send an Idempotency-Key with a long wait, so that a dropped connection can be retried without a second charge.",
    },
  },
} as const;

/** A job id in a path. */
export const jobIdParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: 'The job id from submit.',
    },
  },
} as const;

/** `GET /v2/poll/:id`'s query string. */
export const pollQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    wait_ms: {
      ...WAIT_MS,
      description:
        'How long to hold the poll open waiting for the job to finish; the server caps it at its own limit (25 s by default). 0 answers at once.',
    },
  },
} as const;

const circuitSchema = {
  type: 'object',
  required: ['state', 'consecutive_failures', 'opened_at', 'retry_at'],
  properties: {
    state: { enum: ['closed', 'open', 'half_open'] },
    consecutive_failures: { type: 'integer' },
    opened_at: { type: ['string', 'null'], format: 'date-time' },
    retry_at: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

/** `GET /v2/providers`. */
export const providersAnswerSchema = {
  type: 'object',
  required: ['providers'],
  properties: {
    providers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'models', 'circuit', 'stats'],
        properties: {
          id: { type: 'string' },
          models: { type: 'array', items: { type: 'string' } },
          circuit: circuitSchema,
          stats: {
            type: 'object',
            description: 'Measurements since the server started, per model.',
            additionalProperties: {
              type: 'object',
              required: ['attempts', 'successes', 'failures', 'success_rate', 'latency_ms'],
              properties: {
                attempts: { type: 'integer' },
                successes: { type: 'integer' },
                failures: {
                  type: 'integer',
                  description: 'Attempts that showed the provider unhealthy.',
                },
                success_rate: { type: ['number', 'null'] },
                latency_ms: {
                  type: ['integer', 'null'],
                  description: 'Weighted mean of successful attempts.',
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

/** `GET /v2/models`. */
export const modelsAnswerSchema = {
  type: 'object',
  required: ['models'],
  properties: {
    models: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'aliases', 'price', 'description', 'providers'],
        properties: {
          id: { type: 'string' },
          aliases: { type: 'array', items: { type: 'string' } },
          price: { type: 'integer', description: 'Credits one image costs.' },
          description: { type: 'string' },
          providers: {
            type: 'array',
            items: { type: 'string' },
            description: 'Providers here that serve it.',
          },
        },
      },
    },
  },
} as const;

/** `GET /v2/balance`. */
export const balanceAnswerSchema = {
  type: 'object',
  required: ['key_id', 'name', 'balance'],
  properties: {
    key_id: { type: 'string' },
    name: { type: 'string' },
    balance: {
      type: 'integer',
      description: 'Credits left; credits held by running jobs are already taken off.',
    },
  },
} as const;

/** Health answers. */
export const statusAnswerSchema = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', examples: ['ok'] } },
} as const;

/** A provider credential a key brings: kept, or null to drop it. */
const ownCredentialSchema = {
  type: ['string', 'null'],
  minLength: 1,
  maxLength: 1000,
  description: 'Your credential for this provider (null removes it). Never shown again.',
} as const;

/** `PUT /v2/provider-keys`: what to change (a field left out stays as it is). */
export const ownProviderKeysBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    fal: ownCredentialSchema,
    replicate: ownCredentialSchema,
    reroute: {
      type: 'boolean',
      description: "When your credential fails, may the job move to the platform's providers (and be charged)?",
    },
  },
} as const;

/** `GET`/`PUT /v2/provider-keys`: which credentials are set, never the credentials. */
export const ownProviderKeysAnswerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['fal', 'replicate', 'reroute'],
  properties: {
    fal: { type: 'boolean', description: 'A fal credential is set.' },
    replicate: { type: 'boolean', description: 'A Replicate credential is set.' },
    reroute: { type: 'boolean' },
  },
} as const;
