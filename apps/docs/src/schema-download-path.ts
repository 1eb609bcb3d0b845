/** Where the site serves the envelope's JSON Schema, relative to the site's base. */
export const SCHEMA_DOWNLOAD_PATH = '/schemas/error-envelope.schema.json';
