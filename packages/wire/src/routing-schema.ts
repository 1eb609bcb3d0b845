import type { FromSchema } from 'json-schema-to-ts';

/** How providers outside `ordering` are ranked: by measured reliability and speed, or uniformly. */
export const routingStrategies = ['best', 'random'] as const;

/** A routing strategy. */
export type RoutingStrategy = (typeof routingStrategies)[number];

const providerList = (description: string) =>
  ({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 64 },
    minItems: 1,
    maxItems: 16,
    uniqueItems: true,
    description,
  }) as const;

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
      enum: routingStrategies,
      default: 'best',
      description:
        'How to rank providers outside `ordering`: `best` by measured reliability and speed for the model, `random` uniformly.',
    },
  },
} as const;

/** Routing preferences as a client sends them: every field optional. */
export type RoutingPreferences = FromSchema<typeof routingSchema, { keepDefaultedPropertiesOptional: true }>;
