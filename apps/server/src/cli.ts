// `pnpm --filter @openpixels/server keys <command>`: manages API keys and credits in the data
// dir, or in the PostgreSQL database the instances share (--database-url). Safe while the
// server runs: both use the same store (SQLite's write lock, or PostgreSQL's transactions).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OpenPixelsError } from '@openpixels/errors';
import { KeyAdmin } from './admin/key-admin.ts';
import { ConfigError, DEFAULT_DATA_DIR, loadConfig } from './config.ts';
import { ProviderKeyCipher } from './keys/provider-key-cipher.ts';
import { resealProviderKeys } from './keys/reseal-provider-keys.ts';
import { openStore } from './store/open-store.ts';
import type { ApiKeyRecord } from './store/store.ts';

/** Each command's arguments and what it does: the source of `--help` and of each usage error's hint. */
const COMMANDS = {
  create: ['[--name NAME] [--credits N]', 'Create a key; it is printed once and stored only as a hash.'],
  list: ['', 'Every key: id, name, prefix, balance, state.'],
  revoke: ['<key-id | key>', 'Stop a key from working, at once; its unfinished jobs are cancelled and refunded.'],
  credit: ['<key-id | key> <amount> [--note TEXT]', 'Add credits to a key (not to a revoked one).'],
  debit: ['<key-id | key> <amount> [--note TEXT]', 'Take credits away; refused if the key holds fewer.'],
  ledger: ['<key-id | key> [--limit N]', "A key's credit movements, newest first."],
  limits: [
    '<key-id | key> [--requests-per-minute N|default] [--images-per-minute N|default]',
    "Set a key's rate limits (0: none; default: the server's).",
  ],
  reseal: [
    '',
    "Seal every key's provider credentials again under $OPENPIXELS_SECRET_KEY, opening them with $OPENPIXELS_SECRET_KEY_PREVIOUS.",
  ],
} as const;
type Command = keyof typeof COMMANDS;

const usageOf = (command: Command) => `keys ${command}${COMMANDS[command][0] ? ` ${COMMANDS[command][0]}` : ''}`;

const USAGE = `Usage: keys <command> [options]

Commands:
${Object.keys(COMMANDS)
  .map(
    (command) =>
      `  ${usageOf(command as Command)
        .slice(5)
        .padEnd(46)}${COMMANDS[command as Command][1]}`,
  )
  .join('\n')}

Options:
  --data-dir DIR   The server's data dir (default: $OPENPIXELS_DATA_DIR, else apps/server/.data).
  --database-url URL
                   The servers' PostgreSQL database instead (default: $OPENPIXELS_DATABASE_URL).
  --json           Print JSON instead of text (through pnpm, add -s so pnpm prints no banner:
                   pnpm -s --filter @openpixels/server keys list --json | jq).`;

const isCommand = (text: string | undefined): text is Command => text !== undefined && Object.hasOwn(COMMANDS, text);

/** A mistake in the command line: reported in one line, with the usage of the command it concerns. */
class UsageError extends Error {
  readonly command: Command | undefined;

