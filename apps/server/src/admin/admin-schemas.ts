// JSON Schemas of the admin API's requests and answers: the routes validate with them, the
// OpenAPI document is built from them, and the handlers' types come from them.
import type { FromSchema } from 'json-schema-to-ts';

/** A key id in a path (ids only: a key itself in a URL would end up in access logs). */
export const keyIdParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 100, description: 'The key id (`key_…`).' } },
} as const;

/** `POST /admin/keys`. */
export const createKeyBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 200, default: '', description: 'A label for operators.' },
    credits: { type: 'integer', minimum: 0, maximum: 1e15, default: 0, description: 'Starting balance.' },
  },
} as const;
export type CreateKeyBody = FromSchema<typeof createKeyBodySchema>;

/** `POST /admin/keys/:id/credit` and `…/debit`. */
export const creditMoveBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['amount'],
  properties: {
    amount: { type: 'integer', minimum: 1, maximum: 1e15, description: 'Credits to add (credit) or take away (debit).' },
    note: { type: 'string', minLength: 1, maxLength: 500, description: 'Why, kept in the ledger line.' },
  },
} as const;
export type CreditMoveBody = FromSchema<typeof creditMoveBodySchema>;

/** `GET /admin/keys/:id/ledger`'s query string. */
export const ledgerQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } },
} as const;
export type LedgerQuery = FromSchema<typeof ledgerQuerySchema>;

/** A rate limit per minute: null follows the server's default, 0 is no limit. */
const perMinuteSchema = { type: ['integer', 'null'], minimum: 0, maximum: 100_000_000 } as const;

/** A key's own rate limits. */
export const keyLimitsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['requests_per_minute', 'images_per_minute'],
  properties: {
    requests_per_minute: { ...perMinuteSchema, description: 'Requests a minute; null: the server default.' },
    images_per_minute: { ...perMinuteSchema, description: 'Images submitted a minute; null: the server default.' },
  },
} as const;

/** `PUT /admin/keys/:id/limits`: the limits to change (one left out stays as it is). */
export const setLimitsBodySchema = { ...keyLimitsSchema, required: [] } as const;
export type SetLimitsBody = FromSchema<typeof setLimitsBodySchema>;

/** A key as the admin API shows it: never its secret (but once, at creation) and never its hash. */
export const adminKeySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'prefix', 'balance', 'created_at', 'revoked_at', 'limits'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    prefix: { type: 'string', description: "The key's first characters, to recognise it." },
    balance: { type: 'integer' },
    created_at: { type: 'string', format: 'date-time' },
    revoked_at: { type: ['string', 'null'], format: 'date-time' },
    limits: keyLimitsSchema,
  },
} as const;
export type AdminKey = FromSchema<typeof adminKeySchema>;

/** `POST /admin/keys`: the key with its secret, shown this once. */
export const createdKeyAnswerSchema = {
  ...adminKeySchema,
  required: [...adminKeySchema.required, 'key'],
  properties: {
    ...adminKeySchema.properties,
    key: { type: 'string', description: 'The key itself. Shown this once; only its hash is stored.' },
  },
} as const;

/** `GET /admin/keys`. */
export const keyListAnswerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['keys'],
  properties: { keys: { type: 'array', items: adminKeySchema } },
} as const;

/** A credit or debit's answer. */
export const balanceMoveAnswerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'balance'],
  properties: { id: { type: 'string' }, balance: { type: 'integer' } },
} as const;

/** One ledger line as the admin API shows it. */
export const ledgerEntrySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'job_id', 'kind', 'amount', 'balance_after', 'note', 'created_at'],
  properties: {
    id: { type: 'integer' },
    job_id: { type: ['string', 'null'] },
    kind: { type: 'string', enum: ['grant', 'reserve', 'refund'] },
    amount: { type: 'integer', description: 'Signed: grants and refunds add, reserves and debits take away.' },
    balance_after: { type: 'integer' },
    note: { type: ['string', 'null'] },
    created_at: { type: 'string', format: 'date-time' },
  },
} as const;
export type AdminLedgerEntry = FromSchema<typeof ledgerEntrySchema>;

/** `GET /admin/keys/:id/ledger`. */
export const ledgerAnswerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'entries'],
  properties: { id: { type: 'string' }, entries: { type: 'array', items: ledgerEntrySchema } },
} as const;

/** `POST /admin/keys/:id/revoke`. */
export const revokeAnswerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'revoked', 'cancelled'],
  properties: {
    id: { type: 'string' },
    revoked: { type: 'boolean', const: true },
    cancelled: { type: 'array', items: { type: 'string' }, description: 'Unfinished jobs cancelled and refunded.' },
  },
} as const;
