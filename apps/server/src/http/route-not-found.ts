import { createError } from '@openpixels/errors';

/** ROUTE_NOT_FOUND for this request, exactly as a path with no route is answered: how a feature that is off answers. */
export function routeNotFound(request: { method: string; url: string }) {
  return createError('ROUTE_NOT_FOUND', { method: request.method, path: request.url.split('?')[0] ?? '/' });
}
