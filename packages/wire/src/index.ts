export {
  errorEnvelopeRef,
  type JobResultAnswer,
  type JobUpdateAnswer,
  jobAnswerSchema,
  jobResultSchema,
  jobUpdateSchema,
} from './job-answer-schema.ts';
export {
  type FinishedJobStatus,
  finishedJobStatuses,
  type JobStatus,
  jobStatuses,
  type UnfinishedJobStatus,
  unfinishedJobStatuses,
} from './job-statuses.ts';
export {
  aliasesOf,
  type ModelId,
  type ModelName,
  modelAliases,
  modelIds,
  modelNames,
} from './model-ids.ts';
export {
  type RoutingPreferences,
  type RoutingStrategy,
  routingSchema,
  routingStrategies,
} from './routing-schema.ts';
export {
  type SubmitBody,
  type SubmitPayload,
  submitBodySchema,
} from './submit-body-schema.ts';
