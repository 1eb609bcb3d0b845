import { createError, type OpenPixelsErrorEnvelope } from '@openpixels/errors';
import { routingSchema } from '@openpixels/wire';
import { Ajv } from 'ajv';
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { parseJsonBody } from '../http/parse-json-body.ts';
import { type SchemaError, validationIssues } from '../http/validation-issues.ts';
import { admitJob, type JobRequest } from '../jobs/admission.ts';
import { cancelJob } from '../jobs/cancel-job.ts';
import { finishedWithin } from '../jobs/finished-within.ts';
import { isFinished, type JobRecord } from '../jobs/job-record.ts';
import { falAppOf, falEndpointIds, modelForFalEndpoint } from '../models/fal-endpoints.ts';
import type { ApiKeyRecord } from '../store/store.ts';
import { falFailedJobStatus } from './fal-error-answer.ts';
import { readFalInput } from './fal-input.ts';
import { streamFalStatus } from './fal-status-stream.ts';
import { falCancelAccepted, falOutput, falStatusView, falUrls } from './fal-views.ts';

/** fal's hosts a request may be meant for: its queue API and its synchronous runs. */
const FAL_HOSTS = { 'queue.fal.run': 'queue', 'fal.run': 'run' } as const;
type FalApi = (typeof FAL_HOSTS)[keyof typeof FAL_HOSTS];

/** Where the fal route lives: every path below it answers errors in fal's shape (see app.ts). */
const FAL_PATH_PREFIX = '/fal/';

/** True for a request URL on the fal route. */
export function isFalPath(url: string): boolean {
  return url.startsWith(FAL_PATH_PREFIX);
}

/** The header fal's client puts the real target in when it is given a `proxyUrl`. */
export const FAL_TARGET_HEADER = 'x-fal-target-url';
/** Where a fal app passes routing preferences (JSON of `config.routing`). */
export const FAL_ROUTING_HEADER = 'x-openpixels-routing';

/**
 * Request headers a browser app's fal client sends, which CORS must allow: fal's own (the
 * proxy target, queue priority, runner hint, start timeout, storage lifecycle) and ours.
 */
export const FAL_CORS_REQUEST_HEADERS = [
  FAL_TARGET_HEADER,
  'x-fal-queue-priority',
  'x-fal-runner-hint',
  'x-fal-request-timeout',
  'x-fal-object-lifecycle-preference',
  'accept',
  FAL_ROUTING_HEADER,
];
/** The answer header fal's client reads a request id from. */
export const FAL_REQUEST_ID_HEADER = 'x-fal-request-id';

const validateRouting = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(routingSchema);

/**
 * fal's queue API and synchronous runs, for the FLUX endpoints in `falEndpoints`, reached two
 * ways: by path prefix (`/fal/queue/…` for `queue.fal.run`, `/fal/run/…` for `fal.run`) and as
 * fal's proxy (`/fal/proxy` with the target in `x-fal-target-url`, fal's hosts only). Jobs
 * are admitted exactly like `/v2/submit`'s and can be polled there too.
 */
export function registerFalRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.register(async (fal) => {
    // fal's client sends `Content-Type: application/json` on every call, also on its cancel PUT,
    // which has no body: here an empty JSON body is no body, anything else is parsed as elsewhere.
    fal.removeContentTypeParser('application/json');
    fal.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, body === '' ? undefined : parseJsonBody(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    const config: FastifyContextConfig = {
      auth: true,
      errorCodes: [
        'NO_CREDITS',
        'UNKNOWN_MODEL',
        'JOB_NOT_FOUND',
        'JOB_ALREADY_FINISHED',
        'PROVIDER_NOT_FOUND',
        'NO_PROVIDERS_WORKING',
        'PROVIDER_ERROR',
        'MODEL_UNAVAILABLE',
        'RATE_LIMITED',
        'SERVICE_UNAVAILABLE',
      ],
    };
    const tags = ['fal'];
    for (const api of ['queue', 'run'] as const) {
      fal.route({
        method: api === 'queue' ? ['GET', 'POST', 'PUT'] : ['POST'],
        url: `/fal/${api}/*`,
        schema: {
          summary: api === 'queue' ? "fal's queue API (queue.fal.run)" : "fal's synchronous run (fal.run)",
          description: `Speaks fal's ${api === 'queue' ? 'queue protocol' : 'synchronous protocol'} for ${falEndpointIds.join(', ')}. Point fal's client here with a requestMiddleware that rewrites https://${api === 'queue' ? 'queue.fal.run' : 'fal.run'}/ to this prefix.`,
          tags,
        },
        config,
        handler: (request, reply) => {
          const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
          const path = `${(request.params as { '*': string })['*']}${search}`;
          const base = `${deps.config.publicUrl ?? ''}/fal/queue`;
          return answerFal(deps, request, reply, { api, path, queueBase: base });
        },
      });
    }
    fal.route({
      method: ['GET', 'POST', 'PUT'],
      url: '/fal/proxy',
      schema: {
        summary: "fal's proxy convention (proxyUrl)",
        description: `fal's client sends every call here with its real target in \`${FAL_TARGET_HEADER}\`; only https://queue.fal.run and https://fal.run targets are served.`,
        tags,
      },
      config,
      handler: (request, reply) => {
        const target = proxyTarget(request.headers[FAL_TARGET_HEADER]);
        return answerFal(deps, request, reply, { ...target, queueBase: 'https://queue.fal.run' });
      },
    });
  });
}

