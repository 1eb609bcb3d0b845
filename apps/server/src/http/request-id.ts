import type { IncomingMessage } from 'node:http';
import { randomHex } from './random-hex.ts';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The id of a request: the caller's `X-Request-Id` when it is a plain token (so a proxy's id
 * threads through our logs), otherwise a fresh `req_…`. It is echoed in the `X-Request-Id`
 * header and in every error envelope.
 */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && SAFE_ID.test(given)) return given;
  return `req_${randomHex(12)}`;
}
