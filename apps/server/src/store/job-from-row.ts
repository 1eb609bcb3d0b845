import type { OpenPixelsErrorEnvelope } from '@openpixels/errors';
import type { AttemptRecord, JobRecord, JobStatus } from '../jobs/job-record.ts';
import type { ModelId } from '../models/model-catalog.ts';
import type { UpstreamJob } from '../providers/provider-adapter.ts';
import type { RoutingPreferences } from '../routing/routing-preferences.ts';

/**
 * A `jobs` row as either engine answers it. `J` is how the JSON columns (routing, error,
 * attempts, upstream) arrive: text in SQLite, already parsed from jsonb by postgres.js.
 */
export interface JobRow<J> {
  id: string;
  key_id: string;
  model: string;
  prompt: string;
  width: number;
  height: number;
  routing: J;
  price: number;
  status: JobStatus;
  provider: string | null;
  result_url: string | null;
  error: J | null;
  attempts: J;
  upstream: J | null;
  created_at: number;
  updated_at: number;
  deadline_at: number;
  finished_at: number | null;
}

/** The JobRecord a row holds; `decode` turns one JSON column into its value (JSON.parse for text, identity for parsed jsonb). */
export function jobFromRow<J>(row: JobRow<J>, decode: (column: J) => unknown): JobRecord {
  return {
    id: row.id,
    keyId: row.key_id,
    model: row.model as ModelId,
    prompt: row.prompt,
    width: row.width,
    height: row.height,
    routing: decode(row.routing) as RoutingPreferences,
    price: row.price,
    status: row.status,
    provider: row.provider,
    resultUrl: row.result_url,
    error: row.error === null ? null : (decode(row.error) as OpenPixelsErrorEnvelope),
    attempts: decode(row.attempts) as AttemptRecord[],
    upstream: row.upstream === null ? null : (decode(row.upstream) as UpstreamJob),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deadlineAt: row.deadline_at,
    finishedAt: row.finished_at,
  };
}