  constructor(message: string, command: Command | undefined) {
    super(message);
    this.command = command;
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      credits: { type: 'string' },
      note: { type: 'string' },
      limit: { type: 'string' },
      'requests-per-minute': { type: 'string' },
      'images-per-minute': { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [named, ...rest] = positionals;
  if (values.help || !named) {
    console.log(USAGE);
    return;
  }
  if (!isCommand(named)) throw new UsageError(`unknown command ${named}`, undefined);
  const command = named;
  const dataDir = resolve(values['data-dir'] ?? process.env.OPENPIXELS_DATA_DIR ?? DEFAULT_DATA_DIR);
  const databaseUrl = values['database-url'] ?? process.env.OPENPIXELS_DATABASE_URL ?? null;
  const store = await openStore({ dataDir, databaseUrl });
  // The same operations as the admin HTTP API (admin/key-admin.ts); only the printing is the CLI's.
  const admin = new KeyAdmin(store);
  const print = (value: unknown, text: string) => console.log(values.json ? JSON.stringify(value, null, 2) : text);
  // A key that is not there is a mistake in the command line: said with the command's usage.
  const findKey = async (ref: string | undefined): Promise<ApiKeyRecord> => {
    if (!ref) throw new UsageError(`${command} needs a key id or a key`, command);
    return admin.find(ref).catch((error: unknown) => {
      throw OpenPixelsError.isInstance(error) ? new UsageError(lowerFirst(error.message), command) : error;
    });
  };
  try {
    switch (command) {
      case 'create': {
        const credits = wholeNumber(values.credits ?? '0', '--credits', command);
        const { key, record } = await admin.create({ name: values.name ?? '', credits });
        print(
          { ...record, key },
          `${key}\n(id ${record.id}, ${record.balance} credits; this is the only time the key is shown)`,
        );
        return;
      }
      case 'list': {
        const records = await admin.list();
        const lines = records.map(
          (r) =>
            `${r.id}  ${`${r.prefix}…`.padEnd(12)}  ${String(r.balance).padStart(10)}  ${r.revokedAt ? 'revoked' : 'active '}  ${r.name}`,
        );
        print(records, records.length === 0 ? 'no keys yet: keys create --credits 100' : lines.join('\n'));
        return;
      }
      case 'revoke': {
        const record = await findKey(rest[0]);
        const { cancelled } = await admin.revoke(record.id);
        print(
          { id: record.id, revoked: true, cancelled },
          `revoked ${record.id}${cancelled.length > 0 ? `; cancelled and refunded its unfinished jobs: ${cancelled.join(', ')}` : ''}`,
        );
        return;
      }
      case 'credit':
      case 'debit': {
        const record = await findKey(rest[0]);
        const amount = wholeNumber(rest[1], 'the amount', command);
        if (amount === 0) throw new UsageError('the amount must be above 0', command);
        const { balance } =
          command === 'credit'
            ? await admin.credit(record.id, amount, values.note ?? 'credited by keys CLI')
            : await admin.debit(record.id, amount, values.note ?? 'debited by keys CLI');
        const sign = command === 'credit' ? '+' : '-';
        print({ id: record.id, balance }, `${record.id}: ${sign}${amount} credits, balance ${balance}`);
        return;
      }
      case 'limits': {
        const record = await findKey(rest[0]);
        // Left out: unchanged; `default`: the server's (null); a number: this key's own.
        const perMinute = (option: 'requests-per-minute' | 'images-per-minute'): number | null | undefined => {
          const text = values[option];
          if (text === undefined) return undefined;
          return text === 'default' ? null : wholeNumber(text, `--${option}`, command);
        };
        const requests = perMinute('requests-per-minute');
        const images = perMinute('images-per-minute');
        const { limits } = await admin.setLimits(record.id, {
          ...(requests === undefined ? {} : { requestsPerMinute: requests }),
          ...(images === undefined ? {} : { imagesPerMinute: images }),
        });
        const shown = (value: number | null) => (value === null ? 'server default' : value === 0 ? 'none' : value);
        print(
          { id: record.id, limits },
          `${record.id}: ${shown(limits.requestsPerMinute)} requests/min, ${shown(limits.imagesPerMinute)} images/min`,
        );
        return;
      }
      case 'reseal': {
        const cipher = rotationCipher(command);
        const counts = await resealProviderKeys(store.keys, cipher);
        print(
          counts,
          `sealed again under the current secret: ${counts.resealed} keys' provider credentials; already under it: ${counts.current}; opened by neither secret (their holders must store them again): ${counts.unreadable}`,
        );
        return;
      }
      case 'ledger': {
        const record = await findKey(rest[0]);
        const { entries } = await admin.ledger(record.id, wholeNumber(values.limit ?? '50', '--limit', command));
        const lines = entries.map(
          (e) =>
            `${new Date(e.createdAt).toISOString()}  ${e.kind.padEnd(7)}  ${String(e.amount).padStart(8)}  → ${String(e.balanceAfter).padStart(8)}  ${e.jobId ?? e.note ?? ''}`,
        );
        print(entries, lines.join('\n') || 'no movements');
        return;
      }
    }
  } finally {
    await store.close();
  }
}

/** The cipher of a rotation, from the same two settings (and checks) the server reads; never echoes a secret. */
function rotationCipher(command: Command): ProviderKeyCipher {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({
      OPENPIXELS_SECRET_KEY: process.env.OPENPIXELS_SECRET_KEY,
      OPENPIXELS_SECRET_KEY_PREVIOUS: process.env.OPENPIXELS_SECRET_KEY_PREVIOUS,
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.problems.join('; '), command);
    throw error;
  }
  if (config.secretKey === null) {
    throw new UsageError('reseal needs OPENPIXELS_SECRET_KEY (the new secret) in the environment', command);
  }
  return new ProviderKeyCipher(config.secretKey, config.secretKeyPrevious);
}

/** "No key matches x." as the CLI's one-line style has it: "no key matches x". */
function lowerFirst(message: string): string {
  return (message.charAt(0).toLowerCase() + message.slice(1)).replace(/\.$/, '');
}

function wholeNumber(text: string | undefined, what: string, command: Command): number {
  if (text === undefined || !/^\d{1,15}$/.test(text))
    throw new UsageError(`${what} must be a whole number, got ${text ?? 'nothing'}`, command);
  return Number(text);
}

const argv = process.argv.slice(2);
try {
  await main(argv);
} catch (error) {
  const parseArgsError = String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS');
  if (error instanceof UsageError || parseArgsError) {
    const command = error instanceof UsageError ? error.command : argv.find(isCommand);
    const hint = command
      ? `usage: ${usageOf(command)}`
      : `usage: keys ${Object.keys(COMMANDS).join('|')} … (keys --help for each one)`;
    console.error(`keys: ${(error as Error).message.split('\n')[0]}\n${hint}`);
    process.exit(2);
  }
  console.error(`keys: ${(error as Error).message}`);
  process.exit(1);
}
