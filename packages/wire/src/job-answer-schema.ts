import type { OpenPixelsErrorEnvelope } from '@openpixels/errors';
import type { FromSchema } from 'json-schema-to-ts';
import { finishedJobStatuses, unfinishedJobStatuses } from './job-statuses.ts';

/** Where the error envelope's schema sits in the OpenAPI document (the errors package's JSON Schema). */
export const errorEnvelopeRef = '#/components/schemas/ErrorEnvelope';

/** The answer about a job that is accepted and not finished yet. */
export const jobUpdateSchema = {
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
    status: { enum: unfinishedJobStatuses },
  },
} as const;

const jobMetaSchema = {
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

/** The answer about a finished job. */
export const jobResultSchema = {
  type: 'object',
  title: 'JobResult',
  description:
    'The job finished. `data.url` holds the image when it completed; `error` holds an OpenPixels error envelope when it failed or was cancelled (`JOB_CANCELLED`); either way its credits were refunded.',
  required: ['type', 'id', 'status', 'meta'],
  properties: {
    type: { const: 'result' },
    id: { type: 'string' },
    status: { enum: finishedJobStatuses },
    data: {
      type: 'object',
      required: ['url'],
      properties: { url: { type: 'string', format: 'uri' } },
    },
    error: { $ref: errorEnvelopeRef },
    meta: jobMetaSchema,
  },
} as const;

/** What submit and poll answer with: the job's current state. */
export const jobAnswerSchema = {
  oneOf: [jobUpdateSchema, jobResultSchema],
} as const;

// The answer schemas leave additional properties open (a newer server may add fields), which
// FromSchema types as an index signature; the answers this version sends have only these keys.
type KnownKeys<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

/** A job still on its way, as the wire carries it. */
export type JobUpdateAnswer = KnownKeys<FromSchema<typeof jobUpdateSchema>>;

/** A finished job, as the wire carries it; `error` is the errors package's envelope. */
export type JobResultAnswer = Omit<KnownKeys<FromSchema<typeof jobResultSchema>>, 'error'> & {
  error?: OpenPixelsErrorEnvelope;
};
