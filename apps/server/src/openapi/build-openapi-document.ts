import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type ErrorCode, errorCatalog, exampleError } from '@openpixels/errors';
import type { RouteOptions } from 'fastify';
import '../route-config.ts';

type Schema = Record<string, unknown>;

/** The errors package's JSON Schema (draft-07, definitions under `#/definitions`). */
export function loadErrorEnvelopeSchema(): Schema {
  const path = createRequire(import.meta.url).resolve('@openpixels/errors/schema.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Schema;
}

/** Codes any route may answer with, whatever it does. */
const EVERY_ROUTE: ErrorCode[] = ['HEADERS_TOO_LARGE', 'INTERNAL_SERVER_ERROR'];

/** Codes a route that reads a body may answer with before its own validation runs. */
const BODY_ROUTE: ErrorCode[] = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];

/**
 * Builds the OpenAPI 3.1 document from the routes as registered: their schemas (the same ones
 * that validate requests), whether they need a key, and the error codes they can answer
 * with. Error bodies refer to the errors package's own schema, copied in as components.
 */
export function buildOpenApiDocument(
  routes: readonly RouteOptions[],
  options: { serverUrl?: string | undefined },
): Schema {
  const envelope = loadErrorEnvelopeSchema();
  const definitions = envelope.definitions as Record<string, Schema>;
  const schemas: Record<string, Schema> = {};
  for (const [name, schema] of Object.entries(definitions)) schemas[name] = rewriteRefs(schema) as Schema;
  schemas.ErrorEnvelope = {
    $ref: '#/components/schemas/OpenPixelsErrorEnvelope',
    description: envelope.description,
  };

  const paths: Record<string, Record<string, Schema>> = {};
  const sorted = [...routes]
    .filter((r) => !r.url.includes('*') && !(r.schema as { hide?: boolean } | undefined)?.hide)
    .sort((a, b) => a.url.localeCompare(b.url) || String(a.method).localeCompare(String(b.method)));
  for (const route of sorted) {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      const path = route.url.replace(/:([A-Za-z_]+)/g, '{$1}');
      paths[path] ??= {};
      (paths[path] as Record<string, Schema>)[method.toLowerCase()] = operation(route);
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'OpenPixels API',
      version: '2.0.0',
      description:
        'One API for image generation across providers. Submit a job, then long-poll it until it is a `result`. Every error is an OpenPixels error envelope `{ type, code, message, params, request_id, doc_url }`, sent with the HTTP status the error catalog gives its code. Besides the answers listed per operation, a path no route has is answered with `ROUTE_NOT_FOUND` (404), and a method a path does not accept with `METHOD_NOT_ALLOWED` (405, with an `Allow` header).',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    tags: [
      { name: 'jobs', description: 'Submit image jobs and wait for them.' },
      { name: 'catalog', description: 'Models, providers and their health.' },
      { name: 'account', description: 'The calling key.' },
      { name: 'health', description: 'For load balancers and orchestrators.' },
      { name: 'meta', description: 'About the API itself.' },
      { name: 'ops', description: "For the gateway's operators: metrics, and the admin API (each off unless its token is set)." },
    ],
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Send `Authorization: Key sk-op-…` (`Bearer` works too).',
        },
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'The admin API: `Authorization: Bearer <OPENPIXELS_ADMIN_TOKEN>`. An API key is refused (`INVALID_API_KEY`); with no token configured the admin routes answer `ROUTE_NOT_FOUND`.',
        },
      },
      schemas,
    },
  };
}

function operation(route: RouteOptions): Schema {
  const schema = (route.schema ?? {}) as Schema;
  const config = (route.config ?? {}) as {
    auth?: boolean;
    admin?: boolean;
    duringShutdown?: boolean;
    errorCodes?: ErrorCode[];
  };
  const parameters = [
    ...parametersOf(schema.params as Schema | undefined, 'path'),
    ...parametersOf(schema.querystring as Schema | undefined, 'query'),
    ...parametersOf(schema.headers as Schema | undefined, 'header'),
  ];
  const codes = new Set<ErrorCode>(config.errorCodes ?? []);
  if (schema.body || schema.params || schema.querystring || schema.headers) codes.add('INVALID_ARGUMENTS');
  if (config.auth || config.admin) {
    codes.add('MISSING_API_KEY');
    codes.add('INVALID_API_KEY');
  }
  if (!config.duringShutdown) codes.add('SERVICE_UNAVAILABLE');
  if (schema.body) for (const code of BODY_ROUTE) codes.add(code);
  for (const code of EVERY_ROUTE) codes.add(code);

  const responses: Record<string, Schema> = {};
  const ok = (schema.response as Record<string, Schema> | undefined)?.[200];
  responses['200'] = ok?.content
    ? { description: String(ok.description ?? 'OK'), content: ok.content }
    : {
        description: 'OK',
        ...(ok ? { content: { 'application/json': { schema: rewriteRefs(ok) } } } : {}),
      };
  for (const [status, statusCodes] of groupByStatus([...codes])) {
    responses[status] = {
      description: statusCodes.map((c) => `\`${c}\`: ${errorCatalog[c].description}`).join(' '),
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/ErrorEnvelope' },
          examples: Object.fromEntries(
            statusCodes.map((c) => [c, { value: exampleError(c, { requestId: EXAMPLE_REQUEST_ID }).toJSON() }]),
          ),
        },
      },
    };
  }

  return {
    summary: schema.summary,
    ...(schema.description ? { description: schema.description } : {}),
    ...(schema.tags ? { tags: schema.tags } : {}),
    operationId: operationId(route),
    ...(config.auth ? { security: [{ apiKey: [] }] } : {}),
    ...(config.admin ? { security: [{ adminToken: [] }] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(schema.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: rewriteRefs(schema.body) },
            },
          },
        }
      : {}),
    responses,
  };
}

const EXAMPLE_REQUEST_ID = 'req_5f1e2d3c4b5a69788796a5b4';

/** Error codes grouped by the catalog's HTTP status for each, in status order. */
function groupByStatus(codes: ErrorCode[]): [string, ErrorCode[]][] {
  const groups = new Map<string, ErrorCode[]>();
  for (const code of codes) {
    const status = String(errorCatalog[code].status);
    groups.set(status, [...(groups.get(status) ?? []), code]);
  }
  return [...groups].sort(([a], [b]) => Number(a) - Number(b));
}

function parametersOf(schema: Schema | undefined, location: 'path' | 'query' | 'header'): Schema[] {
  const properties = (schema?.properties ?? {}) as Record<string, Schema>;
  const required = (schema?.required ?? []) as string[];
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name: location === 'header' ? headerName(name) : name,
      in: location,
      required: location === 'path' || required.includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function headerName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, letter: string) => dash + letter.toUpperCase());
}

function operationId(route: RouteOptions): string {
  const method = [route.method].flat()[0]?.toLowerCase() ?? 'get';
  const words = route.url
    .split('/')
    .filter((part) => part && !part.startsWith(':') && part !== 'v2')
    .map((part) => part.replace(/[^A-Za-z0-9]/g, ''));
  const name = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('') || 'root';
  return `${method}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: Schema = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof inner === 'string'
        ? inner.replace('#/definitions/', '#/components/schemas/')
        : rewriteRefs(inner);
  }
  return out;
}
