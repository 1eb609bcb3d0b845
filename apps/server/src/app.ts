import cors from '@fastify/cors';
import { createError, DOCS_BASE_URL } from '@openpixels/errors';
import { Ajv } from 'ajv';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { registerAdminRoutes } from './admin/admin-routes.ts';
import type { AppDeps } from './app-deps.ts';
import type { ServerConfig } from './config.ts';
import { authenticateWith } from './http/authenticate.ts';
import { checkOperatorToken } from './http/check-operator-token.ts';
import { capConnections } from './http/connection-cap.ts';
import { type ErrorAnswerShape, type ErrorContext, sendClientError, sendError } from './http/error-response.ts';
import { parseJsonBody } from './http/parse-json-body.ts';
import { requestIdFor } from './http/request-id.ts';
import { RouteMethods } from './http/route-methods.ts';
import { routeNotFound } from './http/route-not-found.ts';
import { shuttingDownError } from './http/shutting-down-error.ts';
import type { GatewayMetrics } from './metrics/gateway-metrics.ts';
import { registerMetricsRoute } from './metrics/metrics-route.ts';
import { buildOpenApiDocument } from './openapi/build-openapi-document.ts';
import './route-config.ts';
import { registerCancelRoute } from './routes/cancel-route.ts';
import { registerCatalogRoutes } from './routes/catalog-routes.ts';
import { registerHealthRoutes } from './routes/health-routes.ts';
import { registerImageRoute } from './routes/image-route.ts';
import { registerPollRoute } from './routes/poll-route.ts';
import { registerProviderKeysRoute } from './routes/provider-keys-route.ts';
import { registerSubmitRoute } from './routes/submit-route.ts';
import { falErrorAnswer } from './fal/fal-error-answer.ts';
import { FAL_CORS_REQUEST_HEADERS, FAL_REQUEST_ID_HEADER, isFalPath, registerFalRoutes } from './fal/fal-routes.ts';

/**
 * How an error is answered on this path: in fal's shape anywhere under the fal route (also a
 * wrong method, an unknown path or an unreadable body there), as the plain envelope elsewhere.
 */
function errorShapeFor(url: string): ErrorAnswerShape | undefined {
  return isFalPath(url) ? falErrorAnswer : undefined;
}

/**
 * The Fastify instance with everything that is not a route: logging, request ids, the body
 * limit, validation, and the error handling that makes every error an envelope.
 */
export function createFastify(
  config: ServerConfig,
  metrics?: Pick<GatewayMetrics, 'errorAnswered'>,
  logStream?: { write(line: string): void },
): FastifyInstance {
  const routeMethods = new RouteMethods();
  const errors: ErrorContext = {
    bodyLimitBytes: config.bodyLimitBytes,
    allowedMethods: (path) => routeMethods.allowed(path),
    docsBaseUrl: () => config.docsUrl ?? DOCS_BASE_URL,
    ...(metrics ? { onError: (code) => metrics.errorAnswered(code) } : {}),
  };
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie'],
        censor: '[redacted]',
      },
      ...(logStream ? { stream: logStream } : {}),
    },
    genReqId: requestIdFor,
    bodyLimit: config.bodyLimitBytes,
    // Shutdown answers with our own SERVICE_UNAVAILABLE envelope (see the onRequest hook).
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // A long poll may be held for pollWaitMs; anything slower than that plus a margin is stuck.
    requestTimeout: config.pollWaitMs + 30_000,
    frameworkErrors: (error, request, reply) => sendError(error, request, reply, errors, errorShapeFor(request.url)),
    clientErrorHandler: (error, socket) => {
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || !socket.writable) return socket.destroy();
      sendClientError(error, socket, `req_client_${Date.now().toString(36)}`, errors);
    },
  });
  app.addHook('onRoute', (route) => {
    // The admin API off: its paths are unknown to the "wrong method" answer too, so no method on
    // them tells that they exist (each is ROUTE_NOT_FOUND, as a path with no route is).
    if ((route.config as { admin?: boolean } | undefined)?.admin && config.adminToken === null) return;
    routeMethods.add(route.method, route.url);
  });

  // Bodies are checked strictly (a "1024" string is not a width); query strings and path
  // params are text on the wire, so those are coerced. Every problem is reported, not the first.
  const strict = new Ajv({
    allErrors: true,
    verbose: true,
    coerceTypes: false,
    useDefaults: true,
    strict: false,
  });
  const coercing = new Ajv({
    allErrors: true,
    verbose: true,
    coerceTypes: true,
    useDefaults: true,
    strict: false,
  });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' || httpPart === 'headers' ? strict : coercing).compile(schema),
  );
  app.setSchemaErrorFormatter((errors, dataVar) =>
    Object.assign(new Error(`${dataVar} is invalid`), { validation: errors }),
  );
  // Response schemas document the API; answers are plain JSON built by the handlers.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // Browsers may call the API directly (the SDK runs there); preflights are answered before
  // auth, and error answers carry the CORS headers too, so a page can read the envelope.
  if (config.corsOrigins.length > 0) {
    app.register(cors, {
      origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
      // PUT and the fal headers: fal's client in a browser cancels with PUT and sends its own headers.
      methods: ['GET', 'POST', 'PUT', 'OPTIONS'],
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key', ...FAL_CORS_REQUEST_HEADERS],
      exposedHeaders: ['retry-after', 'x-request-id', FAL_REQUEST_ID_HEADER],
      maxAge: 600,
      // The strict check answers a bare OPTIONS with a text/plain 400, outside the contract;
      // answering it like a preflight tells a client no more than the preflight would.
      strictPreflight: false,
    });
  }

  // Past the cap, a connection may only reach health checks; everything else is refused at once.
  const cap = capConnections(app.server, config.maxConnections);
  app.addHook('onRequest', (request, reply, done) => {
    if (!cap.isOverCap(request.raw.socket) || request.routeOptions.config.pastConnectionCap) return done();
    reply.header('connection', 'close');
    done(
      createError(
        'SERVICE_UNAVAILABLE',
        { retry_after_ms: 1000 },
        { message: 'The server has as many connections open as it allows. Try again in 1000 ms.' },
      ),
    );
  });

  // JSON only: a text/plain body is answered with 415 instead of failing validation as a string.
  app.removeContentTypeParser('text/plain');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply, errors, errorShapeFor(request.url)));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      Object.assign(new Error('no route'), { code: 'FST_ERR_NOT_FOUND' }),
      request,
      reply,
      errors,
      errorShapeFor(request.url),
    ),
  );
  // Hooks on every request are callback-style, not async: an async hook costs a promise and
  // its resolution per request, which showed up in the profile under load.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
  return app;
}

