import { type ErrorCode, errorCatalog, isKnownCode } from '@openpixels/errors';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badBody, badHeaders, badSegment, safeHeaders } from '../testing/bad-input-corpus.ts';
import { expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

// The catalog's promise to a client: the HTTP status of an error answer is the catalog's
// status for its code, with no exception. Every route of the server's own OpenAPI document
// gets every kind of bad request (wrong method, no key, a wrong key, bad path params and
// query strings, the fuzz corpus of bodies and headers, a body and headers over the limits),
// and every answer is checked. The key holds no credits, so nothing renders.

const BODY_LIMIT = 4_096;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

interface Route {
  method: string;
  template: string;
  auth: boolean;
}

interface BadRequest {
  method: string;
  path: string;
  headers: Headers;
  body?: string;
}

let server: TestServer;
let routes: Route[];
const seen = new Set<ErrorCode>();

beforeAll(async () => {
  server = await startTestServer({ credits: 0, bodyLimitBytes: BODY_LIMIT });
  const document = (await (await server.call('/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  // The fal route speaks fal's protocol: INVALID_ARGUMENTS is fal's 422 with fal's `detail`
  // beside the envelope (src/fal/fal-error-answer.ts); its statuses are checked in src/fal.
  routes = Object.entries(document.paths)
    .filter(([template]) => !template.startsWith('/fal/'))
    .flatMap(([template, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        auth: (operation.security ?? []).length > 0,
      })),
    );
});
afterAll(() => server.close());

/** The route's path with every `{param}` filled by `fill` (URL-encoded, so it arrives as given). */
function pathOf(route: Route, fill = `job_${'f'.repeat(32)}`): string {
  return route.template.replace(/\{[^}]+\}/g, () => encodeURIComponent(fill));
}

function withKey(headers = new Headers()): Headers {
  headers.set('authorization', `Key ${server.key}`);
  return headers;
}

/** Sends one request and checks its answer: success, or an envelope whose status is its code's. */
async function sendAndCheck(request: BadRequest): Promise<ErrorCode | 'ok'> {
  const response = await fetch(`${server.url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  if (response.status < 400) {
    await response.arrayBuffer();
    return 'ok';
  }
  const text = await response.clone().text();
  const code = (JSON.parse(text) as { code?: unknown }).code;
  if (!isKnownCode(code)) throw new Error(`HTTP ${response.status} with an unknown code: ${text.slice(0, 300)}`);
  await expectErrorResponse(response, code, { secrets: [server.key] });
  expect(response.status, `${request.method} ${request.path.slice(0, 80)} → ${code}`).toBe(errorCatalog[code].status);
  seen.add(code);
  return code;
}

/** Each kind of bad request, made for one route, with the code it must be answered with where only one fits. */
const KINDS: Record<string, (route: Route) => { request: BadRequest; expected?: ErrorCode } | undefined> = {
  'another method': (route) => {
    const method = METHODS.find((m) => !routes.some((r) => r.template === route.template && r.method === m));
    if (method === undefined || method === 'OPTIONS') return undefined;
    return { request: { method, path: pathOf(route), headers: withKey() }, expected: 'METHOD_NOT_ALLOWED' };
  },
  'a path no route has': (route) => ({
    request: { method: route.method, path: `${pathOf(route)}/extra`, headers: withKey() },
    expected: 'ROUTE_NOT_FOUND',
  }),
  'no key': (route) =>
    route.auth
      ? {
          request: { method: route.method, path: pathOf(route), headers: new Headers(), ...bodyOf(route, '{}') },
          expected: 'MISSING_API_KEY',
        }
      : undefined,
  'a key that does not exist': (route) =>
    route.auth
      ? {
          request: {
            method: route.method,
            path: pathOf(route),
            headers: new Headers({ authorization: `Key sk-op-${'0'.repeat(40)}` }),
            ...bodyOf(route, '{}'),
          },
          expected: 'INVALID_API_KEY',
        }
      : undefined,
  'headers over the limit': (route) => ({
    request: {
      method: route.method,
      path: pathOf(route),
      headers: withKey(new Headers({ 'x-pad': 'a'.repeat(20_000) })),
    },
    expected: 'HEADERS_TOO_LARGE',
  }),
  'a body over the limit': (route) =>
    withBody(route, 'application/json', JSON.stringify({ prompt: 'x'.repeat(BODY_LIMIT * 2) }), 'PAYLOAD_TOO_LARGE'),
  'a body that is not JSON': (route) =>
    withBody(route, 'text/csv', 'model,prompt\nflux-dev,a cat', 'UNSUPPORTED_MEDIA_TYPE'),
  'JSON that does not parse': (route) => withBody(route, 'application/json', '{"model": ', 'INVALID_ARGUMENTS'),
  'a path param that is no id': (route) =>
    route.template.includes('{')
      ? { request: { method: route.method, path: pathOf(route, 'not an id!'), headers: withKey() } }
      : undefined,
  'a query string of nonsense': (route) => ({
    request: {
      method: route.method,
      path: `${pathOf(route)}?wait_ms=-5&wait_ms=abc&%zz=1`,
      headers: withKey(),
      ...bodyOf(route, '{}'),
    },
  }),
};

/** The route's request with a body (routes without one cannot be sent a body by fetch). */
function withBody(route: Route, contentType: string, body: string, expected: ErrorCode) {
  if (route.method === 'GET') return undefined;
  const headers = withKey(new Headers({ 'content-type': contentType }));
  return { request: { method: route.method, path: pathOf(route), headers, body }, expected };
}

function bodyOf(route: Route, body: string): { body?: string } {
  if (route.method === 'GET') return {};
  return { body };
}

describe('every answer carries the catalog status of its code', () => {
  it('reads the routes from the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(8);
    expect(routes).toContainEqual({ method: 'POST', template: '/v2/submit', auth: true });
  });

  it('every route, every kind of bad request', async () => {
    let checked = 0;
    for (const route of routes) {
      for (const [kind, make] of Object.entries(KINDS)) {
        const made = make(route);
        if (made === undefined) continue;
        if (made.request.body !== undefined && !made.request.headers.has('content-type')) {
          made.request.headers.set('content-type', 'application/json');
        }
        const code = await sendAndCheck(made.request);
        if (made.expected !== undefined)
          expect(code, `${kind} on ${route.method} ${route.template}`).toBe(made.expected);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(routes.length * 4);
  });

  it('every route, the fuzz corpus of methods, keys, params, bodies and headers', async () => {
    const request = fc
      .record({
        route: fc.constantFrom(...routes),
        method: fc.option(fc.constantFrom(...METHODS), { nil: undefined }),
        param: fc.option(badSegment, { nil: undefined }),
        query: fc.option(fc.tuple(fc.string({ maxLength: 10 }), badSegment), { nil: undefined }),
        authorization: fc.oneof(fc.constant('valid'), fc.constant('none'), fc.string({ maxLength: 120 })),
        body: badBody,
        headers: badHeaders,
        padding: fc.option(fc.integer({ min: 10_000, max: 40_000 }), { freq: 5, nil: undefined }),
      })
      .map(({ route, method, param, query, authorization, body, headers, padding }): BadRequest => {
        const sent = safeHeaders(
          authorization === 'valid' || authorization === 'none' ? headers : { ...headers, authorization },
        );
        if (authorization === 'valid') withKey(sent);
        if (padding !== undefined) sent.set('x-pad', 'p'.repeat(padding));
        const chosen = method ?? route.method;
        const search = query ? `?${encodeURIComponent(query[0])}=${encodeURIComponent(query[1])}` : '';
        return {
          method: chosen,
          path: `${pathOf(route, param)}${search}`,
          headers: sent,
          ...(chosen === 'GET' ? {} : { body }),
        };
      });
    await fc.assert(
      fc.asyncProperty(request, async (sent) => {
        await sendAndCheck(sent);
      }),
      { numRuns: 400 },
    );
  });

  it('saw every refusal the protocol makes, and the request-level ones', () => {
    for (const code of [
      'ROUTE_NOT_FOUND',
      'METHOD_NOT_ALLOWED',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'HEADERS_TOO_LARGE',
      'INVALID_ARGUMENTS',
      'MISSING_API_KEY',
      'INVALID_API_KEY',
      'JOB_NOT_FOUND',
    ] as const) {
      expect(seen, code).toContain(code);
    }
  });
});
