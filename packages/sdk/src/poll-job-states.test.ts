import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startDeadline } from './deadline.ts';
import type { JobState } from './job-state.ts';
import { pollJobStates } from './poll-job-states.ts';
import { resolveOptions } from './resolve-options.ts';
import { isNetworkError } from './transport-errors.ts';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

// A real HTTP server on 127.0.0.1 whose answers are scripted per request, so dropped sockets
// and hung long polls happen on a real connection through the platform's own fetch.
let close: (() => Promise<void>) | undefined;

async function serve(script: Handler[]): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url} ${request.headers.authorization}`);
    const handler = script.shift();
    if (handler) handler(request, response);
    else response.destroy();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  close = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

afterEach(async () => {
  await close?.();
  close = undefined;
});

const json =
  (body: unknown): Handler =>
  (_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
const dropSocket: Handler = (request) => request.socket.destroy();
const hang: Handler = () => {};
const dropMidBody: Handler = (_, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
  response.write('{"type":"res');
  setTimeout(() => response.destroy(), 5);
};

async function collect(url: string, overrides: { maxRetries?: number } = {}): Promise<JobState[]> {
  // requestTimeout is what ends the hung poll; it must still be well above how long an answered
  // poll takes on a loaded CI machine, or a slow answer counts as one more hung poll.
  const options = resolveOptions({ apiKey: 'sk-op-test', baseUrl: url, requestTimeout: 600, retryDelay: 1, maxRetryDelay: 5, ...overrides });
  const deadline = startDeadline(30_000);
  const states: JobState[] = [];
  try {
    for await (const state of pollJobStates(options, 'job 7', deadline)) states.push(state);
  } finally {
    deadline.end();
  }
  return states;
}

describe('pollJobStates over a real connection', () => {
  it('reconnects after dropped sockets, a body cut short and a hung long poll', async () => {
    const result = { type: 'result', id: 'job 7', status: 'completed', data: { url: 'http://127.0.0.1/x.png' } };
    const { url, requests } = await serve([
      dropSocket,
      json({ type: 'update', id: 'job 7', status: 'running' }),
      hang,
      dropMidBody,
      json(result),
    ]);
    const states = await collect(url);
    expect(states).toEqual([{ type: 'update', id: 'job 7', status: 'running' }, result]);
    expect(requests).toEqual(Array(5).fill('GET /v2/poll/job%207 Key sk-op-test'));
  });

  it('throws a NetworkError once the connection keeps dropping past maxRetries', async () => {
    const { url, requests } = await serve([dropSocket, dropSocket, dropSocket]);
    await expect(collect(url, { maxRetries: 2 })).rejects.toSatisfy(isNetworkError);
    expect(requests).toHaveLength(3);
  });
});
