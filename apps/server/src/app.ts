import cors from '@fastify/cors';
import { Ajv } from 'ajv';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type { AppDeps } from './app-deps.ts';
import type { ServerConfig } from './config.ts';
import { authenticateWith } from './http/authenticate.ts';
import { clientErrorBody, sendError } from './http/error-response.ts';
import { requestIdFor } from './http/request-id.ts';
import { shuttingDown } from './jobs/admission.ts';
import { buildOpenApiDocument } from './openapi/build-openapi-document.ts';
import './route-config.ts';
import { registerCatalogRoutes } from './routes/catalog-routes.ts';
import { registerHealthRoutes } from './routes/health-routes.ts';
import { registerImageRoute } from './routes/image-route.ts';
import { registerPollRoute } from './routes/poll-route.ts';
import { registerSubmitRoute } from './routes/submit-route.ts';

/**
 * The Fastify instance with everything that is not a route: logging, request ids, the body
 * limit, validation, and the error handling that makes every error an envelope.
 */
export function createFastify(config: ServerConfig): FastifyInstance {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie'],
        censor: '[redacted]',
      },
    },
    genReqId: requestIdFor,
    bodyLimit: config.bodyLimitBytes,
    // Shutdown answers with our own SERVICE_UNAVAILABLE envelope (see the onRequest hook).
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // A long poll may be held for pollWaitMs; anything slower than that plus a margin is stuck.
    requestTimeout: config.pollWaitMs + 30_000,
    frameworkErrors: (error, request, reply) => sendError(error, request, reply, config.bodyLimitBytes),
    clientErrorHandler: (error, socket) => {
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || !socket.writable) return socket.destroy();
      const id = `req_client_${Date.now().toString(36)}`;
      const body = clientErrorBody(id);
      const status =
        (error as NodeJS.ErrnoException).code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : '400 Bad Request';
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${id}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
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
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key'],
      exposedHeaders: ['retry-after', 'x-request-id'],
      maxAge: 600,
    });
  }

  // JSON only: a text/plain body is answered with 415 instead of failing validation as a string.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply, config.bodyLimitBytes));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      Object.assign(new Error('no route'), { code: 'FST_ERR_NOT_FOUND' }),
      request,
      reply,
      config.bodyLimitBytes,
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
  const authenticate = authenticateWith(deps.keys);
  app.addHook('onRequest', (request, reply, done) => {
    const config = request.routeOptions.config;
    if (deps.lifecycle.draining && !config.duringShutdown) {
      reply.header('connection', 'close');
      return done(shuttingDown());
    }
    try {
      if (config.auth) authenticate(request);
    } catch (error) {
      return done(error as Error);
    }
    done();
  });

  registerSubmitRoute(app, deps);
  registerPollRoute(app, deps);
  registerCatalogRoutes(app, deps);
  registerImageRoute(app, deps);
  registerHealthRoutes(app, deps);

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
    }),
  );
}
