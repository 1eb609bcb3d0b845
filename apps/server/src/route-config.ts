import type { ErrorCode } from '@openpixels/errors';

declare module 'fastify' {
  /** OpenAPI fields kept beside the validation schemas of a route. */
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: string[];
  }

  interface FastifyContextConfig {
    /** The route needs an API key (`Authorization: Key …`). */
    auth?: boolean;
    /** An admin route: it needs the admin token (`Authorization: Bearer …`), and does not exist while none is set. */
    admin?: boolean;
    /** The route still answers while the server drains (health checks). */
    duringShutdown?: boolean;
    /** The route answers on connections beyond the connection cap too (health checks only). */
    pastConnectionCap?: boolean;
    /** Codes this route can answer with besides the ones every route can; listed in the OpenAPI document. */
    errorCodes?: ErrorCode[];
  }
}
