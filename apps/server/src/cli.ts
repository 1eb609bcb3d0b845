// `pnpm --filter @openpixels/server keys <command>`: manages API keys and credits in the data
// dir, or in the PostgreSQL database the instances share (--database-url). Safe while the
// server runs: both use the same store (SQLite's write lock, or PostgreSQL's transactions).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from './config.ts';
import { grantCredits } from './credits/grant-credits.ts';
import { findApiKey } from './keys/find-api-key.ts';
import { issueApiKey } from './keys/issue-api-key.ts';
import { openStore } from './store/open-store.ts';
import type { ApiKeyRecord } from './store/store.ts';

const USAGE = `Usage: keys <command> [options]

Commands:
  create [--name NAME] [--credits N]     Create a key; it is printed once and stored only as a hash.
  list                                   Every key: id, name, prefix, balance, state.
  revoke <key-id | key>                  Stop a key from working, at once.
  credit <key-id | key> <amount> [--note TEXT]
                                         Add credits to a key.
  ledger <key-id | key> [--limit N]      A key's credit movements, newest first.

Options:
  --data-dir DIR   The server's data dir (default: $OPENPIXELS_DATA_DIR, else apps/server/.data).
  --database-url URL
                   The servers' PostgreSQL database instead (default: $OPENPIXELS_DATABASE_URL).
  --json           Print JSON instead of text.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      credits: { type: 'string' },
      note: { type: 'string' },
      limit: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const dataDir = resolve(values['data-dir'] ?? process.env.OPENPIXELS_DATA_DIR ?? DEFAULT_DATA_DIR);
  const databaseUrl = values['database-url'] ?? process.env.OPENPIXELS_DATABASE_URL ?? null;
  const store = await openStore({ dataDir, databaseUrl });
  const keys = store.keys;
  const print = (value: unknown, text: string) => console.log(values.json ? JSON.stringify(value, null, 2) : text);
  const findKey = async (ref: string | undefined): Promise<ApiKeyRecord> => {
    if (!ref) throw new UsageError(`${command} needs a key id or a key`);
    const record = await findApiKey(keys, ref);
    if (!record) throw new UsageError(`no key matches ${ref.startsWith('sk-op-') ? 'that key' : ref}`);
    return record;
  };
  try {
    switch (command) {
      case 'create': {
        const credits = wholeNumber(values.credits ?? '0', '--credits');
        const { key, record } = await issueApiKey(keys, { name: values.name ?? '', credits });
        print(
          { ...record, key },
          `${key}\n(id ${record.id}, ${record.balance} credits; this is the only time the key is shown)`,
        );
        return;
      }
      case 'list': {
        const records = await keys.list();
        const lines = records.map(
          (r) =>
            `${r.id}  ${`${r.prefix}…`.padEnd(12)}  ${String(r.balance).padStart(10)}  ${r.revokedAt ? 'revoked' : 'active '}  ${r.name}`,
        );
        print(records, records.length === 0 ? 'no keys yet: keys create --credits 100' : lines.join('\n'));
        return;
      }
      case 'revoke': {
        const record = await findKey(rest[0]);
        await keys.revoke(record.id, Date.now());
        print({ id: record.id, revoked: true }, `revoked ${record.id}`);
        return;
      }
      case 'credit': {
        const record = await findKey(rest[0]);
        const amount = wholeNumber(rest[1], 'the amount');
        if (amount === 0) throw new UsageError('the amount must be above 0');
        const balance = await grantCredits(store.ledger, record.id, amount, values.note ?? 'credited by keys CLI');
        print({ id: record.id, balance }, `${record.id}: +${amount} credits, balance ${balance}`);
        return;
      }
      case 'ledger': {
        const record = await findKey(rest[0]);
        const entries = await store.ledger.history(record.id, wholeNumber(values.limit ?? '50', '--limit'));
        const lines = entries.map(
          (e) =>
            `${new Date(e.createdAt).toISOString()}  ${e.kind.padEnd(7)}  ${String(e.amount).padStart(8)}  → ${String(e.balanceAfter).padStart(8)}  ${e.jobId ?? e.note ?? ''}`,
        );
        print(entries, lines.join('\n') || 'no movements');
        return;
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } finally {
    await store.close();
  }
}

function wholeNumber(text: string | undefined, what: string): number {
  if (text === undefined || !/^\d{1,15}$/.test(text))
    throw new UsageError(`${what} must be a whole number, got ${text ?? 'nothing'}`);
  return Number(text);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`keys: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`keys: ${(error as Error).message}`);
  process.exit(1);
});
