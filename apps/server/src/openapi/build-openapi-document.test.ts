import { readFileSync } from 'node:fs';
import { type ErrorCode, errorCatalog, exampleError, isKnownCode } from '@openpixels/errors';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope } from '../testing/expect-error-envelope.ts';
import { startTestServer, type TestServer } from '../testing/start-test-server.ts';

type Operation = {
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<
    string,
    { content?: Record<string, { schema?: { $ref?: string }; examples?: Record<string, { value: unknown }> }> }
  >;
  security?: object[];
};
type Document = {
  openapi: string;
  servers?: unknown;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
};

let server: TestServer;
let document: Document;
beforeAll(async () => {
  server = await startTestServer();
  document = (await (await server.call('/openapi.json', { auth: false })).json()) as Document;
});
afterAll(() => server.close());

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

describe('the OpenAPI document', () => {
  it('is the committed openapi.json (run `pnpm --filter @openpixels/server openapi` after changing a route)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as Document;
    const { servers, ...served } = document;
    expect(servers).toEqual([{ url: server.url }]);
    expect(served).toEqual(committed);
  });

  it('lists every route the server answers', () => {
    const listed = new Set(operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`));
    for (const route of [
      'POST /v2/submit',
      'GET /v2/poll/{id}',
      'GET /v2/models',
      'GET /v2/providers',
      'GET /v2/balance',
      'GET /v2/images/{file}',
      'GET /status',
      'GET /readyz',
      'GET /openapi.json',
      'GET /',
    ]) {
      expect(listed).toContain(route);
    }
    expect(document.openapi).toBe('3.1.0');
  });

  it("every error response is the errors package's envelope, and every example validates against it", () => {
    let examples = 0;
    for (const { op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const json = response.content?.['application/json'];
        expect(json?.schema?.$ref).toBe('#/components/schemas/ErrorEnvelope');
        for (const [code, example] of Object.entries(json?.examples ?? {})) {
          expectErrorEnvelope(example.value, code as Parameters<typeof expectErrorEnvelope>[1]);
          examples++;
        }
      }
    }
    expect(examples).toBeGreaterThan(20);
  });

  it("lists each error code under the catalog's status for it, with the package's own example", () => {
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        for (const [code, example] of Object.entries(response.content?.['application/json']?.examples ?? {})) {
          expect(isKnownCode(code), code).toBe(true);
          const known = code as ErrorCode;
          expect(Number(status), `${method} ${path} ${code}`).toBe(errorCatalog[known].status);
          expect(example.value).toEqual({ ...exampleError(known).toJSON(), request_id: expect.any(String) });
        }
      }
    }
    const submit = Object.values(document.paths['/v2/submit']?.post?.responses ?? {}).flatMap((r) =>
      Object.keys(r.content?.['application/json']?.examples ?? {}),
    );
    expect(submit).toEqual(
      expect.arrayContaining(['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'HEADERS_TOO_LARGE']),
    );
  });

  it('the components compile as JSON Schema, and every $ref points at one of them', () => {
    const text = JSON.stringify(document);
    for (const [, name] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(document.components.schemas).toHaveProperty(name as string);
    }
    const ajv = new Ajv({ strict: false });
    ajv.addSchema({ $id: 'doc', components: document.components }, 'doc');
    const submit = document.paths['/v2/submit']?.post?.requestBody?.content['application/json']?.schema as object;
    const validate = ajv.compile(submit);
    expect(validate({ model: 'flux-dev', prompt: 'a cat' })).toBe(true);
    expect(validate({ model: 'flux-dev', prompt: 'a cat', width: 7 })).toBe(false);
  });

  it('marks the routes that need a key', () => {
    expect(document.paths['/v2/submit']?.post?.security).toEqual([{ apiKey: [] }]);
    expect(document.paths['/v2/models']?.get?.security).toBeUndefined();
  });
});