/** Adds the hooks that need the server's state, and every route, to an instance from `createFastify`. */
export function registerApi(app: FastifyInstance, deps: AppDeps): void {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.decorateRequest('apiKey', null);

  // While draining, every answer closes its connection, so close() is not held by keep-alive sockets.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (deps.lifecycle.draining) reply.header('connection', 'close');
    done(null, payload);
  });
  // Counted once the answer is sent; the route's pattern, not its path, keeps the labels few.
  app.addHook('onResponse', (request, reply, done) => {
    deps.metrics.requestAnswered(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode);
    done();
  });
  const authenticate = authenticateWith(deps.keys);
  app.addHook('onRequest', (request, reply, done) => {
    const config = request.routeOptions.config;
    if (deps.lifecycle.draining && !config.duringShutdown) {
      reply.header('connection', 'close');
      return done(shuttingDownError());
    }
    if (config.admin) {
      // Off: as if there were no such route. On: the admin token, and nothing else, lets it through.
      if (deps.config.adminToken === null) return done(routeNotFound(request));
      try {
        checkOperatorToken(request.headers.authorization, deps.config.adminToken);
      } catch (error) {
        return done(error as Error);
      }
      return done();
    }
    if (!config.auth) return done();
    authenticate(request).then(() => {
      // A key without a request limit (the default) costs nothing more here.
      const counted = deps.rateLimiter.takeRequest(request.apiKey as NonNullable<typeof request.apiKey>);
      if (!counted) return done();
      counted.then(() => done(), done);
    }, done);
  });

  registerSubmitRoute(app, deps);
  registerPollRoute(app, deps);
  registerCancelRoute(app, deps);
  registerCatalogRoutes(app, deps);
  registerImageRoute(app, deps);
  registerHealthRoutes(app, deps);
  registerFalRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerProviderKeysRoute(app, deps);
  registerMetricsRoute(app, {
    metrics: deps.metrics,
    enabled: deps.config.metricsPort === null && deps.config.metricsToken !== null,
    token: deps.config.metricsToken,
  });

  let document: object | undefined;
  app.get(
    '/openapi.json',
    {
      schema: { summary: 'This document', tags: ['meta'] },
      config: { duringShutdown: true },
    },
    async () => {
      document ??= buildOpenApiDocument(routes, {
        serverUrl: deps.config.publicUrl,
      });
      return document;
    },
  );
  app.get(
    '/',
    {
      schema: { summary: 'Where to start', tags: ['meta'] },
      config: { duringShutdown: true },
    },
    async () => ({
      name: 'OpenPixels',
      openapi: '/openapi.json',
      submit: 'POST /v2/submit',
      poll: 'GET /v2/poll/{id}',
      cancel: 'POST /v2/cancel/{id}',
    }),
  );
}