/** The fal API and path a proxied call is meant for; anything but fal's own hosts is refused. */
function proxyTarget(header: string | string[] | undefined): { api: FalApi; path: string } {
  const refuse = (message: string) =>
    createError('INVALID_ARGUMENTS', { issues: [{ path: `headers.${FAL_TARGET_HEADER}`, message }] });
  if (typeof header !== 'string' || header === '') throw refuse('is required: the fal URL this call is meant for');
  let url: URL;
  try {
    url = new URL(header);
  } catch {
    throw refuse('must be an absolute URL');
  }
  const api = Object.hasOwn(FAL_HOSTS, url.host) ? FAL_HOSTS[url.host as keyof typeof FAL_HOSTS] : undefined;
  if (url.protocol !== 'https:' || api === undefined || url.username !== '' || url.password !== '') {
    // Not an open proxy: nothing is ever fetched from the target; only fal's own hosts name an API we serve.
    throw refuse(`must be a https://queue.fal.run/… or https://fal.run/… URL; ${url.host} is not served here`);
  }
  return { api, path: `${url.pathname.slice(1)}${url.search}` };
}

interface FalCall {
  api: FalApi;
  /** The path below the fal host, without its leading slash, with any query string. */
  path: string;
  /** The queue URL the answer's `status_url` and friends are built on. */
  queueBase: string;
}

const REQUEST_PATH = /^(?<app>[^/]+\/[^/]+)\/requests\/(?<id>[^/]+)(?<rest>\/status|\/status\/stream|\/cancel)?$/;

async function answerFal(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, call: FalCall) {
  const [pathname = '', search = ''] = call.path.split('?', 2);
  const query = new URLSearchParams(search);
  const key = request.apiKey as NonNullable<typeof request.apiKey>;
  const keyId = key.id;
  reply.header('cache-control', 'no-store');
  const match = call.api === 'queue' ? REQUEST_PATH.exec(pathname) : null;

  if (match?.groups) {
    const { app, id, rest } = match.groups as { app: string; id: string; rest?: string };
    const allowed = rest === '/cancel' ? 'PUT' : 'GET';
    if (request.method !== allowed) {
      throw createError('METHOD_NOT_ALLOWED', { method: request.method, path: request.url, allowed: [allowed] });
    }
    const job = await findJob(deps, id, app, keyId);
    const urls = falUrls(call.queueBase, app, job.id);
    reply.header(FAL_REQUEST_ID_HEADER, job.id);
    if (rest === '/status') {
      // fal answers 202 while a request is not finished, 200 once it is.
      reply.code(isFinished(job.status) ? 200 : 202);
      return falStatusView(job, urls, wantsLogs(query));
    }
    if (rest === '/cancel') {
      // The same cancel as /v2/cancel/:id: refunded once, the provider's job cancelled too.
      await cancelJob(deps.runner, job.id, keyId);
      return reply.code(202).send(falCancelAccepted(job.id));
    }
    if (rest === '/status/stream') {
      return streamFalStatus(deps, reply, job, urls, wantsLogs(query));
    }
    return answerResult(reply, job);
  }

  if (request.method !== 'POST') {
    throw createError('METHOD_NOT_ALLOWED', { method: request.method, path: request.url, allowed: ['POST'] });
  }
  const job = await submit(deps, request, pathname, query, key);
  reply.header(FAL_REQUEST_ID_HEADER, job.id);
  if (call.api === 'run') {
    return answerResult(reply, await finished(deps, reply, job));
  }
  const app = falAppOf(job.model) as string;
  return { status: 'IN_QUEUE', queue_position: 0, ...falUrls(call.queueBase, app, job.id) };
}

