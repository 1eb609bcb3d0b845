import { docAnchor } from '@openpixels/errors';

/**
 * The section title and anchor of an error type: `PROVIDER_ERROR` → "Provider errors",
 * `#provider-errors`. The plural keeps a type's anchor apart from the code that shares its
 * name (`PROVIDER_ERROR` the code lives at `#provider-error`).
 */
export function typeHeading(type: string): { title: string; anchor: string } {
  const words = type.toLowerCase().split('_');
  const title = `${words.join(' ')}s`;
  return { title: title.charAt(0).toUpperCase() + title.slice(1), anchor: `${docAnchor(type)}s` };
}
