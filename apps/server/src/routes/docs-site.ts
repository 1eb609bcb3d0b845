import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The path the docs site is built for (its VitePress `base`) and served under. */
export const DOCS_PATH = '/docs/';

/** True when `dir` holds a built docs site (its index page is there). */
export function isBuiltDocsSite(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

/**
 * Serves the built docs site at /docs/, so the `doc_url` of every envelope this gateway sends
 * resolves on the gateway itself, offline. Pages are found the way the site links them
 * (`/docs/reference/errors` is `reference/errors.html`); a missing page is ROUTE_NOT_FOUND.
 */
export function registerDocsSite(app: FastifyInstance, dir: string): void {
  app.register(fastifyStatic, {
    root: dir,
    prefix: DOCS_PATH,
    extensions: ['html'],
    // Keep the routes out of the OpenAPI document: they are pages, not the API.
    schemaHide: true,
    // The site's own redirects: /docs → /docs/.
    redirect: true,
    cacheControl: true,
    maxAge: '1h',
  });
}
