import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ErrorCode, OpenPixelsErrorEnvelope } from '@openpixels/errors';
import { DATABASE_FILE } from '../store/sqlite/open-database.ts';
import { expectErrorEnvelope, expectErrorResponse } from './expect-error-envelope.ts';
import { type StandInMode, type StandInProvider, startStandInProvider } from './stand-in-provider.ts';
import { startTestServer, type TestServer, type TestServerOptions, waitForResult } from './start-test-server.ts';

/** Makes the server send one code for real and returns the envelope it sent. */
export type ErrorTrigger = (code: ErrorCode) => Promise<OpenPixelsErrorEnvelope>;

/** Per catalog code: how to make a real server send it, or why no server ever does. */
export type ErrorTriggers = Record<ErrorCode, ErrorTrigger | { neverSent: string }>;

/** Real servers and a fal stand-in, ready to send every code the server can send. */
export interface ErrorTriggerRig {
  triggers: ErrorTriggers;
  /** The main server the triggers use (others are started for codes that need their own). */
  server: TestServer;
  close(): Promise<void>;
}

/**
 * Starts the servers behind one real trigger per code, in a table keyed by every code of the
 * catalog: a code added to the errors package fails the type check here until it has a trigger
 * or a reason it is never sent. `options` go to every server started (e.g. a docs dir), so the
 * server test and the docs' browser test drive the same answers.
 */
