// Writes schema/error-envelope.schema.json from the exported types: `pnpm schema`.
import { writeFileSync } from 'node:fs';
import { buildSchema, formatSchema, SCHEMA_PATH } from './build-schema.ts';

writeFileSync(SCHEMA_PATH, formatSchema(buildSchema()));
console.log(`wrote ${SCHEMA_PATH}`);
