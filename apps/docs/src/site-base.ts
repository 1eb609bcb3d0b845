/**
 * The path the site is deployed under: https://openpixels.ai/docs/, so that the errors
 * package's `docUrl(code)` (https://openpixels.ai/docs/reference/errors#<anchor>) lands on
 * the page built from reference/errors.md.
 */
export const SITE_BASE = '/docs/';
