import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import {
  balanceMoveAnswerSchema,
  type CreateKeyBody,
  type CreditMoveBody,
  createdKeyAnswerSchema,
  createKeyBodySchema,
  creditMoveBodySchema,
  keyIdParamsSchema,
  keyListAnswerSchema,
  type LedgerQuery,
  ledgerAnswerSchema,
  ledgerQuerySchema,
  revokeAnswerSchema,
  adminKeySchema,
  type SetLimitsBody,
  setLimitsBodySchema,
} from './admin-schemas.ts';
import { adminKeyView, ledgerEntryView } from './admin-views.ts';

/** Every admin route is this: the admin token, the shared refusal code, no caching of what it answers. */
const ADMIN = { admin: true, errorCodes: ['ROUTE_NOT_FOUND' as const] };
const TAGS = ['ops'];

/**
 * The admin API under `/admin/`: the keys CLI's operations over HTTP, through the same
 * KeyAdmin. The admin token is checked in app.ts's onRequest hook (before any body is read);
 * with no token configured every route here answers ROUTE_NOT_FOUND. Keys are named by id only.
 */
export function registerAdminRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'admin'>): void {
  const { admin } = deps;
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.routeOptions.config.admin) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  app.post(
    '/admin/keys',
    {
      schema: {
        summary: 'Create a key',
        description: 'Creates an API key with a starting balance. The key itself is in this answer only; the gateway keeps its hash.',
        tags: TAGS,
        body: createKeyBodySchema,
        response: { 200: createdKeyAnswerSchema },
      },
      config: ADMIN,
    },
    async (request) => {
      const body = request.body as CreateKeyBody;
      const { key, record } = await admin.create({ name: body.name ?? '', credits: body.credits ?? 0 });
      return { ...adminKeyView(record), key };
    },
  );

  app.get(
    '/admin/keys',
    {
      schema: { summary: 'List keys', description: 'Every key, oldest first.', tags: TAGS, response: { 200: keyListAnswerSchema } },
      config: ADMIN,
    },
    async () => ({ keys: (await admin.list()).map(adminKeyView) }),
  );

  app.get(
    '/admin/keys/:id',
    {
      schema: { summary: 'Read a key', tags: TAGS, params: keyIdParamsSchema, response: { 200: adminKeySchema } },
      config: ADMIN,
    },
    async (request) => adminKeyView(await admin.find((request.params as { id: string }).id)),
  );

  for (const move of ['credit', 'debit'] as const) {
    app.post(
      `/admin/keys/:id/${move}`,
      {
        schema: {
          summary: move === 'credit' ? 'Add credits to a key' : 'Take credits from a key',
          description:
            move === 'credit'
              ? 'Adds credits with a note in the ledger. A revoked key is refused (its credits could never be spent).'
              : 'Takes credits away with a note in the ledger; refused when the key holds fewer.',
          tags: TAGS,
          params: keyIdParamsSchema,
          body: creditMoveBodySchema,
          response: { 200: balanceMoveAnswerSchema },
        },
        config: ADMIN,
      },
      async (request) => {
        const { id } = request.params as { id: string };
        const { amount, note } = request.body as CreditMoveBody;
        return move === 'credit'
          ? admin.credit(id, amount, note ?? 'credited by the admin API')
          : admin.debit(id, amount, note ?? 'debited by the admin API');
      },
    );
  }

  app.get(
    '/admin/keys/:id/ledger',
    {
      schema: {
        summary: "Read a key's ledger",
        description: 'Credit movements, newest first: grants and debits by operators, reserves and refunds of jobs.',
        tags: TAGS,
        params: keyIdParamsSchema,
        querystring: ledgerQuerySchema,
        response: { 200: ledgerAnswerSchema },
      },
      config: ADMIN,
    },
    async (request) => {
      const { id, entries } = await admin.ledger(
        (request.params as { id: string }).id,
        (request.query as LedgerQuery).limit ?? 50,
      );
      return { id, entries: entries.map(ledgerEntryView) };
    },
  );

  app.put(
    '/admin/keys/:id/limits',
    {
      schema: {
        summary: "Set a key's rate limits",
        description:
          'Requests and images a minute for this key, across every instance; null follows the server default (`OPENPIXELS_RATE_LIMIT_*`), 0 is no limit, a limit left out stays as it is. Applies from the key\'s next request.',
        tags: TAGS,
        params: keyIdParamsSchema,
        body: setLimitsBodySchema,
        response: { 200: adminKeySchema },
      },
      config: ADMIN,
    },
    async (request) => {
      const body = request.body as SetLimitsBody;
      const record = await admin.setLimits((request.params as { id: string }).id, {
        ...(body.requests_per_minute === undefined ? {} : { requestsPerMinute: body.requests_per_minute }),
        ...(body.images_per_minute === undefined ? {} : { imagesPerMinute: body.images_per_minute }),
      });
      return adminKeyView(record);
    },
  );

  app.post(
    '/admin/keys/:id/revoke',
    {
      schema: {
        summary: 'Revoke a key',
        description: 'The key stops working at once, on every instance; its unfinished jobs are cancelled and refunded.',
        tags: TAGS,
        params: keyIdParamsSchema,
        response: { 200: revokeAnswerSchema },
      },
      config: ADMIN,
    },
    async (request) => admin.revoke((request.params as { id: string }).id),
  );
}
