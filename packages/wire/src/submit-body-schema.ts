import type { FromSchema } from 'json-schema-to-ts';
import { modelNames } from './model-ids.ts';
import { routingSchema } from './routing-schema.ts';

const size = (name: string) =>
  ({
    type: 'integer',
    minimum: 256,
    maximum: 2048,
    multipleOf: 8,
    default: 1024,
    description: `Image ${name} in pixels: a multiple of 8 from 256 to 2048.`,
  }) as const;

/**
 * `POST /v2/submit`'s body. `model` is any string here, not an enum of `modelIds`: an unknown
 * one must be answered `UNKNOWN_MODEL` (with the names served), not a generic validation error.
 */
export const submitBodySchema = {
  type: 'object',
  required: ['model', 'prompt'],
  additionalProperties: false,
  properties: {
    model: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: `The model to run: ${modelNames.join(', ')}.`,
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

/** A submit body as the server sees it once validated: the defaults (width, height) filled in. */
export type SubmitBody = FromSchema<typeof submitBodySchema>;

/** A submit body as a client may send it: defaulted fields optional. */
export type SubmitPayload = FromSchema<typeof submitBodySchema, { keepDefaultedPropertiesOptional: true }>;
