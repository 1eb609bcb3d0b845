import type { routingSchema } from '@openpixels/wire';
import type { FromSchema } from 'json-schema-to-ts';

/** The routing preferences a job was submitted with (`config.routing`), its default strategy filled in. */
export type RoutingPreferences = FromSchema<typeof routingSchema>;
