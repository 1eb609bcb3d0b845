/** Where the public docs site lives; a self-hosted gateway points its envelopes at its own copy. */
export const DOCS_BASE_URL = 'https://openpixels.ai/docs/';

/** Where the error reference lives on the public site; each code is an anchor on that page. */
export const ERROR_REFERENCE_URL = `${DOCS_BASE_URL}reference/errors`;

/** The anchor of a code on the error reference page: `NO_CREDITS` → `no-credits`. */
export function docAnchor(code: string): string {
  return code.toLowerCase().replaceAll('_', '-');
}

/**
 * The link an envelope's `doc_url` carries for a code: its heading on the error reference of
 * the docs site at `docsBaseUrl` (the public site unless a gateway serves its own).
 */
export function docUrl(code: string, docsBaseUrl: string = DOCS_BASE_URL): string {
  const base = docsBaseUrl.endsWith('/') ? docsBaseUrl : `${docsBaseUrl}/`;
  return `${base}reference/errors#${docAnchor(code)}`;
}
