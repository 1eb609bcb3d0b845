import { type ErrorCode, errorCatalog, errorCodes, isKnownCode } from '@openpixels/errors';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAL_TARGET_HEADER } from '../fal/fal-routes.ts';
import { falEndpointIds } from '../models/fal-endpoints.ts';
import { badBody, badHeaders, badSegment, safeHeaders } from '../testing/bad-input-corpus.ts';
import { type ErrorResponseOptions, expectErrorResponse } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

// The catalog's promise to a client: the HTTP status of an error answer is the catalog's
// status for its code, with no exception. Every route of the server's own OpenAPI document
// gets every kind of bad request (wrong method, no key, a wrong key, bad path params and
// query strings, the fuzz corpus of bodies and headers, a body and headers over the limits),
// and every answer is checked. The key holds no credits, so nothing renders.
//
// The fal route is checked the same way, by path prefix and as fal's proxy. It speaks fal's
// protocol, which sets one status of its own: INVALID_ARGUMENTS is fal's 422 (its client's
// ValidationError), with fal's `detail` beside the envelope. Every other code is sent with the
// catalog's status; JOB_NOT_FOUND and JOB_ALREADY_FINISHED carry fal's cancel `status` word.

const BODY_LIMIT = 4_096;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

interface Route {
  method: string;
  /** The path, with `{param}`s; for a fal proxy route, the fal URL sent in x-fal-target-url. */
  template: string;
  auth: boolean;
  /** The operator's token the route wants instead of an API key (admin, metrics). */
  token?: string;
  fal?: 'prefix' | 'proxy';
}

const METRICS_TOKEN = 'metrics-token-0123456789';
const ADMIN_TOKEN = 'admin-token-0123456789';

/** The statuses fal's protocol sets differently from the catalog's, and nothing else. */
const FAL_STATUS: Partial<Record<ErrorCode, number>> = { INVALID_ARGUMENTS: 422 };
/** fal's cancel `status` word the fal route puts beside these envelopes. */
const FAL_STATUS_WORD: Partial<Record<ErrorCode, string>> = {
  JOB_NOT_FOUND: 'NOT_FOUND',
  JOB_ALREADY_FINISHED: 'ALREADY_COMPLETED',
};

/**
 * fal's protocol paths for every endpoint the fal route serves (it is one wildcard route per
 * fal host, so the OpenAPI document cannot list them): submit and run per endpoint; status,
 * status stream, result and cancel per app. Each by path prefix; the first endpoint's also as fal's proxy.
 */
function falRoutes(): Route[] {
  const apps = [...new Set(falEndpointIds.map((endpoint) => endpoint.split('/').slice(0, 2).join('/')))];
  const calls = [
    ...falEndpointIds.flatMap((endpoint) => [
      { method: 'POST', host: 'queue', path: endpoint },
      { method: 'POST', host: 'run', path: endpoint },
    ]),
    ...apps.flatMap((app) => [
      { method: 'GET', host: 'queue', path: `${app}/requests/{id}/status` },
      { method: 'GET', host: 'queue', path: `${app}/requests/{id}/status/stream` },
      { method: 'GET', host: 'queue', path: `${app}/requests/{id}` },
      { method: 'PUT', host: 'queue', path: `${app}/requests/{id}/cancel` },
    ]),
  ];
  // Past its target check the proxy is the same code as the prefix: one endpoint's calls cover it.
  const [first = ''] = falEndpointIds;
  const firstApp = first.split('/').slice(0, 2).join('/');
  return calls.flatMap(({ method, host, path }) => [
    { method, template: `/fal/${host}/${path}`, auth: true, fal: 'prefix' as const },
    ...(path === first || path.startsWith(`${firstApp}/requests/`)
      ? [
          {
            method,
            template: `https://${host === 'queue' ? 'queue.fal.run' : 'fal.run'}/${path}`,
            auth: true,
            fal: 'proxy' as const,
          },
        ]
      : []),
  ]);
}

/** What a fal answer must look like for `code`: its status, and its extra fields checked and removed. */
function falProtocol(code: ErrorCode): NonNullable<ErrorResponseOptions['protocol']> {
  return {
    status: FAL_STATUS[code] ?? errorCatalog[code].status,
    envelopeOf: ({ detail, status, ...envelope }) => {
      if (code === 'INVALID_ARGUMENTS') {
        const issues = (envelope.params as { issues: { message: string }[] }).issues;
        expect(detail, 'fal detail, one per issue').toEqual(
          issues.map((issue) => expect.objectContaining({ msg: issue.message, type: 'value_error' })),
        );
      } else {
        expect(detail, `no fal detail on ${code}`).toBeUndefined();
      }
      expect(status, `fal status word on ${code}`).toBe(FAL_STATUS_WORD[code]);
      return envelope;
    },
  };
}

interface BadRequest {
  method: string;
  path: string;
  headers: Headers;
  body?: string;
  /** Sent to the fal route: checked against fal's protocol. */
  fal?: boolean;
}

