import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { renderPromptImage } from '../providers/local/render-prompt-image.ts';

/** How a stand-in behaves: succeed, fail with a status, never answer, answer garbage, drop the connection, or fail the job itself. */
export type StandInMode =
  | 'ok'
  | 'http-500'
  | 'http-400'
  | 'hang'
  | 'malformed-json'
  | 'reset'
  | 'job-error'
  /** A valid JSON answer padded to `hugeBytes`, with its Content-Length. */
  | 'huge'
  /** The same, streamed without a Content-Length (chunked). */
  | 'huge-chunked'
  /** fal only: the job completes, but fetching its result answers 302 to another place. */
  | 'redirect-result';

/** One request a stand-in received. */
export interface StandInCall {
  method: string;
  path: string;
  authorization: string | undefined;
  prefer: string | undefined;
  body: unknown;
}

export interface StandInProvider {
  /** Base URL to configure as the provider's `url`. */
  url: string;
  /** The platform's key it accepts (`Key …` for fal, `Bearer …` for Replicate). */
  key: string;
  /** Accepts `key` too from now on: another account's (a user who brings their own key). */
  acceptKey(key: string): void;
  setMode(mode: StandInMode): void;
  /** While held, jobs are accepted but stay in progress (fal `IN_PROGRESS`, Replicate `processing`). */
  hold(held: boolean): void;
  /** While held, new jobs' submits wait unanswered (a slow queue); releasing answers them all. */
  holdSubmits(held: boolean): void;
  /** How many requests arrived, whatever their fate. */
  readonly requests: number;
  /** Every request, in order. */
  readonly calls: StandInCall[];
  /** The requests that asked for a new job (fal's queue submit, Replicate's prediction create), in order. */
  readonly submits: StandInCall[];
  close(): Promise<void>;
}

interface StandInJob {
  id: string;
  app: string;
  model: string;
  prompt: string;
  width: number;
  height: number;
  failed: boolean;
  canceled: boolean;
  polls: number;
}

const MODEL_OUTPUT_IS_LIST = new Set(['black-forest-labs/flux-schnell', 'black-forest-labs/flux-dev']);

/**
 * A provider on 127.0.0.1 that speaks fal's queue API or Replicate's predictions API over
 * real HTTP, and fails on demand. Every mode but `job-error` applies to every request, so
 * a provider that went bad mid-job is bad on its status calls too.
 */
