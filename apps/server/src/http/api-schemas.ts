// JSON Schemas of the API's requests and answers. Routes validate with them and the OpenAPI
// document is built from them, so the two cannot disagree.
import { acceptedModelNames } from '../models/model-catalog.ts';

const size = (name: string) => ({
  type: 'integer',
  minimum: 256,
  maximum: 2048,
  multipleOf: 8,
  default: 1024,
  description: `Image ${name} in pixels: a multiple of 8 from 256 to 2048.`,
});

const providerList = (description: string) => ({
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: 64 },
  minItems: 1,
  maxItems: 16,
  uniqueItems: true,
  description,
});

/** `config.routing`: which providers may serve a job (also the fal route's `x-openpixels-routing` header). */
export const routingSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'Which providers may serve the job, and in what order.',
  properties: {
    whitelist: providerList(
      'The only providers that may serve the job. Naming exactly one pins the job to it: no retry, no reroute, and its own error is returned.',
    ),
    ordering: providerList(
      'Providers to try first, in this order. Unhealthy ones are skipped, and others may serve the job when all of them fail.',
    ),
    strategy: {
      type: 'string',
      enum: ['best', 'random'],
      default: 'best',
      description:
        'How to rank providers outside `ordering`: `best` by measured reliability and speed for the model, `random` uniformly.',
    },
  },
} as const;

/** `POST /v2/submit`'s body. */
export const submitBodySchema = {
  type: 'object',
  required: ['model', 'prompt'],
  additionalProperties: false,
  properties: {
    model: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: `The model to run: ${acceptedModelNames().join(', ')}.`,
      examples: ['flux-dev'],
    },
    prompt: {
      type: 'string',
      minLength: 1,
      maxLength: 4000,
      pattern: '\\S',
      description: 'What to draw.',
      examples: ['a lighthouse at dusk, oil painting'],
    },
    width: size('width'),
    height: size('height'),
    config: {
      type: 'object',
      additionalProperties: false,
      properties: {
        routing: routingSchema,
      },
    },
  },
} as const;

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
      type: 'integer',
      minimum: 0,
      maximum: 85000,
      description:
        'How long to hold the poll open waiting for the job to finish; the server caps it at its own limit (25 s by default). 0 answers at once.',
    },
  },
} as const;

const jobMeta = {
  type: 'object',
  required: ['model', 'provider', 'attempts', 'duration_ms'],
  properties: {
    model: { type: 'string', description: 'The canonical model id.' },
    provider: {
      type: ['string', 'null'],
      description: 'The provider that served (or last tried) the job.',
    },
    attempts: { type: 'integer', description: 'Provider attempts made.' },
    duration_ms: { type: 'integer', description: 'From submit to the result.' },
  },
} as const;

/** What submit and poll answer with: the job's current state. */
export const jobAnswerSchema = {
  oneOf: [
    {
      type: 'object',
      title: 'JobUpdate',
      description: 'The job is accepted and not finished yet: poll again.',
      required: ['type', 'id', 'status'],
      properties: {
        type: { const: 'update' },
        id: {
          type: 'string',
          examples: ['job_3f1c0e9a5b7d4c2e8f6a1b0c9d8e7f6a'],
        },
        status: { enum: ['queued', 'processing'] },
      },
    },
    {
      type: 'object',
      title: 'JobResult',
      description:
        'The job finished. `data.url` holds the image when it completed; `error` holds an OpenPixels error envelope when it failed (its credits are refunded).',
      required: ['type', 'id', 'status', 'meta'],
      properties: {
        type: { const: 'result' },
        id: { type: 'string' },
        status: { enum: ['completed', 'failed'] },
        data: {
          type: 'object',
          required: ['url'],
          properties: { url: { type: 'string', format: 'uri' } },
        },
        error: { $ref: '#/components/schemas/ErrorEnvelope' },
        meta: jobMeta,
      },
    },
  ],
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