let server: TestServer;
let routes: Route[];
const seen = new Set<ErrorCode>();
const seenOnFal = new Set<ErrorCode>();

beforeAll(async () => {
  // The operators' routes on too (metrics, admin), so they are held to the same promise.
  server = await startTestServer({
    credits: 0,
    bodyLimitBytes: BODY_LIMIT,
    metricsToken: METRICS_TOKEN,
    adminToken: ADMIN_TOKEN,
  });
  const document = (await (await server.call('/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
  };
  // /fal/proxy is in the document, but its calls depend on the target header: falRoutes() has them.
  routes = Object.entries(document.paths)
    .filter(([template]) => !template.startsWith('/fal/'))
    .flatMap(([template, operations]) =>
      Object.entries(operations).map(
        ([method, operation]): Route => {
          const admin = (operation.security ?? []).some((scheme) => 'adminToken' in scheme);
          const token = admin ? ADMIN_TOKEN : template === '/metrics' ? METRICS_TOKEN : undefined;
          return {
            method: method.toUpperCase(),
            template,
            auth: (operation.security ?? []).length > 0,
            ...(token ? { token } : {}),
          };
        },
      ),
    )
    .concat(falRoutes());
});
afterAll(() => server.close());

/** The route's path with every `{param}` filled by `fill` (URL-encoded, so it arrives as given). */
function pathOf(route: Route, fill = `job_${'f'.repeat(32)}`): string {
  return route.template.replace(/\{[^}]+\}/g, () => encodeURIComponent(fill));
}

/**
 * Where a request to `route` goes: its path, plus `suffix` (more path, a query string). A fal
 * proxy call goes to /fal/proxy with the filled target, suffix included, in its header.
 */
function addressOf(route: Route, headers: Headers, fill?: string, suffix = ''): string {
  if (route.fal !== 'proxy') return `${pathOf(route, fill)}${suffix}`;
  headers.set(FAL_TARGET_HEADER, `${pathOf(route, fill)}${suffix}`);
  return '/fal/proxy';
}

function withKey(route: Route, headers = new Headers()): Headers {
  headers.set('authorization', route.token ? `Bearer ${route.token}` : `Key ${server.key}`);
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
  const protocol = request.fal ? falProtocol(code) : undefined;
  await expectErrorResponse(response, code, {
    secrets: [server.key, ADMIN_TOKEN, METRICS_TOKEN],
    ...(protocol ? { protocol } : {}),
  });
  expect(response.status, `${request.method} ${request.path.slice(0, 80)} → ${code}`).toBe(
    protocol?.status ?? errorCatalog[code].status,
  );
  seen.add(code);
  if (request.fal) seenOnFal.add(code);
  return code;
}

/** Each kind of bad request, made for one route, with the code it must be answered with where only one fits. */
const KINDS: Record<string, (route: Route) => { request: BadRequest; expected?: ErrorCode } | undefined> = {
  'another method': (route) => {
    const method = METHODS.find((m) => !routes.some((r) => r.template === route.template && r.method === m));
    if (method === undefined || method === 'OPTIONS') return undefined;
    const headers = withKey(route);
    return { request: { method, path: addressOf(route, headers), headers }, expected: 'METHOD_NOT_ALLOWED' };
  },
  'a path no route has': (route) => {
    const headers = withKey(route);
    return {
      // Two segments: one would name a key under /admin/keys (`/admin/keys/:id`).
      request: { method: route.method, path: addressOf(route, headers, undefined, '/extra/more'), headers },
      // Under a fal host any path may name an endpoint (UNKNOWN_MODEL) or be another method's.
      ...(route.fal ? {} : { expected: 'ROUTE_NOT_FOUND' as const }),
    };
  },
  'no key': (route) => {
    if (!route.auth) return undefined;
    const headers = new Headers();
    return {
      request: { method: route.method, path: addressOf(route, headers), headers, ...bodyOf(route, '{}') },
      expected: 'MISSING_API_KEY',
    };
  },
  'a key that does not exist': (route) => {
    if (!route.auth) return undefined;
    const headers = new Headers({ authorization: `Key sk-op-${'0'.repeat(40)}` });
    return {
      request: { method: route.method, path: addressOf(route, headers), headers, ...bodyOf(route, '{}') },
      expected: 'INVALID_API_KEY',
    };
  },
  'headers over the limit': (route) => {
    const headers = withKey(route, new Headers({ 'x-pad': 'a'.repeat(20_000) }));
    return {
      request: { method: route.method, path: addressOf(route, headers), headers },
      expected: 'HEADERS_TOO_LARGE',
    };
  },
  'a body over the limit': (route) =>
    withBody(route, 'application/json', JSON.stringify({ prompt: 'x'.repeat(BODY_LIMIT * 2) }), 'PAYLOAD_TOO_LARGE'),
  'a body that is not JSON': (route) =>
    withBody(route, 'text/csv', 'model,prompt\nflux-dev,a cat', 'UNSUPPORTED_MEDIA_TYPE'),
  'JSON that does not parse': (route) => withBody(route, 'application/json', '{"model": ', 'INVALID_ARGUMENTS'),
  'a path param that is no id': (route) => {
    if (!route.template.includes('{')) return undefined;
    const headers = withKey(route);
    return { request: { method: route.method, path: addressOf(route, headers, 'not an id!'), headers } };
  },
  'a query string of nonsense': (route) => {
    const headers = withKey(route);
    return {
      request: {
        method: route.method,
        path: addressOf(route, headers, undefined, '?wait_ms=-5&wait_ms=abc&%zz=1&logs=maybe'),
        headers,
        ...bodyOf(route, '{}'),
      },
    };
  },
  'a fal submit the key cannot pay for': (route) => {
    if (!route.fal || route.method !== 'POST') return undefined;
    const headers = withKey(route, new Headers({ 'content-type': 'application/json' }));
    return {
      request: { method: 'POST', path: addressOf(route, headers), headers, body: '{"prompt":"a cat"}' },
      expected: 'NO_CREDITS',
    };
  },
  'a fal target that is not fal': (route) => {
    if (route.fal !== 'proxy') return undefined;
    const headers = withKey(route);
    addressOf(route, headers);
    headers.set(FAL_TARGET_HEADER, (headers.get(FAL_TARGET_HEADER) ?? '').replace('fal.run', 'fal.run.example.com'));
    return {
      request: { method: route.method, path: '/fal/proxy', headers, ...bodyOf(route, '{"prompt":"x"}') },
      expected: 'INVALID_ARGUMENTS',
    };
  },
};

/** The route's request with a body (routes without one cannot be sent a body by fetch). */
function withBody(route: Route, contentType: string, body: string, expected: ErrorCode) {
  if (route.method === 'GET') return undefined;
  const headers = withKey(route, new Headers({ 'content-type': contentType }));
  return { request: { method: route.method, path: addressOf(route, headers), headers, body }, expected };
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
        const code = await sendAndCheck({ ...made.request, fal: route.fal !== undefined });
        if (made.expected !== undefined)
          expect(code, `${kind} on ${route.method} ${route.template}`).toBe(made.expected);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(routes.length * 4);
    // Hundreds of requests, each reading the key from the store (PostgreSQL in one run), on two shared cores.
  }, 90_000);

  it('every route, the fuzz corpus of methods, keys, params, bodies and headers', async () => {
    const request = fc
      .record({
        route: fc.constantFrom(...routes),
        method: fc.option(fc.constantFrom(...METHODS), { nil: undefined }),
        param: fc.option(badSegment, { nil: undefined }),
        query: fc.option(fc.tuple(fc.string({ maxLength: 10 }), badSegment), { nil: undefined }),
        // A fal proxy call's target, sometimes replaced by anything at all.
        target: fc.option(fc.oneof(badSegment, fc.webUrl()), { freq: 4, nil: undefined }),
        authorization: fc.oneof(fc.constant('valid'), fc.constant('none'), fc.string({ maxLength: 120 })),
        body: badBody,
        headers: badHeaders,
        padding: fc.option(fc.integer({ min: 10_000, max: 40_000 }), { freq: 5, nil: undefined }),
      })
      .map(({ route, method, param, query, target, authorization, body, headers, padding }): BadRequest => {
        const sent = safeHeaders(
          authorization === 'valid' || authorization === 'none' ? headers : { ...headers, authorization },
        );
        if (authorization === 'valid') withKey(route, sent);
        if (padding !== undefined) sent.set('x-pad', 'p'.repeat(padding));
        const chosen = method ?? route.method;
        const search = query ? `?${encodeURIComponent(query[0])}=${encodeURIComponent(query[1])}` : '';
        const path = addressOf(route, sent, param, search);
        if (route.fal === 'proxy' && target !== undefined) sent.set(FAL_TARGET_HEADER, target);
        return {
          method: chosen,
          path,
          headers: sent,
          ...(chosen === 'GET' ? {} : { body }),
          fal: route.fal !== undefined,
        };
      });
    await fc.assert(
      fc.asyncProperty(request, async (sent) => {
        await sendAndCheck(sent);
      }),
      { numRuns: 400 },
    );
  }, 90_000);

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

  it('saw the fal route answer with its own refusals and the protocol ones', () => {
    for (const code of [
      'METHOD_NOT_ALLOWED',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'INVALID_ARGUMENTS',
      'MISSING_API_KEY',
      'INVALID_API_KEY',
      'JOB_NOT_FOUND',
      'UNKNOWN_MODEL',
      'NO_CREDITS',
    ] as const) {
      expect(seenOnFal, code).toContain(code);
    }
  });

  it("fal's protocol changes the status of INVALID_ARGUMENTS only", () => {
    const changed = errorCodes.filter(
      (code) => (FAL_STATUS[code] ?? errorCatalog[code].status) !== errorCatalog[code].status,
    );
    expect(changed).toEqual(['INVALID_ARGUMENTS']);
  });
});
