/** Where the error reference lives; each code is an anchor on that page. */
export const ERROR_REFERENCE_URL = 'https://openpixels.ai/docs/reference/errors';

/** The anchor of a code on the error reference page: `NO_CREDITS` → `no-credits`. */
export function docAnchor(code: string): string {
  return code.toLowerCase().replaceAll('_', '-');
}

/** The link an envelope's `doc_url` carries for a code. */
export function docUrl(code: string): string {
  return `${ERROR_REFERENCE_URL}#${docAnchor(code)}`;
}