export async function startErrorTriggers(options: TestServerOptions = {}): Promise<ErrorTriggerRig> {
  const standIn: StandInProvider = await startStandInProvider({ protocol: 'fal' });
  const extra: TestServer[] = [];
  const server = await startTestServer({
    ...options,
    providers: [
      { id: 'fal', kind: 'fal', url: standIn.url, key: standIn.key, timeoutMs: 300 },
      { id: 'fal-b', kind: 'fal', url: standIn.url, key: standIn.key, timeoutMs: 300 },
      { id: 'local', kind: 'local' },
    ],
    breaker: { failureThreshold: 1_000 },
  });

  const another = async (own: TestServerOptions): Promise<TestServer> => {
    const started = await startTestServer({ ...options, ...own });
    extra.push(started);
    return started;
  };

  const submit = (body: object, init: { on?: TestServer; headers?: Record<string, string>; auth?: boolean } = {}) =>
    (init.on ?? server).call('/v2/submit', {
      json: { prompt: 'every code', width: 256, height: 256, ...body },
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.auth === false ? { auth: false } : {}),
    });

  const idOf = async (response: Response): Promise<string> => ((await response.json()) as { id: string }).id;

  /** Runs a job pinned to the stand-in in `mode` and returns its result's error. */
  const jobErrorWith = async (mode: StandInMode, whitelist = ['fal']): Promise<unknown> => {
    standIn.setMode(mode);
    try {
      const response = await submit({ model: 'flux-dev', config: { routing: { whitelist } } });
      const result = await waitForResult(server, await idOf(response));
      assert.equal(result.status, 'failed');
      return result.error;
    } finally {
      standIn.setMode('ok');
    }
  };

  const triggers: ErrorTriggers = {
    INVALID_API_KEY: async (code) =>
      expectErrorResponse(
        await submit({ model: 'flux-dev' }, { headers: { authorization: `Key sk-op-${'z'.repeat(40)}` } }),
        code,
      ),
    MISSING_API_KEY: async (code) => expectErrorResponse(await submit({ model: 'flux-dev' }, { auth: false }), code),
    PROVIDER_ERROR: async (code) => expectErrorEnvelope(await jobErrorWith('reset'), code),
    PROVIDER_HTTP_ERROR: async (code) => expectErrorEnvelope(await jobErrorWith('http-500'), code),
    PROVIDER_JOB_ERROR: async (code) => expectErrorEnvelope(await jobErrorWith('job-error'), code),
    PROVIDER_TIMEOUT: async (code) => expectErrorEnvelope(await jobErrorWith('hang'), code),
    PROVIDER_NOT_FOUND: async (code) =>
      expectErrorResponse(await submit({ model: 'flux-dev', config: { routing: { whitelist: ['acme'] } } }), code),
    NO_PROVIDERS_WORKING: async (code) => expectErrorEnvelope(await jobErrorWith('http-500', ['fal', 'fal-b']), code),
    NO_CREDITS: async (code) => {
      const { key } = await server.createApiKey({ credits: 0 });
      return expectErrorResponse(
        await submit({ model: 'flux-dev' }, { headers: { authorization: `Key ${key}` } }),
        code,
      );
    },
    INVALID_ARGUMENTS: async (code) => expectErrorResponse(await submit({ model: 'flux-dev', width: 4096 }), code),
    UNKNOWN_MODEL: async (code) => expectErrorResponse(await submit({ model: 'sdxl' }), code),
    JOB_NOT_FOUND: async (code) => expectErrorResponse(await server.call(`/v2/poll/job_${'f'.repeat(32)}`), code),
    JOB_CANCELLED: async (code) => {
      standIn.setMode('hang');
      try {
        const id = await idOf(await submit({ model: 'flux-dev', config: { routing: { whitelist: ['fal'] } } }));
        const cancelled = await server.call(`/v2/cancel/${id}`, { method: 'POST' });
        assert.equal(cancelled.status, 200);
        return expectErrorEnvelope(((await cancelled.json()) as { error: unknown }).error, code);
      } finally {
        standIn.setMode('ok');
      }
    },
    JOB_ALREADY_FINISHED: async (code) => {
      const response = await submit({ model: 'flux-schnell', config: { routing: { whitelist: ['local'] } } });
      const { id } = await waitForResult(server, await idOf(response));
      return expectErrorResponse(await server.call(`/v2/cancel/${id as string}`, { method: 'POST' }), code);
    },
    ROUTE_NOT_FOUND: async (code) => expectErrorResponse(await server.call('/v2/sumbit', { method: 'POST' }), code),
    METHOD_NOT_ALLOWED: async (code) => expectErrorResponse(await server.call('/v2/submit', { method: 'PUT' }), code),
    PAYLOAD_TOO_LARGE: async (code) => expectErrorResponse(await submit({ prompt: 'x'.repeat(70_000) }), code),
    UNSUPPORTED_MEDIA_TYPE: async (code) =>
      expectErrorResponse(
        await server.call('/v2/submit', { method: 'POST', body: 'prompt=a', headers: { 'content-type': 'text/csv' } }),
        code,
      ),
    HEADERS_TOO_LARGE: async (code) =>
      expectErrorResponse(await server.call('/v2/models', { headers: { 'x-padding': 'a'.repeat(20_000) } }), code),
    UNKNOWN_ERROR: {
      neverSent: 'a decoder code for bodies that are not envelopes; the server sends INTERNAL_SERVER_ERROR instead',
    },
    INTERNAL_SERVER_ERROR: async (code) => {
      // A broken database is the kind of failure nobody plans for: its details must stay in the log.
      // Broken here by dropping a table from the SQLite file, so this one server is on SQLite.
      const broken = await another({ databaseUrl: null });
      const db = new DatabaseSync(join(broken.dataDir, DATABASE_FILE));
      db.exec('DROP TABLE idempotency_keys');
      db.close();
      const response = await submit({ model: 'flux-dev' }, { on: broken, headers: { 'idempotency-key': 'x1' } });
      const envelope = await expectErrorResponse(response, code, {
        secrets: ['idempotency_keys', 'SQLITE', 'no such table'],
      });
      assert.deepEqual(envelope.params, {});
      return envelope;
    },
    MODEL_UNAVAILABLE: async (code) => {
      const tripped = await another({
        providers: [{ id: 'fal', kind: 'fal', url: standIn.url, key: standIn.key }],
        breaker: { failureThreshold: 1, cooldownMs: 60_000 },
      });
      standIn.setMode('http-500');
      try {
        await waitForResult(tripped, await idOf(await submit({ model: 'flux-dev' }, { on: tripped })));
      } finally {
        standIn.setMode('ok');
      }
      return expectErrorResponse(await submit({ model: 'flux-dev' }, { on: tripped }), code);
    },
    SERVICE_UNAVAILABLE: async (code) => {
      const draining = await another({ local: { delayMs: 300 } });
      await submit({ model: 'flux-schnell' }, { on: draining });
      const closing = draining.close();
      const envelope = await expectErrorResponse(await submit({ model: 'flux-schnell' }, { on: draining }), code);
      await closing;
      return envelope;
    },
    RATE_LIMITED: async (code) => {
      const limited = await another({ maxActiveJobsPerKey: 1, local: { delayMs: 2_000 }, shutdownTimeoutMs: 0 });
      await submit({ model: 'flux-schnell' }, { on: limited });
      return expectErrorResponse(await submit({ model: 'flux-schnell' }, { on: limited }), code);
    },
  };

  return {
    triggers,
    server,
    async close() {
      await Promise.all([server.close(), ...extra.map((s) => s.close())]);
      await standIn.close();
    },
  };
}