export async function startStandInProvider(options: {
  protocol: 'fal' | 'replicate';
  mode?: StandInMode;
  /** Size of the answers in the `huge` modes (default 8 MiB). */
  hugeBytes?: number;
  /** A job's first N status polls answer "in progress" (a provider that takes a while; default 0: done at once). */
  pollsBeforeDone?: number;
}): Promise<StandInProvider> {
  const pollsBeforeDone = options.pollsBeforeDone ?? 0;
  let mode: StandInMode = options.mode ?? 'ok';
  let held = false;
  let submitsHeld: Array<() => void> | undefined;
  /** True for a request that asks this provider for a new job. */
  const createsJob = (method: string | undefined, path: string) =>
    method === 'POST' && (options.protocol === 'fal' ? !path.includes('/requests/') : path.endsWith('/predictions'));
  const key = `standin_${randomBytes(12).toString('hex')}`;
  const calls: StandInCall[] = [];
  const accepted = new Set([key]);
  const jobs = new Map<string, StandInJob>();
  const sockets = new Set<Socket>();
  let base = '';

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    calls.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
      prefer: typeof req.headers.prefer === 'string' ? req.headers.prefer : undefined,
      body,
    });
    const path = (req.url ?? '/').split('?')[0] as string;
    if (submitsHeld && createsJob(req.method, path)) await new Promise<void>((resolve) => submitsHeld?.push(resolve));

    if (req.method === 'GET' && path.startsWith('/files/')) return servePicture(path, jobs, res);
    const scheme = options.protocol === 'fal' ? 'Key ' : 'Bearer ';
    const given = req.headers.authorization ?? '';
    if (!given.startsWith(scheme) || !accepted.has(given.slice(scheme.length))) {
      return send(res, 401, { detail: 'Invalid token' });
    }
    switch (mode) {
      case 'hang':
        return; // never answer; close() ends the socket
      case 'reset':
        req.socket.destroy();
        return;
      case 'http-500':
        return send(res, 500, { detail: 'Internal server error' });
      case 'http-400':
        return send(res, 400, { detail: 'Invalid request' });
      case 'malformed-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"request_id": "abc", "status": ');
        return;
      case 'huge':
      case 'huge-chunked':
        return sendHuge(res, options.hugeBytes ?? 8 * 1024 * 1024, mode === 'huge');
    }
    const failing = mode === 'job-error';
    if (options.protocol === 'fal') return fal(req, res, path, body, failing);
    return replicate(req, res, path, body, failing);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function fal(req: IncomingMessage, res: ServerResponse, path: string, body: unknown, failing: boolean) {
    const match = /^\/(.+?)\/requests\/([^/]+)(\/status|\/cancel)?$/.exec(path);
    if (req.method === 'POST' && !match) {
      const input = (body ?? {}) as {
        prompt?: unknown;
        image_size?: { width?: number; height?: number };
      };
      if (typeof input.prompt !== 'string')
        return send(res, 422, {
          detail: [{ loc: ['body', 'prompt'], msg: 'field required' }],
        });
      const segments = path.slice(1).split('/');
      const job: StandInJob = {
        id: randomUUID(),
        app: segments.slice(0, 2).join('/'),
        model: segments.join('/'),
        prompt: input.prompt,
        width: input.image_size?.width ?? 1024,
        height: input.image_size?.height ?? 768,
        failed: failing,
        canceled: false,
        polls: 0,
      };
      jobs.set(job.id, job);
      const at = `${base}/${job.app}/requests/${job.id}`;
      return send(res, 200, {
        request_id: job.id,
        response_url: at,
        status_url: `${at}/status`,
        cancel_url: `${at}/cancel`,
        queue_position: 0,
      });
    }
    const job = match ? jobs.get(match[2] as string) : undefined;
    if (!match || !job || job.app !== match[1]) return send(res, 404, { detail: 'Request not found' });
    const at = `${base}/${job.app}/requests/${job.id}`;
    if (match[3] === '/cancel' && req.method === 'PUT') {
      job.canceled = true;
      return send(res, 202, { status: 'CANCELLATION_REQUESTED' });
    }
    if (match[3] === '/status' && req.method === 'GET') {
      job.polls += 1;
      if (held || job.polls <= pollsBeforeDone)
        return send(res, 200, { status: 'IN_PROGRESS', response_url: at, logs: [] });
      return send(res, 200, {
        status: 'COMPLETED',
        response_url: at,
        ...(job.failed
          ? {
              error: 'Image generation failed: the prompt was flagged',
              error_type: 'content_policy',
            }
          : {}),
      });
    }
    if (!match[3] && req.method === 'GET') {
      if (mode === 'redirect-result') {
        res.writeHead(302, { location: `${base}/elsewhere/${job.id}`, 'content-length': 0 });
        return res.end();
      }
      if (job.failed)
        return send(res, 422, {
          detail: [{ msg: 'Image generation failed: the prompt was flagged' }],
        });
      return send(res, 200, {
        images: [
          {
            url: `${base}/files/${job.id}.png`,
            width: job.width,
            height: job.height,
            content_type: 'image/png',
          },
        ],
        seed: 42,
        has_nsfw_concepts: [false],
        prompt: job.prompt,
      });
    }
    return send(res, 405, { detail: 'Method not allowed' });
  }

  function replicate(req: IncomingMessage, res: ServerResponse, path: string, body: unknown, failing: boolean) {
    const create = /^\/v1\/(?:models\/([^/]+\/[^/]+)\/)?predictions$/.exec(path);
    if (req.method === 'POST' && create) {
      const input = (
        body as {
          input?: { prompt?: unknown; width?: number; height?: number };
        } | null
      )?.input;
      if (typeof input?.prompt !== 'string') {
        return send(res, 422, {
          title: 'Input validation failed',
          detail: '- input: prompt is required',
          status: 422,
        });
      }
      const job: StandInJob = {
        id: randomBytes(13).toString('hex'),
        app: '',
        model: create[1] ?? 'version',
        prompt: input.prompt,
        width: input.width ?? 1024,
        height: input.height ?? 1024,
        failed: failing,
        canceled: false,
        polls: 0,
      };
      jobs.set(job.id, job);
      // With `Prefer: wait` the answer waits for the (instant) result; without, it starts.
      const waited = typeof req.headers.prefer === 'string' && req.headers.prefer.startsWith('wait');
      return send(res, 201, prediction(job, waited && !held));
    }
    const one = /^\/v1\/predictions\/([^/]+)(\/cancel)?$/.exec(path);
    const job = one ? jobs.get(one[1] as string) : undefined;
    if (!one || !job)
      return send(res, 404, {
        title: 'Not found',
        detail: 'Not found.',
        status: 404,
      });
    if (one[2] && req.method === 'POST') {
      job.canceled = true;
      return send(res, 200, prediction(job, false));
    }
    if (!one[2] && req.method === 'GET') {
      job.polls += 1;
      return send(res, 200, prediction(job, !held && job.polls > pollsBeforeDone));
    }
    return send(res, 405, { title: 'Method not allowed', status: 405 });
  }

  function prediction(job: StandInJob, finished: boolean) {
    const status = job.canceled ? 'canceled' : !finished ? 'starting' : job.failed ? 'failed' : 'succeeded';
    const url = `${base}/files/${job.id}.png`;
    return {
      id: job.id,
      model: job.model,
      version: 'hidden',
      input: { prompt: job.prompt },
      status,
      output: status === 'succeeded' ? (MODEL_OUTPUT_IS_LIST.has(job.model) ? [url] : url) : null,
      error: status === 'failed' ? 'NSFW content detected. Try running it again, or try a different prompt.' : null,
      logs: '',
      urls: {
        get: `${base}/v1/predictions/${job.id}`,
        cancel: `${base}/v1/predictions/${job.id}/cancel`,
      },
      created_at: new Date().toISOString(),
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url: base,
    key,
    acceptKey(another) {
      accepted.add(another);
    },
    setMode(next) {
      mode = next;
    },
    hold(next) {
      held = next;
    },
    holdSubmits(next) {
      const waiting = submitsHeld;
      submitsHeld = next ? (waiting ?? []) : undefined;
      if (!next) for (const release of waiting ?? []) release();
    },
    get requests() {
      return calls.length;
    },
    get submits() {
      return calls.filter((c) => createsJob(c.method, c.path.split('?')[0] as string));
    },
    calls,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return null;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** `{"padding":"xxxx…"}` of about `bytes`, written in 64 KiB pieces as the socket takes them. */
function sendHuge(res: ServerResponse, bytes: number, withLength: boolean) {
  const piece = Buffer.alloc(64 * 1024, 'x');
  const head = '{"padding":"';
  const tail = '"}';
  const fill = Math.max(0, bytes - head.length - tail.length);
  res.writeHead(200, {
    'content-type': 'application/json',
    ...(withLength ? { 'content-length': fill + head.length + tail.length } : {}),
  });
  res.write(head);
  let left = fill;
  const pump = () => {
    while (left > 0) {
      const n = Math.min(left, piece.length);
      left -= n;
      if (!res.write(n === piece.length ? piece : piece.subarray(0, n))) return void res.once('drain', pump);
    }
    res.end(tail);
  };
  res.on('close', () => {
    left = 0;
  });
  pump();
}

function servePicture(path: string, jobs: Map<string, StandInJob>, res: ServerResponse) {
  const job = jobs.get(path.slice('/files/'.length).replace(/\.png$/, ''));
  if (!job) return send(res, 404, { detail: 'Not found' });
  const png = renderPromptImage(job.prompt, 64, 64);
  res.writeHead(200, {
    'content-type': 'image/png',
    'content-length': png.length,
  });
  res.end(png);
}