/** fal's client asks for logs with `?logs=1`; `true` is what people write by hand. */
function wantsLogs(query: URLSearchParams): boolean {
  return query.get('logs') === '1' || query.get('logs') === 'true';
}

/** Admits a fal submit through the one admission path, with the endpoint's model and fal's input read into a job. */
async function submit(
  deps: AppDeps,
  request: FastifyRequest,
  endpoint: string,
  query: URLSearchParams,
  key: ApiKeyRecord,
): Promise<JobRecord> {
  const model = modelForFalEndpoint(endpoint);
  if (!model) throw createError('UNKNOWN_MODEL', { model: endpoint, available: falEndpointIds });
  if (query.has('fal_webhook')) {
    // Refused rather than ignored: an app waiting for a webhook that never comes would wait forever.
    throw createError('INVALID_ARGUMENTS', {
      issues: [{ path: 'query.fal_webhook', message: 'webhooks are not supported; poll the status instead' }],
    });
  }
  const input = readFalInput(request.body);
  const routing = readRouting(request.headers[FAL_ROUTING_HEADER]);
  const idempotencyKey = request.headers['idempotency-key'];
  const jobRequest: JobRequest = {
    model,
    ...input,
    ...(routing ? { routing } : {}),
    ...(typeof idempotencyKey === 'string' && idempotencyKey !== '' ? { idempotencyKey } : {}),
  };
  const { job } = await admitJob(deps, key, jobRequest);
  return finishedWithin(deps, job, deps.config.submitWaitMs);
}

/** The routing header's preferences: JSON of `config.routing`, checked by the same schema. */
function readRouting(header: string | string[] | undefined): JobRequest['routing'] {
  if (header === undefined) return undefined;
  const path = `headers.${FAL_ROUTING_HEADER}`;
  let value: unknown;
  try {
    value = JSON.parse(String(header));
  } catch {
    throw createError('INVALID_ARGUMENTS', {
      issues: [{ path, message: 'must be JSON, e.g. {"whitelist":["fal"]}' }],
    });
  }
  if (!validateRouting(value)) {
    const issues = validationIssues(validateRouting.errors as SchemaError[]).map((issue) => ({
      path: issue.path === '' ? path : `${path}.${issue.path}`,
      message: issue.message,
    }));
    throw createError('INVALID_ARGUMENTS', { issues });
  }
  return value as JobRequest['routing'];
}

/** The caller's job, if it is one of `app`'s; anything else is answered exactly like a missing job. */
async function findJob(deps: AppDeps, id: string, app: string, keyId: string): Promise<JobRecord> {
  const job = await deps.jobs.get(id);
  if (!job || job.keyId !== keyId || falAppOf(job.model) !== app) throw createError('JOB_NOT_FOUND', { id });
  return job;
}

/** Waits for a synchronous run's job to finish; the job runs on if the caller goes away. */
async function finished(deps: AppDeps, reply: FastifyReply, job: JobRecord) {
  const gone = new AbortController();
  const onClose = () => gone.abort();
  reply.raw.once('close', onClose);
  try {
    let current = job;
    while (current.status !== 'completed' && current.status !== 'failed' && !gone.signal.aborted) {
      await deps.events.wait(job.id, deps.config.pollWaitMs, gone.signal);
      current = (await deps.jobs.get(job.id)) ?? current;
    }
    return current;
  } finally {
    reply.raw.off('close', onClose);
  }
}

/** A job's result call: fal's output once completed, the job's envelope once failed, 400 before. */
function answerResult(reply: FastifyReply, job: JobRecord) {
  if (job.status === 'completed') return falOutput(job);
  if ((job.status === 'failed' || job.status === 'cancelled') && job.error) {
    const error: OpenPixelsErrorEnvelope = job.error;
    return reply.code(falFailedJobStatus(error.code)).type('application/json; charset=utf-8').send(error);
  }
  // fal answers a result asked for too early with 400 and a detail saying it is still running.
  throw createError('INVALID_ARGUMENTS', {
    issues: [{ path: '', message: `request ${job.id} is still in progress; wait for status COMPLETED` }],
  });
}
